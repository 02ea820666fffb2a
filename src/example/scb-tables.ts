/**
 * The example's SCB tables: JSON-stat2 metadata and data documents written exactly where and how
 * `data:fetch` would write real ones, with every file's provenance saying `example: true`. One file
 * per dataset (`he.ts`, `bas.ts`, `befolkning.ts`) fills them with its model.
 */
import { planTable, selectionBody } from '../fetch/scb-selection.ts';
import type { JsonStatCube } from '../formats/jsonstat.ts';
import { readJsonStat } from '../formats/jsonstat.ts';
import type { ProjectConfig } from '../config/load.ts';
import type { Region } from '../schemas/region.ts';
import type { ScbTable } from '../schemas/sources.ts';
import { planQueries, type Selection } from '../fetch/planner.ts';
import type { RawStore } from '../fetch/raw-store.ts';

export const EXAMPLE_RETRIEVED_AT = '2026-11-20T06:00:00Z';
export const EXAMPLE_LIMITS = { maxDataCells: 150000, maxCallsPerTimeWindow: 30, timeWindow: 10 };

const encoder = new TextEncoder();

interface DimensionSpec {
  id: string;
  label: string;
  codes: [string, string][];
  units?: Record<string, { base: string; decimals: number }>;
}

export function metadataDocument(table: string, label: string, dimensions: DimensionSpec[]): Record<string, unknown> {
  return {
    version: '2.0',
    class: 'dataset',
    label,
    source: 'SCB (exempeldata)',
    updated: EXAMPLE_RETRIEVED_AT,
    role: { time: ['Tid'], geo: ['Region'], metric: ['ContentsCode'] },
    id: dimensions.map((dimension) => dimension.id),
    size: dimensions.map((dimension) => dimension.codes.length),
    dimension: Object.fromEntries(
      dimensions.map((dimension) => [
        dimension.id,
        {
          label: dimension.label,
          category: {
            index: Object.fromEntries(dimension.codes.map(([code], index) => [code, index])),
            label: Object.fromEntries(dimension.codes),
            ...(dimension.units ? { unit: dimension.units } : {}),
          },
        },
      ]),
    ),
    extension: { px: { tableid: table, language: 'sv' } },
    value: [],
  };
}

/** A data response for one selection, values from `valueOf(codes by dimension id)`. */
export function dataDocument(
  metadata: JsonStatCube,
  label: string,
  selection: Selection,
  valueOf: (codes: Record<string, string>) => number | null,
): string {
  // Eliminated variables are absent from the selection and from the response, as SCB answers.
  const dimensions = metadata.dimensions.filter((dimension) => dimension.id in selection);
  const ids = dimensions.map((dimension) => dimension.id);
  const lists = ids.map((id) => selection[id] ?? []);
  const values: (number | null)[] = [];
  const status: Record<string, string> = {};
  const counters = lists.map(() => 0);
  const total = lists.reduce((product, list) => product * list.length, 1);
  for (let index = 0; index < total; index++) {
    const codes = Object.fromEntries(ids.map((id, axis) => [id, lists[axis]?.[counters[axis] ?? 0] ?? '']));
    const value = valueOf(codes);
    values.push(value);
    if (value === null) status[String(index)] = '..';
    for (let axis = lists.length - 1; axis >= 0; axis--) {
      counters[axis] = (counters[axis] ?? 0) + 1;
      if ((counters[axis] ?? 0) < (lists[axis]?.length ?? 0)) break;
      counters[axis] = 0;
    }
  }
  const dimension = Object.fromEntries(
    dimensions.map((dim) => [
      dim.id,
      {
        label: dim.label,
        category: {
          index: Object.fromEntries((selection[dim.id] ?? []).map((code, index) => [code, index])),
          label: Object.fromEntries((selection[dim.id] ?? []).map((code) => [code, dim.labels.get(code) ?? code])),
          ...(dim.units.size > 0
            ? { unit: Object.fromEntries((selection[dim.id] ?? []).map((code) => [code, dim.units.get(code)])) }
            : {}),
        },
      },
    ]),
  );
  return JSON.stringify({
    version: '2.0',
    class: 'dataset',
    label,
    source: 'SCB (exempeldata)',
    updated: EXAMPLE_RETRIEVED_AT,
    role: metadata.roles,
    id: ids,
    size: lists.map((list) => list.length),
    dimension,
    value: values,
    ...(Object.keys(status).length > 0 ? { status } : {}),
  });
}

export function sumOver(kommuner: string[], one: (kommun: string) => number): number {
  let sum = 0;
  for (const kommun of kommuner) sum += one(kommun);
  return sum;
}

