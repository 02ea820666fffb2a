/**
 * npm run data:fetch — online: fetches SCB and Kolada into a staging folder and replaces data/raw
 * only when every call succeeded. Then run npm run data:build.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/lib/config.ts';
import { DEFAULT_RETRY, defaultHttpDeps } from '../src/fetch/http.ts';
import { fetchKolada } from '../src/fetch/kolada.ts';
import { fetchScb } from '../src/fetch/scb.ts';
import { replaceDirectory } from '../src/pipeline/files.ts';
import { RawStore } from '../src/pipeline/raw-store.ts';

const root = process.cwd();
const log = defaultHttpDeps.log;
const config = loadConfig(root);
const rawDir = join(root, 'data/raw');
const staging = `${rawDir}.staging-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
const store = new RawStore(staging);
const retrievedAt = () => new Date().toISOString();
try {
  log('Hämtar från SCB …');
  await fetchScb({ config: config.sources.scb, registry: config.registry, store, deps: defaultHttpDeps, policy: DEFAULT_RETRY, retrievedAt });
  log('Hämtar från Kolada …');
  await fetchKolada({ config: config.sources.kolada, store, deps: defaultHttpDeps, policy: DEFAULT_RETRY, retrievedAt, toYear: new Date().getFullYear() - 1 });
  store.finish();
  replaceDirectory(staging, rawDir);
  log('Klart: data/raw är uppdaterad. Kör npm run data:build.');
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  log(error instanceof Error ? error.message : String(error));
  log('Hämtningen avbröts; data/raw är oförändrad.');
  process.exit(1);
}
