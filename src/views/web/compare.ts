/**
 * The form that lets a reader add any kommun to an indicator page's trend chart and table. What the
 * browser script needs it gets from here: where the CSV is and its words; the CSV carries each cell
 * as the table writes it. Counts are never offered: they measure size.
 */
import { t } from '../../i18n/index.ts';
import type { Indicator } from '../../schemas/indicator.ts';
import { comparisonDataPath } from '../model/paths.ts';
import { isPlaceable } from '../../measures/national.ts';

export interface CompareForm {
  csv: string;
  /** JSON for the script: its messages, and the mark of a cell without a value. */
  words: string;
}

export function compareForm(indicator: Indicator): CompareForm | null {
  // Compared with other kommuner as everywhere: rates, never counts.
  if (!isPlaceable(indicator)) return null;
  return {
    csv: comparisonDataPath(indicator.id),
    words: JSON.stringify({
      added: t('compare.added'),
      removed: t('compare.removed'),
      unknown: t('compare.unknown'),
      failed: t('compare.failed'),
      outside: t('compare.outside'),
      remove: t('compare.remove'),
      missing: t('status.missing'),
    }),
  };
}
