/**
 * The example's SCB tables: JSON-stat2 metadata and data documents written exactly where and how
 * `data:fetch` would write real ones, with every file's provenance saying `example: true`. One file
 * per dataset (`he.ts`, `bas.ts`, `befolkning.ts`) fills them with its model.
 */
import { planTable, selectionBody, type TablePlan } from '../fetch/scb-selection.ts';
import type { Recording } from './reality.ts';
import type { JsonStatCube } from '../formats/jsonstat.ts';
import { readJsonStat } from '../formats/jsonstat.ts';
import type { ProjectConfig } from '../config/load.ts';
import type { Region } from '../schemas/region.ts';
import type { ContentItem, ScbTable } from '../schemas/sources.ts';
import { planQueries, type Selection } from '../fetch/planner.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { rawPaths } from '../schemas/raw-layout.ts';

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

export function sumOver<T>(items: readonly T[], one: (item: T) => number): number {
  let sum = 0;
  for (const item of items) sum += one(item);
  return sum;
}

/** Kommuner a region code stands for: itself, its län's kommuner, or all of them. */
export function kommunerOf(code: string, kommuner: Region[]): string[] {
  if (code === '00') return kommuner.map((region) => region.code);
  if (code.length === 2) return kommuner.filter((region) => region.lan === code).map((region) => region.code);
  return [code];
}

/** The example's id for a table: its real, pinned id (the example invents no table ids). */
export function exampleTableId(table: ScbTable): string {
  if (!table.table) throw new Error(`Exemplet behöver ett fäst tabell-id för ${table.dataset} i sources.json`);
  return table.table;
}

/** Writes a table's metadata (invented, or a real recording) and plans its queries against it. */
export function writeScbMetadata(
  table: ScbTable,
  metadataDoc: Record<string, unknown>,
  config: ProjectConfig,
  store: RawStore,
  recorded: Omit<Recording, 'response'> | null = null,
): { metadata: JsonStatCube; plan: TablePlan } {
  const tableId = exampleTableId(table);
  const metadataBytes = encoder.encode(JSON.stringify(metadataDoc));
  const { baseUrl, lang } = config.sources.scb;
  store.write(rawPaths.scbMetadata(table.dataset), metadataBytes, {
    source: 'scb',
    url: recorded?.url ?? `${baseUrl}/tables/${tableId}/metadata?lang=${lang}&outputFormat=json-stat2`,
    query: null,
    retrievedAt: recorded?.fetchedAt ?? EXAMPLE_RETRIEVED_AT,
    example: recorded === null,
    ...(recorded ? { recordedBy: recorded.recordedBy } : {}),
  });
  const metadata = readJsonStat(JSON.parse(new TextDecoder().decode(metadataBytes)), { metadataOnly: true });
  const plan = planTable(table, metadata, config.registry, tableId);
  store.recordContentCodes(
    tableId,
    Object.fromEntries(table.contents.items.map((item, index) => [item.label, plan.contentCodes[index] ?? ''])),
  );
  store.recordValueCodes(table.dataset, plan.valueCodes);
  return { metadata, plan };
}

/** Writes one invented data response for a selection, each cell from `valueOf`. */
export function writeScbData(
  table: ScbTable,
  metadata: JsonStatCube,
  config: ProjectConfig,
  store: RawStore,
  name: string,
  selection: Selection,
  valueOf: (codes: Record<string, string>, kommuner: string[]) => number | null,
): void {
  const { baseUrl, lang } = config.sources.scb;
  const kommuner = config.registry.kommuner();
  const document = dataDocument(metadata, table.title, selection, (codes) =>
    valueOf(codes, kommunerOf(codes[table.geo.variable] ?? '', kommuner)),
  );
  store.write(rawPaths.scbCube(table.dataset, name), encoder.encode(document), {
    source: 'scb',
    url: `${baseUrl}/tables/${exampleTableId(table)}/data?lang=${lang}&outputFormat=json-stat2`,
    query: selectionBody(selection),
    retrievedAt: EXAMPLE_RETRIEVED_AT,
    example: true,
  });
}

/** Writes a recorded real data response as it was received: real values, never touched. */
export function writeRecordedData(table: ScbTable, store: RawStore, name: string, recorded: Recording): void {
  store.write(rawPaths.scbCube(table.dataset, name), encoder.encode(JSON.stringify(recorded.response)), {
    source: 'scb',
    url: recorded.url,
    query: null,
    retrievedAt: recorded.fetchedAt,
    example: false,
    recordedBy: recorded.recordedBy,
  });
}

/**
 * An invented table: metadata, then every planned query split under the cell limit as a real fetch
 * splits it. `valueOf` is told which configured content a cell is, as the table's code for it is
 * known only once the metadata is planned (resolved by label where the code is not pinned).
 */
export function writeScbTable(
  table: ScbTable,
  metadataDoc: Record<string, unknown>,
  config: ProjectConfig,
  store: RawStore,
  valueOf: (codes: Record<string, string>, kommuner: string[], item: ContentItem | undefined) => number | null,
  log: (message: string) => void,
  recorded: Omit<Recording, 'response'> | null = null,
): void {
  const { metadata, plan } = writeScbMetadata(table, metadataDoc, config, store, recorded);
  const itemByCode = new Map(table.contents.items.map((item, index) => [plan.contentCodes[index] ?? '', item]));
  const cellValue = (codes: Record<string, string>, kommuner: string[]) =>
    valueOf(codes, kommuner, itemByCode.get(codes[table.contents.variable] ?? ''));
  let call = 0;
  for (const query of plan.queries) {
    for (const selection of planQueries(query.selection, EXAMPLE_LIMITS.maxDataCells, plan.dimensionOrder)) {
      call++;
      writeScbData(
        table,
        metadata,
        config,
        store,
        `${query.name}-${String(call).padStart(3, '0')}`,
        selection,
        cellValue,
      );
      log(`  ${exampleTableId(table)}: exempelsvar ${call}`);
    }
  }
}

/** A share as SCB publishes it beside its counts: percent with one decimal; null without a denominator. */
export function publishedShare(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null;
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
