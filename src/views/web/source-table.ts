/**
 * Om statistiken's "Källornas status": the facts `npm run data:status` prints, as of the snapshot
 * (a built page cannot know today's date, so it says what was fetched and when the next is due).
 */
import { formatDate, formatPeriod } from '../../formats/display.ts';
import { t } from '../../i18n/index.ts';
import { textCell, type TableBlock } from '../blocks/table.ts';
import { nextExpected } from '../model/release.ts';
import type { Site } from '../model/site.ts';
import { sourceStatuses } from '../model/source-status.ts';

export function sourceStatusTable(site: Site): TableBlock {
  const { config, snapshot } = site;
  const statuses = sourceStatuses(
    config.sources,
    config.indicators,
    snapshot,
    new Date(snapshot.meta.retrievedAt),
    config.site.exportMaxAgeDays,
  );
  return {
    caption: t('about.status.caption'),
    columns: [t('about.status.source'), t('about.status.updated'), t('about.status.period'), t('about.status.next')],
    rows: statuses.map((status) => ({
      header: textCell(status.label),
      emphasis: false,
      cells: [
        textCell(status.updated ? formatDate(status.updated) : t('status.missing')),
        textCell(status.latestPeriod ? formatPeriod(status.latestPeriod) : t('status.missing')),
        textCell(status.updated && status.rhythm ? nextExpected(status.updated, status.rhythm) : t('status.missing')),
      ],
    })),
  };
}
