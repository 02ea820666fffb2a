/**
 * Measures turned into the tidy rows and axis settings the charts take, in one place for the pages,
 * profiles and decks. Rows are keyed by id (area id, sex, category code); labels ride along.
 */
import type { LineChartOptions, LineRow } from '../../charts/line-chart.ts';
import { ROLE_COLOURS, SEX_COLOURS } from '../../charts/render.ts';
import type { StackRow } from '../../charts/stacked-bars.ts';
import { t } from '../../i18n/index.ts';
import type { Indicator } from '../../schemas/indicator.ts';
import type { AreaSummary, IndicatorView, SplitSeries } from '../model/indicator-view.ts';
import { areaLabel } from '../text/labels.ts';
import { sparkline } from '../../charts/sparkline.ts';

/** A share whose values span less than this fraction of their top moves within a narrow band. */
const NARROW_BAND = 0.15;

/**
 * The value axis of a chart of an indicator: its unit, decimals, and whether it starts at zero.
 * Counts always do (they are compared by size); a share moving within a narrow band (85–88 %) and
 * days (ohälsotal) start near their values instead, and the axis title says so.
 */
export function valueAxis(
  indicator: Indicator,
  rows: { value: number | null }[] = [],
): { yLabel: string; decimals: number; zero: boolean } {
  const values = rows.flatMap((row) => (row.value === null ? [] : [row.value]));
  const low = Math.min(...values);
  const high = Math.max(...values);
  const narrow = values.length > 0 && high > 0 && high - low < NARROW_BAND * high;
  const zero = indicator.unit === 'count' || (indicator.unit !== 'days' && !narrow);
  const unit = unitLabel(indicator);
  return { yLabel: zero ? unit : t('axis.not-zero', { unit }), decimals: indicator.decimals, zero };
}

/**
 * The areas a count can be drawn with on one axis: the kommuner and their förbund. A län's or
 * riket's count (5,5 million beside 1 128) would flatten every member to the floor.
 */
export function drawableWith<T extends { area: { kind: string } }>(indicator: Indicator, summaries: T[]): T[] {
  return indicator.unit === 'count'
    ? summaries.filter((summary) => summary.area.kind === 'kommun' || summary.area.kind === 'forbund')
    : summaries;
}

export function unitLabel(indicator: Indicator): string {
  return t(`unit.${indicator.unit}`).replace(/^./, (letter) => letter.toUpperCase());
}

/** One line per area summary, keyed by the area's id. */
export function areaLines(summaries: AreaSummary[]): LineRow[] {
  return summaries.flatMap((summary) =>
    summary.series.map((point) => ({
      series: summary.area.id,
      label: areaLabel(summary.area),
      period: point.period,
      value: point.value,
      example: point.example === true,
    })),
  );
}

/** Ids of the comparison lines drawn in colour: the förbund, its län and riket, in palette order. */
export function comparisonIds(view: IndicatorView): string[] {
  return [
    view.areas.forbund.id,
    ...view.areas.lan.map((lan) => lan.id),
    ...(view.areas.riket ? [view.areas.riket.id] : []),
  ];
}

/** A line chart's settings beyond its frame: what the views decide, the page or slide sizes. */
type LineOptions = Omit<LineChartOptions, 'id' | 'labelledBy' | 'width' | 'height' | 'fontSize'>;

/**
 * Women's and men's lines for one area, keyed by sex: peers in colours no role uses, neither drawn
 * as the chart's subject, on the indicator's axis.
 */
export function sexChartRows(view: IndicatorView, areaId: string): { lines: LineRow[]; options: LineOptions } {
  const lines = view.bySex.flatMap((entry) =>
    (entry.byArea.get(areaId) ?? []).map((point) => ({
      series: entry.sex,
      label: t(`sex.${entry.sex}`),
      period: point.period,
      value: point.value,
    })),
  );
  return {
    lines,
    options: {
      highlight: view.bySex.map((entry) => entry.sex),
      colours: SEX_COLOURS,
      subject: false,
      ...valueAxis(view.indicator, lines),
    },
  };
}

/** The parts of an additive split for one area (the first category is the total and is left out). */
export function splitStack(
  split: SplitSeries,
  areaId: string,
): { rows: StackRow[]; categories: { id: string; label: string }[] } {
  const parts = split.categories.slice(1);
  return {
    rows: parts.flatMap((category) =>
      (category.byArea.get(areaId) ?? []).map((point) => ({
        period: point.period,
        category: category.code,
        value: point.value,
      })),
    ),
    categories: parts.map((category) => ({ id: category.code, label: category.label })),
  };
}

/** Each area's colour by its role: the highlighted kommun, the förbund, län, riket, kommungrupper. */
export function roleColours(summaries: { area: { id: string; kind: string } }[], focusId: string | null = null) {
  const colours: Record<string, string> = {};
  for (const { area } of summaries) {
    if (area.kind === 'kommun') {
      if (area.id === focusId) colours[area.id] = ROLE_COLOURS.kommun;
    } else colours[area.id] = ROLE_COLOURS[area.kind as keyof typeof ROLE_COLOURS];
  }
  return colours;
}

/**
 * An indicator's trend in a förbund, for its page and the screen playlist: a line per area, the
 * focus kommun (if any) and the comparisons in their role colours, breaks in the series marked.
 * Kommungrupper are compared in the ranking and the table; as lines they would crowd out the members.
 */
export function trendChartRows(
  view: IndicatorView,
  focusId: string | null,
): { lines: LineRow[]; options: LineOptions } {
  const lines = areaLines(
    drawableWith(
      view.indicator,
      view.summaries.filter((summary) => summary.area.kind !== 'group'),
    ),
  );
  return {
    lines,
    options: {
      highlight: [...(focusId ? [focusId] : []), ...comparisonIds(view)],
      colours: roleColours(view.summaries, focusId),
      ...valueAxis(view.indicator, lines),
      breaks: breakMarks(view),
    },
  };
}

/** The breaks in a view's series as a chart marks them: a labelled rule before the first new year. */
export function breakMarks(view: Pick<IndicatorView, 'breaks'>): NonNullable<LineChartOptions['breaks']> {
  return view.breaks.map((entry) => ({ year: Number(entry.period), label: entry.label }));
}

/**
 * A small multiple of a few areas' lines, in their role colours (the focus kommun in its own): the
 * profile's and the förbund page's glance. 380 wide: a phone shows it at nearly full size, so its
 * 14 px text stays above 12 px.
 */
export function areaSparkline(
  indicator: Indicator,
  shown: AreaSummary[],
  lines: LineRow[],
  frame: { id: string; height: number; focusId?: string | null },
): string {
  const colours = roleColours(shown, frame.focusId ?? null);
  return sparkline(lines, {
    id: frame.id,
    labelledBy: `${frame.id}-caption`,
    width: 380,
    height: frame.height,
    fontSize: 14,
    series: shown.map((summary) => ({
      id: summary.area.id,
      label: areaLabel(summary.area),
      colour: colours[summary.area.id],
    })),
    decimals: indicator.decimals,
    zero: valueAxis(indicator, lines).zero,
  });
}
