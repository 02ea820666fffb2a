/**
 * npm run bench:data — time and peak memory of building the national snapshot (all 290 kommuner,
 * every source, every month) from data/raw and data/exports, into a scratch folder.
 * Targets on the 2-core reference machine: ≤ 10 s and ≤ 1 GiB.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { buildSnapshot } from '../src/pipeline/build-snapshot.ts';

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'bench-data-'));
mkdirSync(join(work, 'data'));
for (const name of ['config', 'reference', 'raw']) symlinkSync(join(root, 'data', name), join(work, 'data', name));
cpSync(join(root, 'data/exports'), join(work, 'data/exports'), { recursive: true });

const started = performance.now();
const meta = await buildSnapshot(loadConfig(work), { log: () => {}, today: new Date() });
const seconds = (performance.now() - started) / 1000;
const peakMiB = process.resourceUsage().maxRSS / 1024;
const observations = meta.files.reduce((sum, file) => sum + file.observations, 0);
rmSync(work, { recursive: true, force: true });

const regions = new Set(meta.files.length > 0 ? loadConfig(root).registry.all.map((region) => region.code) : []).size;
console.log(
  `Nationell ögonblicksbild: ${observations.toLocaleString('sv-SE')} observationer, ${meta.files.length} filer, ${regions} regioner, ${meta.provenance.length} källfiler`,
);
console.log(`Tid: ${seconds.toFixed(2)} s (mål ≤ 10 s)`);
console.log(`Högsta minnesanvändning (RSS): ${peakMiB.toFixed(0)} MiB (mål ≤ 1 024 MiB)`);
