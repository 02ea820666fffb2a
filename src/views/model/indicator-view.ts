/**
 * Everything an indicator page, a start page row or a slide shows about one indicator in one
 * förbund: series per area, the latest year against the previous one, verdicts and ranks.
 */
import { nationalDistribution, type NationalDistribution } from '../../measures/national.ts';
import { peerComparison, type PeerComparison } from '../../measures/peers.ts';
import { latestExpectedModel, structuralPeers, type ExpectedModel } from '../../measures/expected.ts';
import type { Forbund } from '../../schemas/forbund.ts';
import type { Indicator } from '../../schemas/indicator.ts';
import { isProtected, type Sex } from '../../schemas/observation.ts';
import { allAreas, forbundAreas, type ForbundAreas } from '../../measures/areas.ts';
import { forbundRateMethod, pointAt, yearlySeries, type Area, type ValuePoint } from '../../measures/series.ts';
import { rank, shownChange, verdict, type Verdict } from '../../measures/index.ts';
import type { RegionRegistry } from '../../config/regions.ts';
import type { Snapshot } from '../../pipeline/snapshot-reader.ts';
import type { SeriesBreak } from '../../schemas/series-break.ts';
import type { ReleaseRhythm, SourcesConfig } from '../../schemas/sources.ts';
import { lastUpdated, releaseRhythm } from './release.ts';

export interface AreaSummary {
  area: Area;
  series: ValuePoint[];
  latest: ValuePoint | null;
  previous: ValuePoint | null;
  change: number | null;
  verdict: Verdict;
  /** Rank among the members (1 = best in the desired direction); null for non-members. */
  rank: number | null;
  /** The break in the series that the change from the previous year crosses, if any. */
  acrossBreak: SeriesBreak | null;
}

export interface SplitSeries {
  name: string;
  title: string;
  additive: boolean;
  categories: { code: string; label: string; byArea: Map<string, ValuePoint[]> }[];
}

/**
 * How the förbund's own figure is made: a sum of counts, a share of summed counts, the publisher's
 * figure for a län of exactly the förbund's kommuner, the members' rates weighted by a denominator
 * of ours, or none (a rate with no denominator to weigh it by).
 */
export type ForbundFigure =
  | { kind: 'sum' | 'ratio' | 'none' }
  | { kind: 'published'; region: string }
  | { kind: 'weighted'; label: string; differs: string | null };

/**
 * Whether "1 = bäst" means something: the indicator has a desired direction and is a rate. A count
 * is no rank: 29 in Umeå and 5 in Vännäs say more about their sizes than about either.
 */
export function isRanked(indicator: Pick<Indicator, 'direction' | 'unit'>): boolean {
  return indicator.direction !== 'neutral' && indicator.unit !== 'count';
}

function forbundFigureOf(
  indicator: Indicator,
  areas: ForbundAreas,
  snapshot: Snapshot,
  registry: RegionRegistry,
): ForbundFigure {
  const { measure } = indicator;
  const rate = forbundRateMethod(snapshot, indicator, areas.forbund);
  if (rate === 'published' && areas.forbund.publishedAs)
    return { kind: 'published', region: registry.mustGet(areas.forbund.publishedAs).name };
  if (rate === 'weighted' && measure.kind === 'value' && measure.weightedBy)
    return { kind: 'weighted', label: measure.weightedBy.label, differs: measure.weightedBy.differs ?? null };
  if (rate === 'none') return { kind: 'none' };
  return { kind: measure.kind === 'ratio' ? 'ratio' : 'sum' };
}

export interface IndicatorView {
  indicator: Indicator;
  areas: ForbundAreas;
  latestPeriod: string | null;
  previousPeriod: string | null;
  summaries: AreaSummary[];
  /** How many members have a rank: "2 av 5" where one member has no value that year. */
  rankedMembers: number;
  bySex: { sex: Sex; byArea: Map<string, ValuePoint[]> }[];
  splits: SplitSeries[];
  forbundFigure: ForbundFigure;
  /** Known breaks in the indicator's series that concern the förbund's areas. */
  breaks: SeriesBreak[];
  /** When the figures were last fetched or delivered, and how often the source publishes. */
  updated: string | null;
  rhythm: ReleaseRhythm | null;
  /** A count's rate per 1 000 of its age group, compared and ranked where the count is not. */
  rate?: IndicatorView;
  /** Every kommun's value in the latest period, for a rate: where the members stand in the country. */
  national: NationalDistribution | null;
  /** Each member against Kolada's "Liknande kommuner" of the indicator's area, in the latest period. */
  peers: ReadonlyMap<string, PeerComparison>;
  /**
   * Each kommun's expected value from its structure, in the latest year modelled, and per member
   * the kommuner most alike on the same factors (named); null where the indicator is not modelled.
   */
  expected: { model: ExpectedModel; structuralPeers: ReadonlyMap<string, string[]> } | null;
}

/** Whether a break concerns an area: every area, or one holding a kommun it names. */
function concerns(entry: SeriesBreak, area: Area): boolean {
  return !entry.regions || area.kommuner.some((kommun) => entry.regions?.includes(kommun));
}

