/**
 * The real SCB responses that public projects recorded (data/reference/scb-real, CC0 data): the
 * example is built on them. Recorded series go into data/raw as real, with who recorded them and
 * when; invented series take their levels from them, so each kommun looks like itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forEachCell, readJsonStat } from '../formats/jsonstat.ts';

const RECORDINGS = 'data/reference/scb-real';

export interface Recording {
  /** The API's own response, as the recording project received it. */
  response: Record<string, unknown>;
  /** Where and when it was fetched, and by whom, for its provenance. */
  url: string;
  fetchedAt: string;
  recordedBy: string;
}

/** atlas290's recordings: `{kind, table, lang, url, selection, fetchedAt, response}`. */
export function recording(root: string, path: string): Recording {
  const wrapper = JSON.parse(readFileSync(join(root, RECORDINGS, path), 'utf8'));
  return {
    response: wrapper.response,
    url: wrapper.url,
    fetchedAt: wrapper.fetchedAt,
    recordedBy: `aniisabihi/atlas290 (${RECORDINGS}/${path})`,
  };
}

export const POPULATION_2025_GROUPS = 'TAB5557/data-kommuner-2025-5arsgrupper.json';
const GROUPS_20_64 = ['20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64'];

/**
 * Population 20–64 on 31 December 2025 per kommun: the sum of TAB5557's nine five-year groups, as
 * SCB publishes no 20–64 total in its Cell Key tables.
 */
export function realPopulation2064(root: string): Map<string, number> {
  const cube = readJsonStat(recording(root, POPULATION_2025_GROUPS).response);
  const region = cube.dimensions.findIndex((dimension) => dimension.id === 'Region');
  const age = cube.dimensions.findIndex((dimension) => dimension.id === 'Alder');
  const sums = new Map<string, number>();
  forEachCell(cube, (codes, value) => {
    const kommun = codes[region] ?? '';
    if (value !== null && GROUPS_20_64.includes(codes[age] ?? '')) sums.set(kommun, (sums.get(kommun) ?? 0) + value);
  });
  return sums;
}
