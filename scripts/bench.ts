/**
 * npm run bench — builds the national site (all 290 kommuner as members) from the snapshot and
 * prints pages built, total time, time per page, peak memory, largest and median page weight per
 * page type, and the same count of bare Astro pages on this machine as the framework's floor.
 * Targets (2 cores): ≤ 120 s, per-page cost ≤ 5 × bare Astro, peak memory ≤ 2 GiB.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = process.cwd();
/** The same runtime flags as `npm run build`, for both builds, so the comparison stays fair. */
const NODE_FLAGS = ['--max-semi-space-size=64'];
/**
 * One run on a shared 2-core VM varies by ±30 %, and the load drifts: so the two builds are timed
 * in pairs, one right after the other, and the median of the pairs' ratios is reported.
 */
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Each run builds into an empty folder, as `npm run build` does. */
function freshBuild(cwd: string, outDir: string, env: Record<string, string>): { seconds: number; peakMiB: number } {
  rmSync(outDir, { recursive: true, force: true });
  return timedBuild(cwd, outDir, env);
}

/** Runs one build in a child process and returns wall time and its peak memory (GNU time is not everywhere, so the child reports). */
function timedBuild(cwd: string, outDir: string, env: Record<string, string>): { seconds: number; peakMiB: number } {
  const started = performance.now();
  const report = execFileSync(
    process.execPath,
    [
      ...NODE_FLAGS,
      '--input-type=module',
      '-e',
      `import { build } from 'astro'; await build({ root: ${JSON.stringify(cwd)}, outDir: ${JSON.stringify(outDir)}, logLevel: 'error' }); console.log(JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }));`,
    ],
    {
      cwd,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const { maxRSS } = JSON.parse(report.trim().split('\n').at(-1) ?? '{}') as { maxRSS: number };
  return { seconds, peakMiB: maxRSS / 1024 };
}

function htmlPages(directory: string): { path: string; bytes: number }[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: `/${relative(directory, path)}`, bytes: statSync(path).size };
    });
}

function pageType(path: string): string {
  if (path.startsWith('/dialog/')) return 'dialogpresentation';
  if (path.startsWith('/kommun/')) return 'kommunprofil';
  if (path.includes('/indikator/')) return 'indikatorsida';
  if (
    /^\/[^/]+\/index\.html$/.test(path) &&
    !['/data/index.html', '/om-statistiken/index.html', '/tillganglighet/index.html'].includes(path)
  )
    return 'startsida';
  return 'övriga';
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const nationalEnv = { LAGESBILD_SITE: 'data/config/site-national.json' };
process.stderr.write('Bygger den nationella webbplatsen (290 kommuner) en gång för att räkna sidorna …\n');
const nationalOut = mkdtempSync(join(tmpdir(), 'bench-national-'));
freshBuild(root, nationalOut, nationalEnv);
const pages = htmlPages(nationalOut);

const bare = mkdtempSync(join(tmpdir(), 'bench-bare-'));
mkdirSync(join(bare, 'src/pages'), { recursive: true });
symlinkSync(join(root, 'node_modules'), join(bare, 'node_modules'));
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
  process.stderr.write(`Par ${index + 1} av ${RUNS}: nationell webbplats, sedan ${pages.length} tomma Astro-sidor …\n`);
  const national = freshBuild(root, nationalOut, nationalEnv);
  const baseline = freshBuild(bare, join(bare, 'dist'), {});
  return { national, baseline, ratio: national.seconds / baseline.seconds };
});
const nationalSeconds = median(pairs.map((pair) => pair.national.seconds));
const bareSeconds = median(pairs.map((pair) => pair.baseline.seconds));
const ratios = pairs.map((pair) => pair.ratio).sort((a, b) => a - b);
const perPage = (nationalSeconds / pages.length) * 1000;
const barePerPage = (bareSeconds / pages.length) * 1000;
console.log(`Nationell webbplats: ${pages.length} sidor (median av ${RUNS} byggen)`);
console.log(`Total tid: ${nationalSeconds.toFixed(1)} s (mål ≤ 120 s)`);
console.log(`Tid per sida: ${perPage.toFixed(1)} ms; tom Astro-sida: ${barePerPage.toFixed(1)} ms`);
console.log(
  `Kvot per par (nationell / tom, byggda direkt efter varandra): median ${median(ratios).toFixed(1)}, från ${ratios[0]?.toFixed(1)} till ${ratios.at(-1)?.toFixed(1)} (mål ≤ 5)`,
);
console.log(
  `Högsta minnesanvändning: ${Math.max(...pairs.map((pair) => pair.national.peakMiB)).toFixed(0)} MiB (mål ≤ 2 048 MiB); tomma Astro-sidor: ${Math.max(...pairs.map((pair) => pair.baseline.peakMiB)).toFixed(0)} MiB`,
);
console.log('Sidvikt per sidtyp (HTML med SVG):');
const types = [...new Set(pages.map((page) => pageType(page.path)))].sort();
for (const type of types) {
  const sizes = pages.filter((page) => pageType(page.path) === type).sort((a, b) => a.bytes - b.bytes);
  const largest = sizes.at(-1)!;
  const median = sizes[Math.floor(sizes.length / 2)]!;
  console.log(
    `  ${type.padEnd(20)} ${String(sizes.length).padStart(4)} sidor, median ${kib(median.bytes)}, störst ${kib(largest.bytes)} (${largest.path})`,
  );
}
rmSync(nationalOut, { recursive: true, force: true });
rmSync(bare, { recursive: true, force: true });
