/**
 * Kolada's "Liknande kommuner" groups are real in the example too: recorded by a public project
 * (data/reference/kolada-real), put into the page v3 would answer with, and marked as recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ProjectConfig } from '../config/load.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { KoladaGroupSchema } from '../formats/kolada.ts';
import { rawPaths } from '../schemas/raw-layout.ts';

const RECORDING = 'data/reference/kolada-real/municipality-groups-liknande.json';
/** When rKolada re-saved its package data from the v3 API. */
const RECORDED_AT = '2026-03-23T00:00:00Z';

const RecordingSchema = z.object({ data: z.array(KoladaGroupSchema) });

export function writePeerGroups(config: ProjectConfig, store: RawStore): void {
  const { baseUrl, perPage, peerGroups } = config.sources.kolada;
  const recorded = RecordingSchema.parse(JSON.parse(readFileSync(join(config.root, RECORDING), 'utf8'))).data;
  for (const { area, title } of peerGroups) {
    const values = recorded.filter((group) => group.title.startsWith(`${title},`));
    if (values.length === 0) throw new Error(`${RECORDING}: inga grupper "${title}, …" inspelade`);
    const body = { count: values.length, values, next_url: null, previous_url: null };
    store.write(rawPaths.koladaPeerGroups(area, 1), new TextEncoder().encode(JSON.stringify(body)), {
      source: 'kolada',
      url: `${baseUrl}/municipality_groups?title=${encodeURIComponent(title)}&per_page=${perPage}`,
      query: null,
      retrievedAt: RECORDED_AT,
      example: false,
      recordedBy: `LCHansson/rKolada (${RECORDING})`,
    });
  }
}
