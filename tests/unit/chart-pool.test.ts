/**
 * The build draws its page charts in worker threads. What a reader gets must not depend on where a
 * chart was drawn: every chart the pages ask for, drawn in a worker, is the same SVG byte for byte
 * as drawn in this thread; a chart that fails stops the build with its own error; and idle workers
 * never keep a finished build running.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChartArguments, ChartKind } from '../../src/charts/kinds.ts';
import { createChartPool, drawingHere, useChartPool, workerCount, type ChartPool } from '../../src/charts/pool.ts';
import { getSite } from '../../src/views/model/site.ts';
import { buildExpectedMethodPage } from '../../src/views/web/expected-method.ts';
import { buildIndicatorPage } from '../../src/views/web/indicator-page.ts';

const root = join(import.meta.dirname, '../..');
const site = getSite(root);
const workers = createChartPool(2, root);

afterAll(() => workers.close());

/** Every chart request the pages make, drawn here as they are made. */
async function requestsOfPages(): Promise<{ kind: ChartKind; args: unknown[]; svg: string }[]> {
  const requests: { kind: ChartKind; args: unknown[]; svg: string }[] = [];
  const recorder: ChartPool = {
    async draw(kind, args) {
      const svg = await drawingHere.draw(kind, args);
      requests.push({ kind, args, svg });
      return svg;
    },
    close: async () => undefined,
  };
  const before = useChartPool(recorder);
  try {
    // A rate with members highlighted in turn, a count (its rate's ranking), splits and the sexes.
    for (const [forbund, indicator, focus] of [
      ['umearegionen', 'helarsekvivalenter', null],
      ['umearegionen', 'helarsekvivalenter', '2460'],
      ['umearegionen', 'bas-arbetsloshet', '2480'],
      ['uppsala-lan', 'kaa-utan-sysselsattning', null],
    ] as const)
      await buildIndicatorPage(site.view(forbund, indicator), site.snapshot.meta, focus);
    await buildExpectedMethodPage(site);
  } finally {
    if (before) useChartPool(before);
  }
  return requests;
}

describe('charts drawn in worker threads', () => {
  it('are the same SVG, byte for byte, as drawn in this thread, for every kind the pages use', async () => {
    const requests = await requestsOfPages();
    expect(new Set(requests.map((request) => request.kind))).toEqual(
      new Set(['lineChart', 'rankedBars', 'nationalStrip', 'stackedBars', 'expectedScatter']),
    );
    const drawn = await Promise.all(
      requests.map((request) => workers.draw(request.kind, request.args as ChartArguments<typeof request.kind>)),
    );
    drawn.forEach((svg, index) => {
      expect(svg.length).toBeGreaterThan(200);
      expect(svg).toBe(requests[index]!.svg);
    });
  });

  it('stop the build with the chart’s own error when one cannot be drawn', async () => {
    const broken = [null, { id: 'x' }] as unknown as ChartArguments<'lineChart'>;
    await expect(workers.draw('lineChart', broken)).rejects.toThrow(/Diagrammet kunde inte ritas:\nTypeError/);
    // The worker lives on: the next chart is drawn.
    const rows = [{ series: 'a', label: 'A', period: '2024', value: 1 }];
    const frame = { id: 'y', labelledBy: 'y-caption', width: 300, height: 200, fontSize: 12 };
    const options = { ...frame, highlight: ['a'], yLabel: 'Procent', decimals: 1, zero: true };
    expect(await workers.draw('lineChart', [rows, options])).toContain('<svg');
  });

  it('never keep a process alive once their charts are drawn', () => {
    const script = [
      `import { createChartPool } from ${JSON.stringify(join(root, 'src/charts/pool.ts'))};`,
      `const pool = createChartPool(1, ${JSON.stringify(root)});`,
      `const rows = [{ series: 'a', label: 'A', period: '2024', value: 1 }];`,
      `const options = { id: 'y', labelledBy: 'c', width: 300, height: 200, fontSize: 12, highlight: ['a'], yLabel: 'P', decimals: 1, zero: true };`,
      `const svg = await pool.draw('lineChart', [rows, options]);`,
      `console.log(svg.startsWith('<svg') ? 'drawn' : 'empty');`,
    ].join('\n');
    // Without an unreferenced idle worker, this child would never exit and the call would time out.
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(output.trim()).toBe('drawn');
  });

  it('number one fewer than the cores unless set; 0 draws in this thread', () => {
    expect(workerCount({ LAGESBILD_CHART_WORKERS: '0' })).toBe(0);
    expect(workerCount({ LAGESBILD_CHART_WORKERS: '3' })).toBe(3);
    expect(workerCount({})).toBeGreaterThanOrEqual(0);
    expect(() => workerCount({ LAGESBILD_CHART_WORKERS: 'två' })).toThrow(/LAGESBILD_CHART_WORKERS=två/);
    expect(createChartPool(0, root)).toBe(drawingHere);
  });
});