/** Kommuner a region code stands for: itself, its län's kommuner, or all of them. */
export function kommunerOf(code: string, kommuner: Region[]): string[] {
  if (code === '00') return kommuner.map((region) => region.code);
  if (code.length === 2) return kommuner.filter((region) => region.lan === code).map((region) => region.code);
  return [code];
}

/** Placeholder ids for the tables a real fetch finds by search (their ids are not known here). */
export const EXAMPLE_FOUND_IDS: Record<string, string> = {
  'befolkning-ckm': 'TAB0000',
  'bas-slutlig': 'TAB0002',
  'bas-kvartal': 'TAB0004',
};

/** The example's id for a table: the pinned one, or a placeholder for a table found by search online. */
export function exampleTableId(table: ScbTable): string {
  const id = table.table ?? EXAMPLE_FOUND_IDS[table.dataset];
  if (!id) throw new Error(`Exemplet har inget tabell-id för ${table.dataset}; lägg till det i EXAMPLE_FOUND_IDS`);
  return id;
}

export function writeScbTable(
  table: ScbTable,
  metadataDoc: Record<string, unknown>,
  config: ProjectConfig,
  store: RawStore,
  valueOf: (codes: Record<string, string>, kommuner: string[]) => number | null,
  log: (message: string) => void,
): void {
  const tableId = exampleTableId(table);
  const metadataBytes = encoder.encode(JSON.stringify(metadataDoc));
  const base = config.sources.scb.baseUrl;
  const lang = config.sources.scb.lang;
  store.write(`scb/${table.dataset}/metadata.json`, metadataBytes, {
    source: 'scb',
    url: `${base}/tables/${tableId}/metadata?lang=${lang}&outputFormat=json-stat2`,
    query: null,
    retrievedAt: EXAMPLE_RETRIEVED_AT,
    example: true,
  });
  const metadata = readJsonStat(JSON.parse(new TextDecoder().decode(metadataBytes)), { metadataOnly: true });
  const plan = planTable(table, metadata, config.registry, tableId);
  store.recordContentCodes(
    tableId,
    Object.fromEntries(table.contents.items.map((item, index) => [item.label, plan.contentCodes[index] ?? ''])),
  );
  store.recordValueCodes(table.dataset, plan.valueCodes);
  if (table.table === null) store.recordTable(table.dataset, tableId);
  const kommuner = config.registry.kommuner();
  const cache = new Map<string, string[]>();
  let call = 0;
  for (const query of plan.queries) {
    for (const selection of planQueries(query.selection, EXAMPLE_LIMITS.maxDataCells, plan.dimensionOrder)) {
      call++;
      const document = dataDocument(metadata, table.title, selection, (codes) => {
        const region = codes[table.geo.variable] ?? '';
        let members = cache.get(region);
        if (!members) {
          members = kommunerOf(region, kommuner);
          cache.set(region, members);
        }
        return valueOf(codes, members);
      });
      store.write(
        `scb/${table.dataset}/${query.name}-${String(call).padStart(3, '0')}.json`,
        encoder.encode(document),
        {
          source: 'scb',
          url: `${base}/tables/${tableId}/data?lang=${lang}&outputFormat=json-stat2`,
          query: selectionBody(selection),
          retrievedAt: EXAMPLE_RETRIEVED_AT,
          example: true,
        },
      );
      log(`  ${tableId}: exempelsvar ${call}`);
    }
  }
}

/** Kon as TAB1386 and TAB6260 code it. */
export const KON_WITH_TOTAL: [string, string][] = [
  ['1', 'män'],
  ['2', 'kvinnor'],
  ['1+2', 'totalt'],
];

export const SEX_OF: Record<string, ('men' | 'women')[]> = { '1': ['men'], '2': ['women'], '1+2': ['men', 'women'] };

export function monthOf(code: string): { year: number; month: number } {
  return { year: Number(code.slice(0, 4)), month: Number(code.slice(5)) };
}

/** The answer of `GET /tables?query=…` (PxWebApi 2.0 TablesResponse, one page) that finds a table of the example. */
export function writeExampleSearch(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  tables: Record<string, unknown>[],
): void {
  const { baseUrl, lang } = config.sources.scb;
  const search = {
    language: lang,
    tables,
    page: { pageNumber: 1, pageSize: 100, totalElements: tables.length, totalPages: 1, links: [] },
    links: [],
  };
  store.write(`scb/${table.dataset}/search-001.json`, encoder.encode(JSON.stringify(search)), {
    source: 'scb',
    url: `${baseUrl}/tables?query=${encodeURIComponent(table.find?.query ?? '')}&lang=${lang}&pageSize=100&pageNumber=1`,
    query: null,
    retrievedAt: EXAMPLE_RETRIEVED_AT,
    example: true,
  });
}
