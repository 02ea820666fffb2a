/**
 * A chart worker: draws what the build's main thread asks for (./pool.ts). It runs our TypeScript
 * as Node runs it, outside Vite, so it applies the build's rewrite of linkedom itself, before the
 * charts load linkedom.
 */
import { registerHooks } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { EVENT_TARGET_FILE, rewriteEventTarget } from './lazy-listeners.ts';
import type { ChartArguments } from './kinds.ts';
import type { ChartRequest, ChartReply } from './pool.ts';

registerHooks({
  load(url, context, nextLoad) {
    const loaded = nextLoad(url, context);
    const { source } = loaded;
    if (!EVENT_TARGET_FILE.test(url) || source === undefined || source === null) return loaded;
    const text = typeof source === 'string' ? source : Buffer.from(source as Uint8Array).toString('utf8');
    return { ...loaded, source: rewriteEventTarget(text) };
  },
});
const { drawHere } = await import('./kinds.ts');

parentPort?.on('message', (request: ChartRequest) => {
  let reply: ChartReply;
  try {
    reply = { job: request.job, svg: drawHere(request.kind, request.args as ChartArguments<typeof request.kind>) };
  } catch (error) {
    reply = { job: request.job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
