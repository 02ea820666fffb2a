/**
 * Measures turned into the tidy rows and axis settings the charts take, in one place for the pages,
 * profiles and decks. Rows are keyed by id (area id, sex, category code); labels ride along.
 */
import type { LineRow } from '../charts/line-chart.ts';
import type { StackRow } from '../charts/stacked-bars.ts';
import { t } from '../i18n/index.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { AreaSummary, IndicatorView, SplitSeries } from './indicator-view.ts';
import { areaLabel } from './labels.ts';

/** The value axis of an indicator: its unit, decimals, and whether it starts at zero. */
export function valueAxis(indicator: Indicator): { yLabel: string; decimals: number; zero: boolean } {
  // Days (ohälsotal) move within a band far from zero; every share and count starts at zero.
  return { yLabel: unitLabel(indicator), decimals: indicator.decimals, zero: indicator.unit !== 'days' };
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

/** Women's and men's lines for one area, keyed by sex. */
export function sexLines(bySex: IndicatorView['bySex'], areaId: string): LineRow[] {
  return bySex.flatMap((entry) =>
    (entry.byArea.get(areaId) ?? []).map((point) => ({
      series: entry.sex,
      label: t(`sex.${entry.sex}`),
      period: point.period,
      value: point.value,
    })),
  );
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
