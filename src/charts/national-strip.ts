/**
 * Where the members stand among all kommuner: the top row has a thin tick for every kommun with a
 * value, each member's row a dot at its own value with the value beside it, and dashed rules mark
 * the quartiles across all rows. A reader sees the spread of the country and each member in it.
 */
import * as Plot from '@observablehq/plot';
import { labelWidth, swedishTick, tickDecimals, valueScale } from './axis.ts';
import { chartDocument, CONTEXT_GREY, finishSvg, INK, PALETTE, type ChartFrame } from './render.ts';

export interface StripMember {
  /** The kommun's code: rows key on it, never on its name. */
  id: string;
  label: string;
  value: number;
  /** Shown beside the dot, already formatted ("3,1 %"). */
  valueText: string;
  colour?: string;
}

export interface StripOptions extends ChartFrame {
  /** Every kommun's value, for the top row. */
  all: number[];
  quartiles: [number, number, number];
  /** The top row's name ("Alla 287 kommuner"). */
  allLabel: string;
  xLabel: string;
  decimals: number;
}

const ALL = '__alla';

export function nationalStrip(members: StripMember[], options: StripOptions): string {
  const labelOf = new Map([[ALL, options.allLabel], ...members.map((member) => [member.id, member.label] as const)]);
  const scale = valueScale(options.all, false);
  const marginLeft = Math.min(labelWidth([...labelOf.values()], options.fontSize), Math.round(options.width * 0.4));
  const marginRight =
    labelWidth(
      members.map((member) => member.valueText),
      options.fontSize,
    ) + options.fontSize;
  // The quartiles are named where the names fit side by side; else the median alone (the caption says the rest).
  const [from, to] = scale.domain;
  const pixelsPerUnit = (options.width - marginLeft - marginRight) / (to - from || 1);
  const gaps = [options.quartiles[1] - options.quartiles[0], options.quartiles[2] - options.quartiles[1]];
  const roomy = gaps.every((gap) => gap * pixelsPerUnit >= options.fontSize * 4.5);
  const named = roomy
    ? [
        { at: options.quartiles[0], text: '25 %' },
        { at: options.quartiles[1], text: 'median' },
        { at: options.quartiles[2], text: '75 %' },
      ]
    : [{ at: options.quartiles[1], text: 'median' }];
  const svg = Plot.plot({
    document: chartDocument,
    width: options.width,
    height: options.height,
    marginLeft,
    marginRight,
    marginTop: options.fontSize * 2,
    marginBottom: options.fontSize * 3,
    style: { fontSize: `${options.fontSize}px` },
    x: { label: options.xLabel, ...scale, tickFormat: swedishTick(tickDecimals(scale.ticks, options.decimals)) },
    y: { label: null, domain: [ALL, ...members.map((member) => member.id)], padding: 0.2, axis: null },
    marks: [
      Plot.axisY({
        tickFormat: (id: string) => labelOf.get(id) ?? id,
        lineWidth: (marginLeft - 12) / options.fontSize,
      }),
      Plot.ruleX(options.quartiles, {
        stroke: INK,
        strokeDasharray: `${options.fontSize / 4},${options.fontSize / 4}`,
      }),
      Plot.text(named, {
        x: 'at',
        text: 'text',
        frameAnchor: 'top',
        dy: -options.fontSize,
        fill: INK,
      }),
      Plot.dot(members, {
        x: 'value',
        y: 'id',
        r: options.fontSize / 2.5,
        fill: (member: StripMember) => member.colour ?? PALETTE[0],
      }),
      Plot.text(members, {
        x: 'value',
        y: 'id',
        text: 'valueText',
        dx: options.fontSize * 0.8,
        textAnchor: 'start',
        fill: INK,
        fontWeight: 'bold',
      }),
    ],
  });
  appendTicks(svg, options.all, options.fontSize);
  return finishSvg(svg, options);
}

/**
 * The top row's ticks as one path: 290 line elements, twice per page (wide and narrow), made an
 * indicator page twice as heavy. Ticks that fall on the same half pixel are drawn once. The rows
 * are points, not bands: each tick is a line of text tall, centred on its row.
 */
function appendTicks(svg: ReturnType<typeof Plot.plot>, values: number[], fontSize: number): void {
  const x = svg.scale('x');
  const y = svg.scale('y');
  if (!x?.apply || !y?.apply) return;
  const top = (y.apply(ALL) as number) - fontSize * 0.6;
  const positions = [...new Set(values.map((value) => Math.round((x.apply!(value) as number) * 2) / 2))];
  const path = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', positions.map((position) => `M${position} ${top.toFixed(1)}v${fontSize * 1.2}`).join(''));
  path.setAttribute('stroke', CONTEXT_GREY);
  path.setAttribute('fill', 'none');
  svg.append(path);
}
