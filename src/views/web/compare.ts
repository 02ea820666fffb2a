/**
 * The form that lets a reader add any kommun to an indicator page's trend chart and table. What the
 * browser script needs it gets from here: where the CSV is, which of its rows are the headline
 * series, how to write a value, and its words. Counts are never offered: they measure size.
 */
import { t } from '../../i18n/index.ts';
import type { Indicator } from '../../schemas/indicator.ts';
import { comparisonDataPath } from '../model/paths.ts';
import { isPlaceable } from '../../measures/national.ts';
import { PERCENT_SUFFIX } from '../../formats/display.ts';

export interface CompareForm {
  csv: string;
  /** Breakdown columns and the values the headline series has in them. */
  selection: Record<string, string>;
  /** JSON for the script: its messages, the marks of a table cell, and how a value is written. */
  words: string;
}

export function compareForm(indicator: Indicator): CompareForm | null {
  // Compared with other kommuner as everywhere: rates, never counts.
  if (!isPlaceable(indicator)) return null;
  return {
    csv: comparisonDataPath(indicator.id),
    selection: indicator.headline,
    words: JSON.stringify({
      added: t('compare.added'),
      removed: t('compare.removed'),
      unknown: t('compare.unknown'),
      failed: t('compare.failed'),
      outside: t('compare.outside'),
      remove: t('compare.remove'),
      marks: { suppressed: t('status.suppressed'), withheld: t('status.hidden-sum'), missing: t('status.missing') },
      decimals: indicator.decimals,
      // As formatValue writes a value: a percentage with its sign, anything else bare.
      suffix: indicator.unit === 'percent' ? PERCENT_SUFFIX : '',
    }),
  };
}
