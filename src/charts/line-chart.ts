/**
 * Yearly time series, one line per area. Highlighted areas get colour, thicker lines and a direct
 * label at their last value; the rest are grey context. Pure: rows in, SVG string out.
 */
import * as Plot from '@observablehq/plot';
import { appendLabels, dodge, labelWidth, swedishTick } from './axis.ts';
import { chartDocument, CONTEXT_GREY, finishSvg, INK, PALETTE, type ChartFrame } from './render.ts';

export interface LineRow {
  series: string;
  period: string;
  value: number | null;
}

export interface LineChartOptions extends ChartFrame {
  highlight: string[];
  yLabel: string;
  decimals: number;
  /** Start the y axis at zero (true for shares and counts). */
  zero: boolean;
}

export function lineChart(rows: LineRow[], options: LineChartOptions): string {
  const data = rows
    .filter((row) => row.value !== null)
    .map((row) => ({ ...row, year: Number(row.period), value: row.value as number }));
  const colour = new Map(options.highlight.map((name, index) => [name, PALETTE[index % PALETTE.length] as string]));
  const context = data.filter((row) => !colour.has(row.series));
  const focus = data.filter((row) => colour.has(row.series));
  const years = [...new Set(data.map((row) => row.year))].sort((a, b) => a - b);
  const step = Math.ceil(years.length / Math.max(2, Math.floor(options.width / (options.fontSize * 4))));
  const lastLabels = options.highlight.map((name) => `${name} 00,0`);
  const svg = Plot.plot({
    document: chartDocument,
    width: options.width,
    height: options.height,
    marginLeft: labelWidth(['000 000'], options.fontSize),
    marginRight: labelWidth(lastLabels, options.fontSize),
    marginBottom: options.fontSize * 2.5,
    marginTop: options.fontSize * 2,
    style: { fontSize: `${options.fontSize}px` },
    x: {
      label: null,
      ticks: years.filter((_, index) => index % step === 0),
      tickFormat: (year: number) => String(year),
    },
    y: {
      label: options.yLabel,
      zero: options.zero,
      grid: true,
      tickFormat: swedishTick(options.decimals > 0 ? 1 : 0),
      nice: true,
    },
    marks: [
      Plot.line(context, {
        x: 'year',
        y: 'value',
        z: 'series',
        stroke: CONTEXT_GREY,
        strokeWidth: options.fontSize / 8,
      }),
      Plot.line(focus, {
        x: 'year',
        y: 'value',
        z: 'series',
        stroke: (row: { series: string }) => colour.get(row.series),
        strokeWidth: options.fontSize / 4,
      }),
      Plot.dot(
        focus,
        Plot.selectLast({
          x: 'year',
          y: 'value',
          z: 'series',
          fill: (row: { series: string }) => colour.get(row.series),
          r: options.fontSize / 4,
        }),
      ),
    ],
  });
  const ends = options.highlight.flatMap((name) => {
    const last = focus.filter((row) => row.series === name).at(-1);
    return last ? [{ name, last }] : [];
  });
  const x = svg.scale('x');
  const y = svg.scale('y');
  if (x?.apply && y?.apply) {
    const positions = dodge(
      ends.map((end) => y.apply(end.last.value) as number),
      options.fontSize * 1.15,
    );
    appendLabels(
      svg,
      ends.map((end, index) => ({
        x: (x.apply(end.last.year) as number) + options.fontSize / 2,
        y: positions[index] ?? 0,
        text: end.name,
        fill: colour.get(end.name) ?? INK,
        bold: true,
      })),
    );
  }
  return finishSvg(svg, options);
}
