/**
 * SCB PxWebApi 2.0: reads the server's limits from `/config`, checks each table's metadata against
 * the configuration, and fetches the data in calls that stay under the cell limit and the call rate.
 */
import { z } from 'zod';
import { readJsonStat } from '../lib/jsonstat.ts';
import { planTable, selectionBody } from '../lib/scb-selection.ts';
import type { RegionRegistry } from '../lib/regions.ts';
import type { ScbTable, SourcesConfig } from '../schemas/sources.ts';
import type { RawStore } from '../pipeline/raw-store.ts';
import { createThrottle, requestJson, type HttpDeps, type RetryPolicy } from './http.ts';
import { planQueries } from './planner.ts';

export const ScbConfigSchema = z
  .object({
    maxDataCells: z.number().int().positive(),
    maxCallsPerTimeWindow: z.number().int().positive(),
    timeWindow: z.number().positive(),
  })
  .loose();
export type ScbLimits = z.infer<typeof ScbConfigSchema>;

export interface ScbContext {
  config: SourcesConfig['scb'];
  registry: RegionRegistry;
  store: RawStore;
  deps: HttpDeps;
  policy: RetryPolicy;
  retrievedAt: () => string;
}

export async function fetchScbLimits(context: ScbContext): Promise<ScbLimits> {
  const url = `${context.config.baseUrl}/config`;
  const response = await requestJson(url, { method: 'GET' }, context.policy, context.deps);
  const parsed = ScbConfigSchema.safeParse(response.json);
  if (!parsed.success) throw new Error(`${url}: svaret saknar maxDataCells, maxCallsPerTimeWindow eller timeWindow`);
  context.store.write('scb/config.json', response.bytes, { source: 'scb', url, query: null, retrievedAt: context.retrievedAt(), example: false });
  return parsed.data;
}

export async function fetchScbTable(table: ScbTable, limits: ScbLimits, throttle: () => Promise<void>, context: ScbContext): Promise<number> {
  const { baseUrl, lang } = context.config;
  const metadataUrl = `${baseUrl}/tables/${table.table}/metadata?lang=${lang}&outputFormat=json-stat2`;
  await throttle();
  const metadataResponse = await requestJson(metadataUrl, { method: 'GET' }, context.policy, context.deps);
  const metadata = readJsonStat(metadataResponse.json, { metadataOnly: true });
  context.store.write(`scb/${table.dataset}/metadata.json`, metadataResponse.bytes, { source: 'scb', url: metadataUrl, query: null, retrievedAt: context.retrievedAt(), example: false });

  const plan = planTable(table, metadata, context.registry);
  context.store.recordContentCodes(table.table, Object.fromEntries(table.contents.items.map((item, index) => [item.label, plan.contentCodes[index] ?? ''])));
  const dataUrl = `${baseUrl}/tables/${table.table}/data?lang=${lang}&outputFormat=json-stat2`;
  const calls = plan.queries.flatMap((query) => planQueries(query.selection, limits.maxDataCells, plan.dimensionOrder).map((selection) => ({ query: query.name, selection })));
  let done = 0;
  for (const call of calls) {
    const body = selectionBody(call.selection);
    await throttle();
    const response = await requestJson(dataUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body }, context.policy, context.deps);
    readJsonStat(response.json);
    done++;
    context.store.write(`scb/${table.dataset}/${call.query}-${String(done).padStart(3, '0')}.json`, response.bytes, {
      source: 'scb',
      url: dataUrl,
      query: body,
      retrievedAt: context.retrievedAt(),
      example: false,
    });
    context.deps.log(`  ${table.table}: anrop ${done} av ${calls.length}`);
  }
  return calls.length;
}

export async function fetchScb(context: ScbContext): Promise<void> {
  const limits = await fetchScbLimits(context);
  context.deps.log(`SCB: högst ${limits.maxDataCells} celler per anrop, ${limits.maxCallsPerTimeWindow} anrop per ${limits.timeWindow} s`);
  const throttle = createThrottle(limits.maxCallsPerTimeWindow, limits.timeWindow * 1000, context.deps);
  for (const table of context.config.tables) await fetchScbTable(table, limits, throttle, context);
}
