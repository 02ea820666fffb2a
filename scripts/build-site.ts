/**
 * npm run build — builds the site into a fresh folder and moves it to dist/ only when the whole
 * build succeeded, so a failed build (a bad content file, a broken configuration) leaves the
 * previous site intact.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { irregularEntries, replaceDirectory } from '../src/formats/files.ts';

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
const next = join(root, '.dist-next');
rmSync(next, { recursive: true, force: true });
const result = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', next, ...process.argv.slice(2)], {
  stdio: 'inherit',
  // A larger young generation: the build allocates many short-lived objects (chart DOMs, series).
  env: { ...process.env, NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --max-semi-space-size=64`.trim() },
});
if (result.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  process.stderr.write('Bygget misslyckades; dist/ är oförändrad.\n');
  process.exit(result.status ?? 1);
}
replaceDirectory(next, join(root, 'dist'));
process.stderr.write('Klart: webbplatsen finns i dist/.\n');
