/**
 * The whole online refresh: SCB and Kolada into a staging folder that replaces data/raw only when
 * every call succeeded. An API failure after retries leaves data/raw exactly as it was.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectConfig } from '../config/load.ts';
import { replaceDirectory } from '../formats/files.ts';
import { RawStore } from './raw-store.ts';
import { RAW_FOLDER } from '../schemas/raw-layout.ts';
import { DEFAULT_RETRY, type HttpDeps, type RetryPolicy } from './http.ts';
import { fetchKolada } from './kolada.ts';
import { fetchScb } from './scb.ts';

export async function refreshRaw(
  config: ProjectConfig,
  deps: HttpDeps,
  options: { policy?: RetryPolicy; now?: () => Date } = {},
): Promise<void> {
  const policy = options.policy ?? DEFAULT_RETRY;
  const now = options.now ?? (() => new Date());
  const rawDir = join(config.root, RAW_FOLDER);
  const staging = `${rawDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const store = new RawStore(staging);
  const retrievedAt = () => now().toISOString();
  try {
    deps.log('Hämtar från SCB …');
    await fetchScb({ config: config.sources.scb, registry: config.registry, store, deps, policy, retrievedAt });
    deps.log('Hämtar från Kolada …');
    await fetchKolada({
      config: config.sources.kolada,
      store,
      deps,
      policy,
      retrievedAt,
      toYear: now().getFullYear() - 1,
    });
    store.finish();
    replaceDirectory(staging, rawDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
