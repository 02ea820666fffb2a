/**
 * Yearly totals split into parts that add up (helårsekvivalenter by benefit type), stacked. The last
 * bar's segments are labelled directly, so the legend does not depend on colour.
 */
import * as Plot from '@observablehq/plot';
import { sum } from 'd3-array';
import { appendLabels, dodge, labelWidth, swedishTick, tickDecimals, valueScale } from './axis.ts';
import { chartDocument, finishSvg, PALETTE, type ChartFrame } from './render.ts';

export interface StackRow {
  period: string;
  /** The part's id (a category code), never its display label. */
  category: string;
  value: number | null;
}

export function stackedBars(
  rows: StackRow[],
  /** The parts in stacking order, bottom first, with what each is called on the chart. */
  categories: { id: string; label: string }[],
  options: ChartFrame & { yLabel: string; decimals: number },
): string {
  const data = rows.filter((row) => row.value !== null) as (StackRow & { value: number })[];
  const periods = [...new Set(data.map((row) => row.period))].sort();
  const last = periods.at(-1);
  const order = categories.map((category) => category.id);
  const labelOf = new Map(categories.map((category) => [category.id, category.label]));
  const colour = (row: StackRow) => PALETTE[order.indexOf(row.category) % PALETTE.length];
  // Bars stand on zero; the scale runs to the tallest stack.
  const scale = valueScale(
    periods.map((period) => sum(data.filter((row) => row.period === period).map((row) => row.value))),
    true,
  );
  const svg = Plot.plot({
    document: chartDocument,
    width: options.width,
    height: options.height,
    marginLeft: labelWidth(['00,0'], options.fontSize),
    marginRight: labelWidth(
      categories.map((category) => category.label),
      options.fontSize,
    ),
    marginBottom: options.fontSize * 2.5,
    marginTop: options.fontSize * 2,
    style: { fontSize: `${options.fontSize}px` },
    x: {
      type: 'band',
      label: null,
      domain: periods,
      tickFormat: (period: string, index: number) => (periods.length > 8 && index % 2 === 1 ? '' : period),
    },
    y: {
      label: options.yLabel,
      ...scale,
      grid: true,
      tickFormat: swedishTick(tickDecimals(scale.ticks, options.decimals)),
    },
    marks: [
      Plot.barY(
        data,
        Plot.stackY({
          x: 'period',
          y: 'value',
          z: 'category',
          order,
          fill: colour,
          stroke: 'white',
          strokeWidth: 1,
        }),
      ),
    ],
  });
  const x = svg.scale('x');
  const y = svg.scale('y');
  if (last !== undefined && x?.apply && y?.apply) {
    const lastRows = order
      .map((id) => data.find((row) => row.period === last && row.category === id))
      .filter((row) => row !== undefined);
    let base = 0;
    const middles = lastRows.map((row) => {
      const middle = base + row.value / 2;
      base += row.value;
      return y.apply(middle) as number;
    });
    const positions = dodge(middles, options.fontSize * 1.15);
    const right = (x.apply(last) as number) + (x.bandwidth ?? 0) + options.fontSize / 2;
    appendLabels(
      svg,
      lastRows.map((row, index) => ({
        x: right,
        y: positions[index] ?? 0,
        text: labelOf.get(row.category) ?? row.category,
        fill: colour(row) ?? '#000',
        bold: false,
      })),
    );
  }
  return finishSvg(svg, options);
}
