/**
 * Yearly time series, one line per area. Highlighted areas get colour and thicker lines; the rest
 * are grey context. Every line is named at its end where the names fit, the highlighted in bold. Lines are keyed by id (an area id, a sex),
 * never by their display label. Pure: rows in, SVG string out.
 */
import * as Plot from '@observablehq/plot';
import { range } from 'd3-array';
import { formatNumber } from '../formats/display.ts';
import { appendLabels, dodge, labelWidth, swedishTick, tickDecimals, valueScale, yearTicks } from './axis.ts';
import { chartDocument, CONTEXT_GREY, CONTEXT_INK, finishSvg, INK, PALETTE, type ChartFrame } from './render.ts';

export interface LineRow {
  /** The line's id; rows of one line share it. */
  series: string;
  /** What the line is called on the chart. */
  label: string;
  period: string;
  value: number | null;
  /** True when the value was made from invented example data. */
  example?: boolean;
}

export interface LineChartOptions extends ChartFrame {
  /** Ids of the lines to colour and label, in palette order unless `colours` names theirs. */
  highlight: string[];
  yLabel: string;
  decimals: number;
  /** Start the y axis at zero (true for shares and counts). */
  zero: boolean;
  /** Colours by line id: an area's role colour, the same on every chart. */
  colours?: Record<string, string>;
  /** Breaks in the series: a labelled rule before the first year made the new way. */
  breaks?: { year: number; label: string }[];
  /** False where the highlighted lines are peers (women and men): none is drawn as the subject. */
  subject?: boolean;
}

/** Grey lines that still carry their values for the pointer and keyboard. */
const MAX_VALUE_LINES = 40;

/**
 * What a page script needs to name the line and value under the pointer or keyboard focus, in the
 * SVG's own coordinates: where each year and value sits, and each value as the tables print it. The
 * script may import nothing of ours, so the numbers come formatted.
 */
export interface LineValues {
  years: number[];
  x: number[];
  lines: { name: string; text: (string | null)[]; y: (number | null)[] }[];
  /** The linear value scale as drawn, so a line added in the browser lands where Plot would put it. */
  yScale: { domain: [number, number]; range: [number, number] };
  /** Decimals of the values' text, so a line added in the browser is written as these are. */
  decimals: number;
}

/**
 * The lines drawn dashed: where some lines are wholly real, every line with an invented value.
 * Where every line holds invented values, none is singled out (the page says which years are real).
 */
export function dashedSeries(rows: LineRow[]): Set<string> {
  const valued = rows.filter((row) => row.value !== null && !Number.isNaN(row.value));
  const invented = new Set(valued.filter((row) => row.example === true).map((row) => row.series));
  return valued.some((row) => !invented.has(row.series)) ? invented : new Set();
}

