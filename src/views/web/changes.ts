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
  /** The indicators these changes touch, each linked to its page in the first förbund that follows it. */
  indicators: { title: string; href: string | null }[];
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

/**
 * A revision's two raw values as the source gave them: whole counts without decimals, and a pair
 * written alike, so that 27,6 → 28,0 never reads as 27,6 → 28.
 */
function rawPair(from: number, to: number): { from: string; to: string } {
  const decimals = Number.isInteger(from) && Number.isInteger(to) ? 0 : 1;
  return { from: formatNumber(from, decimals), to: formatNumber(to, decimals) };
}

/** "män, 15-74, arbetskraften": a revised series in the words of its codes. */
function seriesText(sex: string, breakdown: string): string {
  const parts = (breakdown === '' ? [] : breakdown.split('&').map((pair) => pair.split('=')[1] ?? pair)).map((code) =>
    code.replace(/^(\d+)-(\d+)$/, (_, from: string, to: string) => t('age.band', { from, to })),
  );
  const sexes: Record<string, string> = { women: t('sex.women'), men: t('sex.men') };
  return [...(sexes[sex] ? [sexes[sex].toLowerCase()] : []), ...parts].join(', ');
}

function linesOf(changes: DatasetChanges[], site: Site, counts: boolean): string[] {
  const lines: string[] = [];
  const regionName = (code: string) => site.config.registry.get(code)?.name ?? code;
  for (const change of changes) {
    if (change.change === 'removed') lines.push(t('changes.removed'));
    else if (change.change === 'added') lines.push(t('changes.added', { periods: periodsText(change.newPeriods) }));
    else if (change.newPeriods.length > 0)
      lines.push(t('changes.new-periods', { periods: periodsText(change.newPeriods) }));
    if (change.revised > 0) {
      const shown = change.revisions.slice(0, 3).map((revision) => {
        const series = seriesText(revision.sex, revision.breakdown);
        return t(series ? 'changes.revision.series' : 'changes.revision', {
          region: regionName(revision.region),
          period: formatPeriod(revision.period),
          series,
          ...rawPair(revision.from, revision.to),
        });
      });
      const examples = shown.join('; ');
      // A rate's revised counts are its underlag, not figures the site published as they are.
      const [many, one] = counts
        ? (['changes.revised.counts', 'changes.revised.counts.one'] as const)
        : (['changes.revised', 'changes.revised.one'] as const);
      lines.push(
        change.revised === 1 ? t(one, { examples }) : t(many, { count: formatNumber(change.revised), examples }),
      );
    }
  }
  return [...new Set(lines)];
}

/** With a förbund, its own indicator pages are linked first: the reader came from it. */
export function changesPage(site: Site, log: ChangeLog | null, forbundId: string | null = null): ChangesPage {
  if (!log || (!log.comparedWith && log.datasets.length === 0))
    return { lead: t('changes.none-recorded'), items: [], tables: [] };
  const byDataset = new Map(log.datasets.map((change) => [change.dataset, change]));
  // Indicators made from the same changed datasets share one entry: the same revisions, told once.
  const groups = new Map<string, ChangeItem>();
  for (const indicator of site.config.indicators) {
    const datasets = measureDatasets(indicator.measure).filter((dataset) => byDataset.has(dataset));
    if (datasets.length === 0) continue;
    const key = [...datasets].sort().join('|');
    const followers = site.config.forbund.filter((entry) =>
      [...entry.effectGoals, ...entry.strategicAreas.flatMap((area) => area.goals)].some(
        (goal) => goal.indicator === indicator.id,
      ),
    );
    const forbund = followers.find((entry) => entry.id === forbundId) ?? followers[0];
    const link = { title: indicator.title, href: forbund ? indicatorPath(forbund.id, indicator.id) : null };
    const group = groups.get(key);
    if (group) group.indicators.push(link);
    else
      groups.set(key, {
        indicators: [link],
        lines: linesOf(
          datasets.map((dataset) => byDataset.get(dataset)!),
          site,
          indicator.measure.kind === 'ratio',
        ),
      });
  }
  const items = [...groups.values()];
  const retrieved = formatDate(log.retrievedAt);
  const previous = log.comparedWith ? formatDate(log.comparedWith.retrievedAt) : null;
  const lead =
    previous === null
      ? t('changes.first', { retrieved })
      : previous === retrieved
        ? t('changes.lead.same-day', { retrieved })
        : t('changes.lead', { retrieved, previous });
  const tables = log.tables.map((table) =>
    t('changes.table', { dataset: table.dataset, from: table.from ?? '–', to: table.to }),
  );
  return { lead: items.length === 0 && log.comparedWith ? `${lead} ${t('changes.nothing')}` : lead, items, tables };
}
