/**
 * npm run data:build — offline: data/raw + data/exports → data/snapshot. On any problem it prints
 * every one as file:line:column and exits 1 with the previous snapshot untouched.
 */
import { loadConfig } from '../src/config/load.ts';
import { buildSnapshot } from '../src/pipeline/build-snapshot.ts';

const log = (message: string) => process.stderr.write(`${message}\n`);
const started = performance.now();
try {
  const config = loadConfig(process.cwd());
  log('Bygger ögonblicksbilden från data/raw och data/exports …');
  const meta = await buildSnapshot(config, { log, today: new Date() });
  const observations = meta.files.reduce((sum, file) => sum + file.observations, 0);
  log(
    `Klart på ${((performance.now() - started) / 1000).toFixed(1)} s: ${observations.toLocaleString('sv-SE')} observationer i ${meta.files.length} filer${meta.example ? ' (EXEMPELDATA)' : ''}.`,
  );
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  log('Inget skrevs; den tidigare ögonblicksbilden i data/snapshot är orörd.');
  process.exit(1);
}
