/**
 * The charts a page may ask to be drawn away from the main thread, by name: a worker receives a
 * name and plain arguments (rows and options, no functions), never code.
 */
import { expectedScatter } from './expected-scatter.ts';
import { lineChart } from './line-chart.ts';
import { nationalStrip } from './national-strip.ts';
import { rankedBars } from './ranked-bars.ts';
import { stackedBars } from './stacked-bars.ts';

export const CHART_KINDS = { lineChart, rankedBars, nationalStrip, stackedBars, expectedScatter };

export type ChartKind = keyof typeof CHART_KINDS;
export type ChartArguments<Kind extends ChartKind> = Parameters<(typeof CHART_KINDS)[Kind]>;

/** Draws in this thread: what a worker does with a request, and what the build does without workers. */
export function drawHere<Kind extends ChartKind>(kind: Kind, args: ChartArguments<Kind>): string {
  return (CHART_KINDS[kind] as (...drawn: ChartArguments<Kind>) => string)(...args);
}
