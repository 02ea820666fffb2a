/** Short Swedish labels for areas, statuses and sources, shared by pages, tables and slides. */
import type { SeriesBreak } from '../../schemas/series-break.ts';
import type { Indicator } from '../../schemas/indicator.ts';
import type { ObservationStatus } from '../../schemas/observation.ts';
import type { Area } from '../../measures/series.ts';
import type { AreaSummary, IndicatorView } from '../model/indicator-view.ts';
import { formatPeriod } from '../../formats/display.ts';
import { formatValue } from './sentences.ts';
import { t } from '../../i18n/index.ts';

export function areaLabel(area: Area): string {
  if (area.kind === 'forbund') return t('area.forbund');
  return area.name;
}

/** A table cell: the value, or the symbol a Swedish reader knows, with a note mark for flags. */
export function cellText(
  indicator: Pick<Indicator, 'unit' | 'decimals'>,
  value: number | null,
  status: ObservationStatus,
): string {
  if (status === 'suppressed') return t('status.suppressed');
  if (status === 'withheld') return t('status.hidden-sum');
  if (value === null) return t('status.missing');
  const text = formatValue(indicator, value);
  if (status === 'preliminary') return `${text}*`;
  if (status === 'possibly-missing') return `${text}?`;
  return text;
}

/** A summary's latest (or previous) value as a table cell. */
export function summaryText(
  indicator: Pick<Indicator, 'unit' | 'decimals'>,
  summary: AreaSummary | undefined,
  which: 'latest' | 'previous' = 'latest',
): string {
  const point = summary?.[which];
  return summary && point ? cellText(indicator, point.value, point.status) : '..';
}

export function sourceText(indicator: Indicator): { text: string; url: string | null } {
  switch (indicator.source.kind) {
    case 'scb':
      return { text: t('source.scb-table', { table: indicator.source.table }), url: indicator.source.url };
    case 'kolada':
      return { text: t('source.kolada-kpi', { kpi: indicator.source.kpi }), url: indicator.source.url };
    case 'export':
      return { text: indicator.source.publisher, url: null };
  }
}

export function periodText(first: string | undefined, last: string | undefined): string {
  if (!first || !last) return t('verdict.no-data');
  return first === last ? formatPeriod(first) : `${formatPeriod(first)}–${formatPeriod(last)}`;
}

/** "2 av 5": a member's rank among the members ranked that year, or null where it has none. */
export function rankText(view: Pick<IndicatorView, 'rankedMembers'>, rank: number | null): string | null {
  return rank === null ? null : t('rank.of', { rank, members: view.rankedMembers });
}

/** The unit of a difference between two values: "procentenheter" for a percentage, else the unit's own word. */
export function differenceUnit(indicator: Pick<Indicator, 'unit'>): string {
  return t(indicator.unit === 'percent' ? 'unit.change.percent' : `unit.${indicator.unit}`);
}

/** "Förändring 2024–2025 (procentenheter)": the years compared and the unit of the difference. */
export function changeHeading(view: Pick<IndicatorView, 'indicator' | 'latestPeriod' | 'previousPeriod'>): string {
  const unit = differenceUnit(view.indicator);
  return view.latestPeriod && view.previousPeriod
    ? t('table.change.years', { from: view.previousPeriod, to: view.latestPeriod, unit })
    : t('table.change.unit', { unit });
}

/** What to keep in mind reading the indicator: its own caveats, then each break in its series. */
export function caveatsOf(view: { indicator: Indicator; breaks: SeriesBreak[] }): string[] {
  return [
    ...view.indicator.caveats,
    ...view.breaks.map(({ period, label, description }) => t('break.caveat', { period, label, description })),
  ];
}
