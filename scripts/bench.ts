/**
 * npm run bench [-- --site=national|alla-kommuner|default]: builds a site from the snapshot and the
 * same number of bare Astro pages, in pairs, and prints pages, seconds, the ratio of the pairs, peak
 * memory and bytes per page type. `national` (npm run bench:national) writes every förbund of Sweden
 * (each kommun in a förbund of about four within its län) into a scratch copy of the repository;
 * `alla-kommuner` is one förbund of all 290; `default` is data/config/site.json.
 * `--copy-only` writes the national copy and stops, for a profile of one build there.
 * Targets (2 cores): ratio ≤ 3 for the national and the default site, peak ≤ 1,5 GiB.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadRegistry, readJsonFile } from '../src/config/load.ts';
import { nationalForbund } from '../src/config/national.ts';
import { stableJson } from '../src/formats/files.ts';
import { ForbundSchema } from '../src/schemas/forbund.ts';
import { pageKind } from '../src/views/model/paths.ts';
// The same runtime flags as `npm run build`, for both builds, so the comparison stays fair.
import { BUILD_NODE_FLAGS } from './node-flags.ts';

const repository = process.cwd();
/**
 * One run on a shared 2-core VM varies by ±30 %, and the load drifts: so the two builds are timed
 * in pairs, one right after the other, and the median of the pairs' ratios is reported.
 */
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const SITES = ['national', 'alla-kommuner', 'default'] as const;
type SiteName = (typeof SITES)[number];

function chosenSite(): SiteName {
  const value = process.argv.find((argument) => argument.startsWith('--site='))?.slice('--site='.length);
  if (value === undefined) return 'alla-kommuner';
  if ((SITES as readonly string[]).includes(value)) return value as SiteName;
  process.stderr.write(`--site=${value}: väntade ${SITES.join(', ')}\n`);
  process.exit(2);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * A copy of the repository without its history, raw files or built site, whose configuration lists
 * every förbund of Sweden; node_modules is linked, not copied.
 */
function nationalCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), 'bench-repo-'));
  const skipped = new Set(['node_modules', '.git', 'dist', '.dist-next', '.shots', '.astro', 'tests', 'raw']);
  cpSync(repository, copy, {
    recursive: true,
    filter: (source) => !skipped.has(relative(repository, source).split('/').at(-1) ?? ''),
  });
  symlinkSync(join(repository, 'node_modules'), join(copy, 'node_modules'));
  const template = readJsonFile(join(repository, 'data/config/forbund/umearegionen.json'), ForbundSchema);
  const forbund = nationalForbund(loadRegistry(repository), template);
  for (const entry of forbund) writeFileSync(join(copy, `data/config/forbund/${entry.id}.json`), stableJson(entry));
  writeFileSync(
    join(copy, 'data/config/site-bench.json'),
    stableJson({ forbund: forbund.map((entry) => entry.id), suppressionThreshold: 5 }),
  );
  process.stderr.write(`Skrev ${forbund.length} förbund med alla 290 kommuner i ${copy}\n`);
  return copy;
}

/** Each run builds into an empty folder, as `npm run build` does. */
function freshBuild(cwd: string, outDir: string, env: Record<string, string>): { seconds: number; peakMiB: number } {
  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  // The child reports its own peak memory: GNU time is not on every machine.
  let report: string;
  try {
    report = execFileSync(
      process.execPath,
      [
        ...BUILD_NODE_FLAGS,
        '--input-type=module',
        '-e',
        `import { build } from 'astro'; await build({ root: ${JSON.stringify(cwd)}, outDir: ${JSON.stringify(outDir)}, logLevel: 'error' }); console.log(JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }));`,
      ],
      { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: 'pipe' },
    );
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? error);
    process.stderr.write(`Bygget i ${cwd} misslyckades:\n${stderr.split('\n').slice(0, 20).join('\n')}\n`);
    process.exit(1);
  }
  const seconds = (performance.now() - started) / 1000;
  const { maxRSS } = JSON.parse(report.trim().split('\n').at(-1) ?? '{}') as { maxRSS: number };
  return { seconds, peakMiB: maxRSS / 1024 };
}

function builtFiles(directory: string): { path: string; bytes: number }[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: `/${relative(directory, path)}`, bytes: statSync(path).size };
    });
}

