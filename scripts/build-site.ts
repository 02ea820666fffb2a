/**
 * npm run build — builds the site into a fresh folder and moves it to dist/ only when the whole
 * build succeeded, so a failed build (a bad content file, a broken configuration) leaves the
 * previous site intact. Prints pages done of the total every tenth of the way, and at the end the
 * kinds of page that took longest; `--verbose` passes Astro's line per page through as well.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { isPageLine, writtenPages } from '../src/formats/astro-log.ts';
import { irregularEntries, replaceDirectory } from '../src/formats/files.ts';
import { pageKind } from '../src/views/model/paths.ts';
import { plannedPageCount } from '../src/views/web/routes.ts';
import { BUILD_NODE_FLAGS } from './node-flags.ts';

const root = process.cwd();
// Astro copies public/ as it finds it: a link there (or in what the pages read) could publish a file
// from anywhere on the machine, and a FIFO would stop the build for ever.
const irregular = ['public', 'data/content', 'data/config'].flatMap((folder) => irregularEntries(join(root, folder)));
if (irregular.length > 0) {
  process.stderr.write(
    `${irregular.map((path) => `${relative(root, path)}: är en symbolisk länk, en FIFO eller en enhet; lägg en vanlig fil där i stället`).join('\n')}\nBygget avbröts; dist/ är oförändrad.\n`,
  );
  process.exit(1);
}
const verbose = process.argv.includes('--verbose');
const astroArguments = process.argv.slice(2).filter((argument) => argument !== '--verbose');
// A configuration the site model refuses is reported by Astro below, with its own message.
let total: number | null = null;
try {
  total = plannedPageCount(join(root, 'src/pages'));
} catch {
  total = null;
}
const next = join(root, '.dist-next');
rmSync(next, { recursive: true, force: true });
const started = performance.now();
// Astro's own entry rather than .bin/astro, which is a shell wrapper on some systems.
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const child = spawn(process.execPath, [...BUILD_NODE_FLAGS, astro, 'build', '--outDir', next, ...astroArguments], {
  stdio: ['inherit', 'pipe', 'inherit'],
});
const number = new Intl.NumberFormat('sv-SE');
const byKind = new Map<string, { pages: number; ms: number }>();
let done = 0;
let shownTenth = 0;
createInterface({ input: child.stdout }).on('line', (line) => {
  const pages = writtenPages(line);
  if (!isPageLine(line) || verbose) process.stdout.write(`${line}\n`);
  for (const page of pages) {
    const kind = pageKind(page.path);
    const sofar = byKind.get(kind) ?? { pages: 0, ms: 0 };
    byKind.set(kind, { pages: sofar.pages + 1, ms: sofar.ms + (page.ms ?? 0) });
  }
  done += pages.length;
  const tenth = total ? Math.floor((10 * done) / total) : 0;
  if (total && tenth > shownTenth && pages.length > 0) {
    shownTenth = tenth;
    const seconds = Math.round((performance.now() - started) / 1000);
    process.stderr.write(
      `Sidor: ${number.format(done)} av ${number.format(total)} (${Math.min(100, tenth * 10)} %) efter ${seconds} s\n`,
    );
  }
});
const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
if (status !== 0) {
  rmSync(next, { recursive: true, force: true });
  process.stderr.write('Bygget misslyckades; dist/ är oförändrad.\n');
  process.exit(status ?? 1);
}
replaceDirectory(next, join(root, 'dist'));
const slowest = [...byKind].sort((a, b) => b[1].ms - a[1].ms).slice(0, 5);
process.stderr.write(
  `Mest tid (sidornas egen tid sammanlagd; fyra byggs åt gången):\n${slowest
    .map(
      ([kind, { pages, ms }]) =>
        `  ${kind}: ${number.format(pages)} sidor, ${number.format(Math.round(ms / 1000))} s, ${number.format(Math.round(ms / pages))} ms per sida`,
    )
    .join('\n')}\n`,
);
process.stderr.write(`Klart: ${number.format(done)} sidor och filer i dist/.\n`);
