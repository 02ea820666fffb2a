/**
 * SCB PxWebApi 2.0: reads the server's limits from `/config`, checks each table's metadata against
 * the configuration, and fetches the data in calls that stay under the cell limit and the call rate.
 */
import { ScbConfigSchema, TablesPageSchema, type ScbLimits } from '../schemas/api.ts';
import { readJsonStat } from '../formats/jsonstat.ts';
import { planTable, selectionBody, type TablePlan } from './scb-selection.ts';
import type { RegionRegistry } from '../config/regions.ts';
import type { ScbTable, SourcesConfig } from '../schemas/sources.ts';
import type { RawStore } from './raw-store.ts';
import {
  createThrottle,
  getJson,
  HttpError,
  requestJson,
  type HttpDeps,
  type JsonResponse,
  type RetryPolicy,
} from './http.ts';
import { cellCount, planQueries } from './planner.ts';
import { issueLines } from '../formats/zod-issues.ts';
import { readCodeList } from '../formats/scb-codelist.ts';
import { kommungruppPerKommun } from '../config/kommungrupper.ts';
import { rawPaths } from '../schemas/raw-layout.ts';

/** Where the kommungrupper code list lies in data/raw, for the fetch, the example and data:build. */

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
  const response = await getJson(url, context);
  const parsed = ScbConfigSchema.safeParse(response.json);
  if (!parsed.success) throw new Error(`${url}: svaret saknar maxDataCells, maxCallsPerTimeWindow eller timeWindow`);
  context.store.write(rawPaths.scbConfig(), response.bytes, {
    source: 'scb',
    url,
    query: null,
    retrievedAt: context.retrievedAt(),
    example: false,
  });
  return parsed.data;
}

/** Search pages read at most; a search that needs more is too vague to choose from. */
const MAX_SEARCH_PAGES = 5;

interface ChosenTable {
  id: string;
  metadataUrl: string;
  metadataBytes: Uint8Array;
  plan: TablePlan;
}

