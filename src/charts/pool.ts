/**
 * Charts drawn on the machine's other cores. Drawing is most of a page's work (two widths of every
 * chart), and a page only needs the finished SVG: so the build sends each chart's name and plain
 * arguments to a few worker threads and renders other pages meanwhile. A worker runs the very same
 * chart code, so the SVG is the same byte for byte as one drawn here.
 *
 * LAGESBILD_CHART_WORKERS sets the number of workers; 0 draws every chart in this thread (the unit
 * tests do, as many test files run at once). Unset: one fewer than the cores, so none on one core.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { drawHere, type ChartArguments, type ChartKind } from './kinds.ts';

export interface ChartRequest {
  job: number;
  kind: ChartKind;
  args: unknown[];
}
export type ChartReply = { job: number; svg: string } | { job: number; error: string };

interface Pending {
  resolve: (svg: string) => void;
  reject: (error: Error) => void;
}

export interface ChartPool {
  draw<Kind extends ChartKind>(kind: Kind, args: ChartArguments<Kind>): Promise<string>;
  close(): Promise<void>;
}

/** In this thread, one chart after another: the same interface, for tests and one-core machines. */
export const drawingHere: ChartPool = {
  draw: async (kind, args) => drawHere(kind, args),
  close: async () => undefined,
};

export function workerCount(env: Record<string, string | undefined> = process.env): number {
  const set = env['LAGESBILD_CHART_WORKERS'];
  if (set === undefined || set === '') return availableParallelism() - 1;
  const count = Number(set);
  if (!Number.isInteger(count) || count < 0 || count > 64)
    throw new Error(`LAGESBILD_CHART_WORKERS=${set}: väntade ett heltal från 0 till 64`);
  return count;
}

/** `root` is the project's folder: the worker runs src/charts/worker.ts from there, as Node runs TypeScript. */
export function createChartPool(size: number, root: string = process.cwd()): ChartPool {
  if (size === 0) return drawingHere;
  const script = join(root, 'src/charts/worker.ts');
  if (!existsSync(script)) throw new Error(`${script}: diagrammens arbetstråd saknas; bygg från projektets mapp`);
  const pending = new Map<number, Pending>();
  // A worker that died (out of memory, a crash outside a chart) fails the build, not only its charts.
  let failure: Error | null = null;
  const workers = Array.from({ length: size }, () => {
    // No flags of the parent's: `node --input-type=module -e …` would refuse to start a worker from a file.
    const worker = new Worker(script, { execArgv: [] });
    const state = { worker, busy: new Set<number>() };
    worker.on('message', (reply: ChartReply) => {
      const waiting = pending.get(reply.job);
      pending.delete(reply.job);
      state.busy.delete(reply.job);
      // An idle worker must not keep the build's process alive; a busy one must, until it answers.
      if (state.busy.size === 0) worker.unref();
      if ('svg' in reply) waiting?.resolve(reply.svg);
      else waiting?.reject(new Error(`Diagrammet kunde inte ritas:\n${reply.error}`));
    });
    worker.on('error', (error) => {
      failure = new Error(`Diagrammens arbetstråd stannade: ${error.message}`, { cause: error });
      for (const waiting of pending.values()) waiting.reject(failure);
      pending.clear();
    });
    worker.unref();
    return state;
  });
  let next = 0;
  return {
    draw(kind, args) {
      if (failure) return Promise.reject(failure);
      // The worker with the fewest charts waiting: pages ask in bursts of a dozen.
      const state = workers.reduce((least, candidate) => (candidate.busy.size < least.busy.size ? candidate : least));
      const job = next++;
      const drawn = new Promise<string>((resolve, reject) => pending.set(job, { resolve, reject }));
      state.busy.add(job);
      state.worker.ref();
      state.worker.postMessage({ job, kind, args } satisfies ChartRequest);
      return drawn;
    },
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}

let shared: ChartPool | null = null;

/** The build's pool, made on the first chart. */
export function drawChart<Kind extends ChartKind>(kind: Kind, ...args: ChartArguments<Kind>): Promise<string> {
  shared ??= createChartPool(workerCount());
  return shared.draw(kind, args);
}

/** Draws the build's charts with `pool` from now on (a test's recorder); returns the one it replaces. */
export function useChartPool(pool: ChartPool): ChartPool | null {
  const before = shared;
  shared = pool;
  return before;
}
