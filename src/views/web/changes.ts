/**
 * "Vad är nytt": what the latest data:build changed, by indicator, in words a board member reads
 * before a meeting: new periods, and values revised since they were last published.
 */
import { formatDate, formatNumber, formatPeriod } from '../../formats/display.ts';
import { t } from '../../i18n/index.ts';
import { measureDatasets } from '../../schemas/indicator.ts';
import type { ChangeLog, DatasetChanges } from '../../schemas/snapshot.ts';
import type { Site } from '../model/site.ts';
import { indicatorPath } from '../model/paths.ts';

export interface ChangeItem {
  title: string;
  /** The indicator's page in the first förbund that follows it, where there is one. */
  href: string | null;
  lines: string[];
}

export interface ChangesPage {
  lead: string;
  items: ChangeItem[];
  tables: string[];
}

function periodsText(periods: string[]): string {
  if (periods.length === 0) return '';
  const first = formatPeriod(periods[0] as string);
  const last = formatPeriod(periods.at(-1) as string);
  return periods.length === 1 ? first : `${first}–${last}`;
}

/** A raw source value as the source gave it: whole counts without decimals. */
const raw = (value: number) => formatNumber(value, Number.isInteger(value) ? 0 : 1);

function linesOf(changes: DatasetChanges[]): string[] {
  const lines: string[] = [];
  for (const change of changes) {
    if (change.change === 'removed') lines.push(t('changes.removed'));
    else if (change.change === 'added') lines.push(t('changes.added', { periods: periodsText(change.newPeriods) }));
    else if (change.newPeriods.length > 0)
      lines.push(t('changes.new-periods', { periods: periodsText(change.newPeriods) }));
    if (change.revised > 0) {
      const shown = change.revisions.slice(0, 3).map((revision) =>
        t('changes.revision', {
          region: revision.region,
          period: formatPeriod(revision.period),
          from: raw(revision.from),
          to: raw(revision.to),
        }),
      );
      const examples = shown.join('; ');
      lines.push(
        change.revised === 1
          ? t('changes.revised.one', { examples })
          : t('changes.revised', { count: formatNumber(change.revised), examples }),
      );
    }
  }
  return [...new Set(lines)];
}

export function changesPage(site: Site, log: ChangeLog | null): ChangesPage {
  if (!log || (!log.comparedWith && log.datasets.length === 0))
    return { lead: t('changes.none-recorded'), items: [], tables: [] };
  const byDataset = new Map(log.datasets.map((change) => [change.dataset, change]));
  const items = site.config.indicators.flatMap((indicator): ChangeItem[] => {
    const changes = measureDatasets(indicator.measure).flatMap((dataset) => byDataset.get(dataset) ?? []);
    if (changes.length === 0) return [];
    const forbund = site.config.forbund.find((entry) =>
      [...entry.effectGoals, ...entry.strategicAreas.flatMap((area) => area.goals)].some(
        (goal) => goal.indicator === indicator.id,
      ),
    );
    return [
      {
        title: indicator.title,
        href: forbund ? indicatorPath(forbund.id, indicator.id) : null,
        lines: linesOf(changes),
      },
    ];
  });
  const lead = log.comparedWith
    ? t('changes.lead', {
        retrieved: formatDate(log.retrievedAt),
        previous: formatDate(log.comparedWith.retrievedAt),
      })
    : t('changes.first', { retrieved: formatDate(log.retrievedAt) });
  const tables = log.tables.map((table) =>
    t('changes.table', { dataset: table.dataset, from: table.from ?? '–', to: table.to }),
  );
  return { lead: items.length === 0 && log.comparedWith ? `${lead} ${t('changes.nothing')}` : lead, items, tables };
}