async function loadTable(
  id: string,
  table: ScbTable,
  throttle: () => Promise<void>,
  context: ScbContext,
): Promise<{ chosen: ChosenTable } | { problem: string }> {
  const { baseUrl, lang } = context.config;
  const metadataUrl = `${baseUrl}/tables/${id}/metadata?lang=${lang}&outputFormat=json-stat2`;
  await throttle();
  const response = await getJson(metadataUrl, context);
  const metadata = readJsonStat(response.json, { metadataOnly: true });
  try {
    return {
      chosen: {
        id,
        metadataUrl,
        metadataBytes: response.bytes,
        plan: planTable(table, metadata, context.registry, id),
      },
    };
  } catch (error) {
    if (table.table !== null) throw error;
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Finds a table that has no pinned id (every table in sources.json is pinned today; this is the way
 * back when SCB replaces one): searches, keeps the candidates in the configured folder, then the one
 * candidate whose metadata has every variable and value the entry needs. None or several is an
 * error that lists the candidates, so the analyst can pin the right id.
 */
async function findTable(
  table: ScbTable,
  { query, folder }: { query: string; folder: string | null },
  throttle: () => Promise<void>,
  context: ScbContext,
): Promise<ChosenTable> {
  const { baseUrl, lang } = context.config;
  const candidates: { id: string; label: string }[] = [];
  for (let pageNumber = 1; pageNumber <= MAX_SEARCH_PAGES; pageNumber++) {
    const url = `${baseUrl}/tables?query=${encodeURIComponent(query)}&lang=${lang}&pageSize=100&pageNumber=${pageNumber}`;
    await throttle();
    const response = await getJson(url, context);
    const parsed = TablesPageSchema.safeParse(response.json);
    if (!parsed.success) throw new Error(`${url}: svaret är ingen tabellista (${issueLines(parsed.error).join('; ')})`);
    context.store.write(rawPaths.scbSearchPage(table.dataset, pageNumber), response.bytes, {
      source: 'scb',
      url,
      query: null,
      retrievedAt: context.retrievedAt(),
      example: false,
    });
    // A table the answer places in no folder cannot be ruled out by folder; its metadata decides.
    const inFolder = (entry: (typeof parsed.data.tables)[number]) =>
      folder === null ||
      entry.paths === undefined ||
      entry.paths.some((path) => path.some((node) => node.id === folder));
    candidates.push(
      ...parsed.data.tables
        .filter((entry) => entry.discontinued !== true && inFolder(entry))
        .map((entry) => ({ id: entry.id, label: entry.label ?? '' })),
    );
    if (!parsed.data.page || pageNumber >= parsed.data.page.totalPages) break;
  }
  if (candidates.length === 0)
    throw new Error(
      `${table.dataset}: SCB:s sökning "${query}" gav inga tabeller som fortfarande uppdateras; ange tabellens id som table i sources.json`,
    );
  const fits: ChosenTable[] = [];
  const problems: string[] = [];
  for (const candidate of candidates) {
    const result = await loadTable(candidate.id, table, throttle, context);
    if ('chosen' in result) fits.push(result.chosen);
    else problems.push(`${candidate.id} (${candidate.label}): ${result.problem}`);
  }
  if (fits.length === 1 && fits[0]) {
    context.deps.log(`  ${table.dataset}: sökningen "${query}" gav ${fits[0].id}`);
    return fits[0];
  }
  if (fits.length > 1)
    throw new Error(
      `${table.dataset}: flera tabeller passar sökningen "${query}": ${fits.map((fit) => fit.id).join(', ')}; ange rätt id som table i sources.json`,
    );
  throw new Error(
    `${table.dataset}: ingen tabell från sökningen "${query}" har det som behövs:\n  ${problems.join('\n  ')}`,
  );
}

/** PxWebApi answers 400 "Too many cells selected" (older documentation says 403). */
export function isTooManyCells(error: unknown): boolean {
  return (
    error instanceof HttpError && (error.status === 400 || error.status === 403) && /too many cells/i.test(error.detail)
  );
}

export async function fetchScbTable(
  table: ScbTable,
  limits: ScbLimits,
  throttle: () => Promise<void>,
  context: ScbContext,
): Promise<number> {
  const { baseUrl, lang } = context.config;
  let chosen: ChosenTable;
  if (table.table !== null) {
    const loaded = await loadTable(table.table, table, throttle, context);
    if (!('chosen' in loaded)) throw new Error(loaded.problem);
    chosen = loaded.chosen;
  } else {
    // SourcesConfigSchema refuses a table with neither `table` nor `find`: no search without words.
    chosen = await findTable(table, table.find as NonNullable<ScbTable['find']>, throttle, context);
    context.store.recordTable(table.dataset, chosen.id);
  }
  const { plan } = chosen;
  context.store.write(rawPaths.scbMetadata(table.dataset), chosen.metadataBytes, {
    source: 'scb',
    url: chosen.metadataUrl,
    query: null,
    retrievedAt: context.retrievedAt(),
    example: false,
  });
  context.store.recordContentCodes(
    chosen.id,
    Object.fromEntries(table.contents.items.map((item, index) => [item.label, plan.contentCodes[index] ?? ''])),
  );
  context.store.recordValueCodes(table.dataset, plan.valueCodes);
  const dataUrl = `${baseUrl}/tables/${chosen.id}/data?lang=${lang}&outputFormat=json-stat2`;
  const calls = plan.queries.flatMap((query) =>
    planQueries(query.selection, limits.maxDataCells, plan.dimensionOrder).map((selection) => ({
      query: query.name,
      selection,
    })),
  );
  const planned = calls.reduce((sum, call) => sum + cellCount(call.selection), 0);
  if (planned > context.config.maxCellsPerTable)
    throw new Error(
      `${chosen.id}: metadata ger ${planned.toLocaleString('sv-SE')} celler att hämta, fler än de högst ` +
        `${context.config.maxCellsPerTable.toLocaleString('sv-SE')} en tabell får ha (maxCellsPerTable i sources.json); ` +
        'hämtningen stoppas och data/raw lämnas som det var',
    );
  let done = 0;
  const queue = [...calls];
  for (let call = queue.shift(); call; call = queue.shift()) {
    const body = selectionBody(call.selection);
    await throttle();
    let response: JsonResponse;
    try {
      response = await requestJson(
        dataUrl,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body, within: baseUrl },
        context.policy,
        context.deps,
      );
    } catch (error) {
      if (!isTooManyCells(error)) throw error;
      // The server's limit is lower than /config said: halve this call and try the halves.
      const cells = cellCount(call.selection);
      if (cells <= 1) throw new Error(`${chosen.id}: SCB vägrar även ett anrop om en enda cell: ${String(error)}`);
      const halves = planQueries(call.selection, Math.ceil(cells / 2), plan.dimensionOrder);
      context.deps.log(`  ${chosen.id}: för många celler (${cells}) i ett anrop; delar det i ${halves.length}`);
      queue.unshift(...halves.map((selection) => ({ query: call.query, selection })));
      continue;
    }
    readJsonStat(response.json, { maxCells: context.config.maxCellsPerFile });
    done++;
    context.store.write(rawPaths.scbCubeCall(table.dataset, call.query, done), response.bytes, {
      source: 'scb',
      url: dataUrl,
      query: body,
      retrievedAt: context.retrievedAt(),
      example: false,
    });
    context.deps.log(`  ${chosen.id}: anrop ${done} av ${done + queue.length}`);
  }
  return done;
}

/**
 * SKR's kommungrupper from SCB's code list, kept raw once it is checked against the region
 * registry (nine groups, no overlap, every kommun in one).
 */
export async function fetchKommungrupper(throttle: () => Promise<void>, context: ScbContext): Promise<void> {
  const settings = context.config.kommungrupper;
  if (!settings) return;
  const url = `${context.config.baseUrl}/codelists/${encodeURIComponent(settings.codelist)}?lang=${context.config.lang}`;
  await throttle();
  const response = await getJson(url, context);
  const groups = kommungruppPerKommun(readCodeList(response.json, url), settings.prefix, context.registry);
  context.store.write(rawPaths.kommungrupper(), response.bytes, {
    source: 'scb',
    url,
    query: null,
    retrievedAt: context.retrievedAt(),
    example: false,
  });
  context.deps.log(`  SCB ${settings.codelist}: ${Object.keys(groups).length} kommuner i nio kommungrupper`);
}

export async function fetchScb(context: ScbContext): Promise<void> {
  const limits = await fetchScbLimits(context);
  context.deps.log(
    `SCB: högst ${limits.maxDataCells} celler per anrop, ${limits.maxCallsPerTimeWindow} anrop per ${limits.timeWindow} s`,
  );
  const throttle = createThrottle(limits.maxCallsPerTimeWindow, limits.timeWindow * 1000, context.deps);
  for (const table of context.config.tables) await fetchScbTable(table, limits, throttle, context);
  await fetchKommungrupper(throttle, context);
}