/** The kind of page or file a path is; what `npm run build` reports too. */
function fileType(path: string): string {
  if (path.startsWith('/_astro/')) return 'skript och stilmallar';
  if (path.endsWith('.html') || path.includes('/indikator/') || path.startsWith('/data/')) return pageKind(path);
  return 'övriga filer';
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const site = chosenSite();
const root = site === 'national' ? nationalCopy() : repository;
// For a profile: `--copy-only` leaves the national copy in place and stops before building.
if (process.argv.includes('--copy-only')) process.exit(0);
const env: Record<string, string> =
  site === 'national'
    ? { LAGESBILD_SITE: 'data/config/site-bench.json' }
    : site === 'alla-kommuner'
      ? { LAGESBILD_SITE: 'data/config/site-national.json' }
      : {};
process.stderr.write(`Bygger webbplatsen (${site}) en gång för att räkna sidorna …\n`);
const siteOut = mkdtempSync(join(tmpdir(), 'bench-site-'));
const first = freshBuild(root, siteOut, env);
const files = builtFiles(siteOut);
const pages = files.filter((file) => file.path.endsWith('.html'));

const bare = mkdtempSync(join(tmpdir(), 'bench-bare-'));
mkdirSync(join(bare, 'src/pages'), { recursive: true });
symlinkSync(join(repository, 'node_modules'), join(bare, 'node_modules'));
writeFileSync(join(bare, 'package.json'), '{"type":"module"}');
writeFileSync(
  join(bare, 'astro.config.mjs'),
  "import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', build: { concurrency: 4 } });\n",
);
writeFileSync(
  join(bare, 'src/pages/[n].astro'),
  `---\nexport function getStaticPaths() { return Array.from({ length: ${pages.length} }, (_, n) => ({ params: { n: String(n) } })); }\nconst { n } = Astro.params;\n---\n<html lang="sv"><head><title>Sida {n}</title></head><body><h1>Sida {n}</h1></body></html>\n`,
);
freshBuild(bare, join(bare, 'dist'), {});

const pairs = Array.from({ length: RUNS }, (_, index) => {
  process.stderr.write(`Par ${index + 1} av ${RUNS}: webbplatsen, sedan ${pages.length} tomma Astro-sidor …\n`);
  const built = index === 0 ? first : freshBuild(root, siteOut, env);
  const baseline = freshBuild(bare, join(bare, 'dist'), {});
  process.stderr.write(`  ${built.seconds.toFixed(1)} s mot ${baseline.seconds.toFixed(1)} s\n`);
  return { built, baseline, ratio: built.seconds / baseline.seconds };
});
const siteSeconds = median(pairs.map((pair) => pair.built.seconds));
const bareSeconds = median(pairs.map((pair) => pair.baseline.seconds));
const ratios = pairs.map((pair) => pair.ratio).sort((a, b) => a - b);
console.log(`Webbplats ${site}: ${pages.length} sidor, ${files.length} filer (median av ${RUNS} byggen)`);
console.log(`Total tid: ${siteSeconds.toFixed(1)} s; tomma Astro-sidor: ${bareSeconds.toFixed(1)} s`);
console.log(
  `Tid per sida: ${((siteSeconds / pages.length) * 1000).toFixed(1)} ms; tom Astro-sida: ${((bareSeconds / pages.length) * 1000).toFixed(1)} ms`,
);
console.log(
  `Kvot per par (webbplats / tom, byggda direkt efter varandra): median ${median(ratios).toFixed(1)}, från ${ratios[0]?.toFixed(1)} till ${ratios.at(-1)?.toFixed(1)} (mål ≤ 3)`,
);
console.log(
  `Högsta minnesanvändning: ${Math.max(...pairs.map((pair) => pair.built.peakMiB)).toFixed(0)} MiB (mål ≤ 1 536 MiB); tomma Astro-sidor: ${Math.max(...pairs.map((pair) => pair.baseline.peakMiB)).toFixed(0)} MiB`,
);
const total = files.reduce((sum, file) => sum + file.bytes, 0);
console.log(`Storlek per filtyp (totalt ${mib(total)}):`);
const types = [...new Set(files.map((file) => fileType(file.path)))].sort();
for (const type of types) {
  const sizes = files.filter((file) => fileType(file.path) === type).sort((a, b) => a.bytes - b.bytes);
  const sum = sizes.reduce((all, file) => all + file.bytes, 0);
  const largest = sizes.at(-1)!;
  console.log(
    `  ${type.padEnd(24)} ${String(sizes.length).padStart(5)} st, ${mib(sum).padStart(9)}, median ${kib(sizes[Math.floor(sizes.length / 2)]!.bytes)}, störst ${kib(largest.bytes)} (${largest.path})`,
  );
}
rmSync(siteOut, { recursive: true, force: true });
rmSync(bare, { recursive: true, force: true });
if (root !== repository) rmSync(root, { recursive: true, force: true });
