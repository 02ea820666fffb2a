/**
 * How well the structure explains a rate: every kommun as a dot at its expected value (across) and
 * its actual value (up), the line where the two are equal, and a pale band of the typical deviation
 * around it, within which a kommun is "som förväntat". The same scale on both axes, so distance
 * from the line reads the same way up and across.
 */
import * as Plot from '@observablehq/plot';
import { swedishTick, tickDecimals, valueScale } from './axis.ts';
import { chartDocument, CONTEXT_GREY, finishSvg, INK, PALETTE, type ChartFrame } from './render.ts';

export interface ScatterPoint {
  /** The kommun's code: points key on it, never on its name. */
  id: string;
  expected: number;
  actual: number;
}

export interface ScatterOptions extends ChartFrame {
  /** The typical deviation: half the band's height. */
  spread: number;
  xLabel: string;
  yLabel: string;
  decimals: number;
}

const BAND = '#E6E6E6';

export function expectedScatter(points: ScatterPoint[], options: ScatterOptions): string {
  const scale = valueScale(
    points.flatMap((point) => [point.expected, point.actual]),
    false,
  );
  const [from, to] = scale.domain;
  const tick = swedishTick(tickDecimals(scale.ticks, options.decimals));
  const band = [from, to].map((x) => ({ x, low: x - options.spread, high: x + options.spread }));
  const svg = Plot.plot({
    document: chartDocument,
    width: options.width,
    height: options.height,
    marginLeft: options.fontSize * 4,
    marginRight: options.fontSize,
    marginTop: options.fontSize * 2,
    marginBottom: options.fontSize * 3,
    style: { fontSize: `${options.fontSize}px` },
    x: { label: options.xLabel, ...scale, tickFormat: tick },
    y: { label: options.yLabel, ...scale, tickFormat: tick },
    marks: [
      Plot.areaY(band, { x: 'x', y1: 'low', y2: 'high', fill: BAND, clip: true }),
      Plot.line(
        [
          [from, from],
          [to, to],
        ],
        { stroke: INK, strokeWidth: 1 },
      ),
      Plot.dot(points, {
        x: 'expected',
        y: 'actual',
        r: options.fontSize / 5,
        fill: PALETTE[0],
        fillOpacity: 0.7,
        stroke: 'white',
        strokeWidth: 0.5,
      }),
      Plot.frame({ stroke: CONTEXT_GREY }),
    ],
  });
  return finishSvg(svg, options);
}
