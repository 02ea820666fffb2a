/**
 * The layout of `data/raw`: where each kind of response is kept and what its file holds. Fetch and
 * the example writer name files only through `rawPaths`; the snapshot reads them back only through
 * `rawFileKind`. A new kind of raw file is added here, once, for both sides.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RawManifestSchema, type RawManifest } from './provenance.ts';
import { issueLines } from '../formats/zod-issues.ts';

/** The raw folder, from the project root. */
export const RAW_FOLDER = 'data/raw';

/** Every file's provenance (`RawManifest`), written last: a folder without it is incomplete. */
export const RAW_MANIFEST = 'provenance.json';

/** Pages and calls are numbered from 1, three digits, so files sort in the order they were asked. */
const numbered = (index: number): string => String(index).padStart(3, '0');

/** Paths inside `data/raw`, by what the file holds. */
export const rawPaths = {
  /** SCB's /config: the server's limits. Kept for provenance, not read back. */
  scbConfig: (): string => 'scb/config.json',
  /** One page of a table search by title. Kept for provenance, not read back. */
  scbSearchPage: (dataset: string, page: number): string => `scb/${dataset}/search-${numbered(page)}.json`,
  /** A table's metadata (json-stat2 without values). Kept for provenance, not read back. */
  scbMetadata: (dataset: string): string => `scb/${dataset}/metadata.json`,
  /** One json-stat2 data response of a dataset; `name` says which query (or recording) it answers. */
  scbCube: (dataset: string, name: string): string => `scb/${dataset}/${name}.json`,
  /** The same, for the `call`-th call of a query that had to be split. */
  scbCubeCall: (dataset: string, query: string, call: number): string =>
    `scb/${dataset}/${query}-${numbered(call)}.json`,
  /** SKR's kommungrupper as SCB's aggregation code list. */
  kommungrupper: (): string => 'scb/kommungrupper/codelist.json',
  /** Kolada's KPI catalogue for the configured ids; `chunk` counts from 0. Kept for provenance. */
  koladaCatalogue: (chunk: number): string => `kolada/kpi-metadata${chunk === 0 ? '' : `-${chunk + 1}`}.json`,
  /** One page of Kolada's municipality groups whose title starts as a configured peer area's. */
  koladaPeerGroups: (area: string, page: number): string => `kolada/grupper-${area}-page-${numbered(page)}.json`,
  /** One page of a Kolada values query; `name` is the query (first KPI and year). */
  koladaPage: (name: string, page: number): string => `kolada/${name}-page-${numbered(page)}.json`,
} as const;

/** What the snapshot does with a raw file, read from its manifest id (`raw/…`). */
export type RawFileKind =
  | { kind: 'scb-cube'; dataset: string }
  | { kind: 'kommungrupper' }
  | { kind: 'kolada-page' }
  | { kind: 'kolada-peer-groups'; area: string }
  /** Kept as evidence of how the data were found; nothing in them is published. */
  | { kind: 'provenance-only' };

export function rawFileKind(id: string, source: 'scb' | 'kolada'): RawFileKind {
  const path = id.replace(/^raw\//, '');
  if (path === rawPaths.kommungrupper()) return { kind: 'kommungrupper' };
  const parts = path.split('/');
  const [folder, dataset, file] = parts;
  if (source === 'scb' && parts.length === 3 && folder === 'scb' && dataset && file) {
    if (file === 'metadata.json' || /^search-\d+\.json$/.test(file)) return { kind: 'provenance-only' };
    return { kind: 'scb-cube', dataset };
  }
  const peers = /^kolada\/grupper-([a-z-]+)-page-\d+\.json$/.exec(path);
  if (source === 'kolada' && peers?.[1]) return { kind: 'kolada-peer-groups', area: peers[1] };
  if (source === 'kolada' && /^kolada\/.+-page-\d+\.json$/.test(path)) return { kind: 'kolada-page' };
  return { kind: 'provenance-only' };
}

export function readRawManifest(rawDirectory: string): RawManifest {
  const path = join(rawDirectory, RAW_MANIFEST);
  const parsed = RawManifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${issueLines(parsed.error).join('; ')}`);
  return parsed.data;
}
