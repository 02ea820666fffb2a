/**
 * npm run data:example — writes the seeded example dataset into data/raw and data/exports, in the
 * real raw formats. Refuses to overwrite real fetched data.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, readForbundFiles } from '../src/config/load.ts';
import { EXAMPLE_LIMITS, EXAMPLE_RETRIEVED_AT } from '../src/example/scb-tables.ts';
import { EXAMPLE_SCB_WRITERS } from '../src/example/writers.ts';
import { writeKolada } from '../src/example/kolada.ts';
import { writePeerGroups } from '../src/example/peer-groups.ts';
import { writeExampleExports } from '../src/example/exports.ts';
import { writeKommungrupper } from '../src/example/kommungrupper.ts';
import { replaceDirectory } from '../src/formats/files.ts';
import { RawStore } from '../src/fetch/raw-store.ts';
import { RAW_FOLDER, RAW_MANIFEST, rawPaths, readRawManifest } from '../src/schemas/raw-layout.ts';

const root = process.cwd();
const log = (message: string) => process.stderr.write(`${message}\n`);
const config = loadConfig(root);
const rawDir = join(root, RAW_FOLDER);
if (existsSync(join(rawDir, RAW_MANIFEST)) && !readRawManifest(rawDir).example && !process.argv.includes('--force')) {
  log(
    'data/raw innehåller hämtad (riktig) data; skriver inte över den med exempeldata. Använd --force om du verkligen vill.',
  );
  process.exit(1);
}
const staging = `${rawDir}.staging-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
try {
  const store = new RawStore(staging);
  store.write(
    rawPaths.scbConfig(),
    new TextEncoder().encode(
      JSON.stringify({
        apiVersion: '2.3.2',
        defaultLanguage: 'sv',
        ...EXAMPLE_LIMITS,
        license: 'https://creativecommons.org/share-your-work/public-domain/cc0/',
        sourceReferences: [{ language: 'sv', text: 'Källa: SCB' }],
      }),
    ),
    {
      source: 'scb',
      url: `${config.sources.scb.baseUrl}/config`,
      query: null,
      retrievedAt: EXAMPLE_RETRIEVED_AT,
      example: true,
    },
  );
  for (const table of config.sources.scb.tables) {
    log(`Skriver exempel för ${table.table ?? table.find?.query} (${table.dataset})`);
    const write = EXAMPLE_SCB_WRITERS[table.dataset];
    if (!write) throw new Error(`Ingen exempelmodell för dataset ${table.dataset}`);
    write(table, config, store, log);
  }
  log('Skriver exempel för Kolada');
  writeKolada(config, store, 2025);
  writePeerGroups(config, store);
  writeKommungrupper(config, store);
  store.finish();
  replaceDirectory(staging, rawDir);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  throw error;
}
const exportsDir = join(root, 'data/exports');
const members = [
  ...new Set(readForbundFiles(root).flatMap((forbund) => forbund.members.map((member) => member.code))),
].sort();
const written = writeExampleExports(exportsDir, members, config.registry);
log(`Klart: exempeldata i data/raw och ${written.length} exempelexporter i data/exports. Kör npm run data:build.`);
