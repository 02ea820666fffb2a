/**
 * The latest period compared across areas, best first in the indicator's direction. Highlighted
 * bars are coloured and bold-labelled; each bar carries its value, so nothing relies on colour.
 */
import * as Plot from '@observablehq/plot';
import { labelWidth } from './axis.ts';
import { chartDocument, CONTEXT_GREY, finishSvg, INK, PALETTE, type ChartFrame } from './render.ts';

export interface BarRow {
  /** The bar's id (an area id): two areas may share a name, never an id. */
  id: string;
  label: string;
  value: number;
  /** Text shown at the bar's end, already formatted ("12,3 %"). */
  valueText: string;
  highlight: boolean;
  /** The area's role colour where highlighted; the first palette colour otherwise. */
  colour?: string;
}

export function rankedBars(rows: BarRow[], options: ChartFrame & { xLabel: string }): string {
  const maximum = Math.max(0, ...rows.map((row) => row.value));
  const labelOf = new Map(rows.map((row) => [row.id, row.label]));
  // On a narrow chart long names ("Kommungrupp landsbygdskommun med besöksnäring") wrap rather
  // than take the bars' room; the caller gives each row room for three lines there.
  const marginLeft = Math.min(
    labelWidth(
      rows.map((row) => row.label),
      options.fontSize,
    ),
    Math.round(options.width * 0.45),
  );
  const svg = Plot.plot({
    document: chartDocument,
    width: options.width,
    height: options.height,
    marginLeft,
    marginRight: labelWidth(
      rows.map((row) => row.valueText),
      options.fontSize,
    ),
    marginBottom: options.fontSize * 2.5,
    style: { fontSize: `${options.fontSize}px` },
    x: { label: options.xLabel, domain: [0, maximum * 1.02], axis: null },
    y: { label: null, domain: rows.map((row) => row.id), padding: 0.25, axis: null },
    marks: [
      Plot.axisY({
        tickFormat: (id: string) => labelOf.get(id) ?? id,
        // In ems; Plot wraps at spaces. A character is about 0.6 em.
        lineWidth: (marginLeft - 12) / options.fontSize,
      }),
      Plot.barX(rows, {
        x: 'value',
        y: 'id',
        fill: (row: BarRow) => (row.highlight ? (row.colour ?? PALETTE[0]) : CONTEXT_GREY),
      }),
      Plot.text(
        rows.filter((row) => !row.highlight),
        { x: 'value', y: 'id', text: 'valueText', dx: options.fontSize / 3, textAnchor: 'start', fill: INK },
      ),
      Plot.text(
        rows.filter((row) => row.highlight),
        {
          x: 'value',
          y: 'id',
          text: 'valueText',
          dx: options.fontSize / 3,
          textAnchor: 'start',
          fill: INK,
          fontWeight: 'bold',
        },
      ),
      Plot.ruleX([0], { stroke: INK }),
    ],
  });
  return finishSvg(svg, options);
}