export function buildIndicatorView(
  snapshot: Snapshot,
  registry: RegionRegistry,
  forbund: Forbund,
  indicator: Indicator,
  context: { breaks?: SeriesBreak[]; sources?: SourcesConfig } = {},
): IndicatorView {
  const areas = forbundAreas(forbund, registry);
  const breaks = (context.breaks ?? [])
    .filter((entry) => entry.indicators.includes(indicator.id) && concerns(entry, areas.forbund))
    .sort((a, b) => a.period.localeCompare(b.period));
  const everyArea = allAreas(areas);
  const headline = (area: Area, sex: Sex) =>
    yearlySeries(snapshot, { indicator, area, sex, selection: indicator.headline }) ?? [];
  const seriesByArea = new Map(everyArea.map((area) => [area.id, headline(area, 'total')]));
  const memberPeriods = areas.members.flatMap((area) =>
    (seriesByArea.get(area.id) ?? []).filter((point) => point.value !== null).map((point) => point.period),
  );
  const latestPeriod = memberPeriods.sort().at(-1) ?? null;
  const previousPeriod = latestPeriod === null ? null : String(Number(latestPeriod) - 1);
  // A count is compared only within the förbund: a län's or riket's count beside a kommun's (5 990 234
  // beside 1 128) says nothing. A kommungrupp is compared as a rate only, and a share that cannot be
  // summed (Kolada) has no group value at all.
  const shownAreas = everyArea.filter((area) => {
    if (indicator.unit === 'count') return area.kind === 'kommun' || area.kind === 'forbund';
    return (
      area.kind !== 'group' ||
      (indicator.measure.kind === 'ratio' && (seriesByArea.get(area.id) ?? []).some((point) => point.value !== null))
    );
  });
  const summaries = shownAreas.map((area): AreaSummary => {
    const series = seriesByArea.get(area.id) ?? [];
    const latest = pointAt(series, latestPeriod);
    const previous = pointAt(series, previousPeriod);
    const change = shownChange(latest?.value ?? null, previous?.value ?? null, indicator.decimals);
    return {
      area,
      series,
      latest,
      previous,
      change,
      verdict: verdict(latest?.value ?? null, previous?.value ?? null, indicator.direction, indicator.decimals),
      rank: null,
      acrossBreak: breaks.find((entry) => entry.period === latestPeriod && concerns(entry, area)) ?? null,
    };
  });
  const memberSummaries = summaries.filter((summary) => summary.area.kind === 'kommun');
  // Ranks only where "1 = bäst" means something, and only over a complete list: a protected member
  // (<5) may be the best or the worst, so ranking the others would rank an incomplete list as whole.
  const complete = memberSummaries.every((summary) => !summary.latest || !isProtected(summary.latest.status));
  let rankedMembers = 0;
  if (isRanked(indicator) && complete) {
    const ranks = rank(
      memberSummaries,
      (summary) => summary.latest?.value ?? null,
      indicator.direction,
      indicator.decimals,
    );
    for (const summary of memberSummaries) summary.rank = ranks.get(summary) ?? null;
    rankedMembers = ranks.size;
  }

  const focus = [areas.forbund, ...areas.members];
  const bySex = indicator.bySex
    ? (['women', 'men'] as const).map((sex) => ({
        sex,
        byArea: new Map(shownAreas.map((area) => [area.id, headline(area, sex)])),
      }))
    : [];
  const splits = indicator.splits.map((split) => ({
    name: split.name,
    title: split.title,
    additive: split.additive,
    categories: split.categories.map((category) => ({
      ...category,
      byArea: new Map(
        focus.map((area) => [
          area.id,
          yearlySeries(snapshot, {
            indicator,
            area,
            sex: 'total',
            selection: { ...indicator.headline, [split.name]: category.code },
          }) ?? [],
        ]),
      ),
    })),
  }));
  return {
    indicator,
    areas,
    latestPeriod,
    previousPeriod,
    summaries,
    rankedMembers,
    bySex,
    splits,
    forbundFigure: forbundFigureOf(indicator, areas, snapshot, registry),
    breaks,
    updated: lastUpdated(indicator, snapshot),
    rhythm: context.sources ? releaseRhythm(indicator, context.sources) : null,
    national: latestPeriod === null ? null : nationalDistribution(snapshot, registry, indicator, latestPeriod),
    expected: expectedOf(snapshot, registry, indicator, areas),
    peers: new Map(
      latestPeriod === null
        ? []
        : areas.members.flatMap((member) => {
            const comparison = peerComparison(snapshot, registry, indicator, member.id, latestPeriod);
            return comparison ? [[member.id, comparison] as const] : [];
          }),
    ),
  };
}

function expectedOf(
  snapshot: Snapshot,
  registry: RegionRegistry,
  indicator: Indicator,
  areas: ForbundAreas,
): IndicatorView['expected'] {
  const model = latestExpectedModel(snapshot, registry, indicator);
  if (!model) return null;
  const named = (code: string) => registry.get(code)?.name ?? code;
  return {
    model,
    structuralPeers: new Map(areas.members.map((member) => [member.id, structuralPeers(model, member.id).map(named)])),
  };
}