export function lineChart(rows: LineRow[], options: LineChartOptions): string {
  // A missing or hidden year stays in the line as NaN, which Plot draws as a gap: a line bridging
  // it would show values for years that have none.
  const all = rows
    .map((row) => ({ ...row, year: Number(row.period), value: row.value ?? Number.NaN }))
    .sort((a, b) => a.year - b.year);
  const data = all.filter((row) => !Number.isNaN(row.value));
  const colour = new Map(
    options.highlight.map((id, index) => [id, options.colours?.[id] ?? (PALETTE[index % PALETTE.length] as string)]),
  );
  const focus = data.filter((row) => colour.has(row.series));
  const invented = dashedSeries(data);
  const inventedDash = `${options.fontSize / 2},${options.fontSize / 3}`;
  const dash = (id: string) => (invented.has(id) ? inventedDash : undefined);
  const shown = new Set(data.map((row) => `${row.series}|${row.year}`));
  // A year between two gaps has no line to sit on; it gets a dot.
  const isolated = data.filter(
    (row) => !shown.has(`${row.series}|${row.year - 1}`) && !shown.has(`${row.series}|${row.year + 1}`),
  );
  const valued = data.map((row) => row.year);
  // Every year from first to last, so a year without values still gets its tick.
  const years = valued.length === 0 ? [] : range(Math.min(...valued), Math.max(...valued) + 1);
  const labelOf = new Map(data.map((row) => [row.series, row.label]));
  const shownBreaks = (options.breaks ?? []).filter(
    (entry) => years.length > 1 && entry.year > (years[0] ?? 0) && entry.year <= (years.at(-1) ?? 0),
  );
  // Every line is named at its end while the names fit above one another; past that only the
  // highlighted ones are, and the grey rest are "the other members", named in the table below.
  const labelGap = options.fontSize * 1.15;
  const plotHeight = options.height - options.fontSize * 4.5;
  const everyLine = [...labelOf.keys()];
  const named = everyLine.length * labelGap <= plotHeight ? everyLine : options.highlight;
  const lastLabels = named.map((id) => `${labelOf.get(id) ?? ''} 00,0`);
  const marginLeft = labelWidth(['000 000'], options.fontSize);
  const marginRight = labelWidth(lastLabels, options.fontSize);
  // A year label is four digits and a gap: as many as the plot's own width holds, evenly spaced.
  const inner = options.width - marginLeft - marginRight;
  const scale = valueScale(
    data.map((row) => row.value),
    options.zero,
  );
  const svg = Plot.plot({
    document: chartDocument,
    width: options.width,
    height: options.height,
    marginLeft,
    marginRight,
    marginBottom: options.fontSize * 2.5,
    marginTop: options.fontSize * 2,
    style: { fontSize: `${options.fontSize}px` },
    x: {
      // The years with a value: a year missing everywhere does not stretch the axis.
      domain: [years[0], years.at(-1)],
      label: null,
      ticks: yearTicks(years, Math.floor(inner / (options.fontSize * 3.5))),
      // The first year stands clear of the value axis' lowest label.
      insetLeft: options.fontSize,
      tickFormat: (year: number) => String(year),
    },
    y: {
      label: options.yLabel,
      ...scale,
      grid: true,
      tickFormat: swedishTick(tickDecimals(scale.ticks, options.decimals)),
    },
    marks: [
      ...[false, true].map((dashed) =>
        Plot.line(
          all.filter((row) => !colour.has(row.series) && invented.has(row.series) === dashed),
          {
            x: 'year',
            y: 'value',
            z: 'series',
            stroke: CONTEXT_GREY,
            strokeWidth: options.fontSize / 8,
            // A name on hover too, where the names at the ends do not fit.
            title: 'label',
            strokeDasharray: dashed ? inventedDash : undefined,
          },
        ),
      ),
      // The chart's subject (the first highlighted line) is drawn boldest; comparisons are never louder.
      ...options.highlight.map((id, index) =>
        Plot.line(
          all.filter((row) => row.series === id),
          {
            x: 'year',
            y: 'value',
            stroke: colour.get(id),
            strokeWidth: index === 0 && options.subject !== false ? options.fontSize / 4 : options.fontSize / 6,
            title: 'label',
            strokeDasharray: dash(id),
          },
        ),
      ),
      // A break sits between the last year of the old way and the first of the new one.
      Plot.ruleX(shownBreaks, {
        x: (entry: { year: number }) => entry.year - 0.5,
        stroke: INK,
        strokeDasharray: `${options.fontSize / 4},${options.fontSize / 4}`,
      }),
      Plot.text(shownBreaks, {
        x: (entry: { year: number }) => entry.year - 0.5,
        frameAnchor: 'top',
        dy: -options.fontSize * 1.2,
        text: (entry: { label: string }) => entry.label,
        fill: INK,
        fontSize: options.fontSize,
      }),
      Plot.dot(isolated, {
        x: 'year',
        y: 'value',
        fill: (row: { series: string }) => colour.get(row.series) ?? CONTEXT_GREY,
        r: options.fontSize / 5,
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
  const ends = named.flatMap((id) => {
    const last = data.filter((row) => row.series === id).at(-1);
    return last ? [{ id, last }] : [];
  });
  const x = svg.scale('x');
  const y = svg.scale('y');
  if (x?.apply && y?.apply) {
    const positions = dodge(
      ends.map((end) => y.apply(end.last.value) as number),
      labelGap,
    );
    appendLabels(
      svg,
      ends.map((end, index) => ({
        // Names stand in one column after the last year, each at its line's last value: none sits on a line.
        x: (x.apply(years.at(-1)) as number) + options.fontSize / 2,
        y: positions[index] ?? 0,
        text: end.last.label,
        fill: colour.get(end.id) ?? CONTEXT_INK,
        bold: colour.has(end.id),
      })),
    );
    // Grey lines carry their values while a reader can tell them apart; past that (a national
    // förbund's 290 members) only the highlighted ones do, and the table has the rest.
    const grey = everyLine.filter((id) => !colour.has(id));
    const carried = [
      ...options.highlight.filter((id) => labelOf.has(id)),
      ...(grey.length <= MAX_VALUE_LINES ? grey : []),
    ];
    const byLine = new Map<string, Map<number, number>>();
    for (const row of data) {
      let line = byLine.get(row.series);
      if (!line) byLine.set(row.series, (line = new Map()));
      line.set(row.year, row.value);
    }
    const values: LineValues = {
      years,
      x: years.map((year) => pixel(x.apply!(year))),
      yScale: { domain: y.domain as [number, number], range: (y.range as number[]).map(pixel) as [number, number] },
      decimals: options.decimals,
      // The subject first, then the comparisons, then the grey rest: the order focus walks them in.
      lines: carried.map((id) => {
        const byYear = byLine.get(id) ?? new Map<number, number>();
        return {
          name: labelOf.get(id) ?? '',
          text: years.map((year) => (byYear.has(year) ? formatNumber(byYear.get(year)!, options.decimals) : null)),
          y: years.map((year) => (byYear.has(year) ? pixel(y.apply!(byYear.get(year))) : null)),
        };
      }),
    };
    svg.setAttribute('data-values', JSON.stringify(values));
  }
  return finishSvg(svg, options);
}

/** A position as Plot placed it; `finishSvg` cuts it to the path's own precision. */
function pixel(position: unknown): number {
  return position as number;
}
