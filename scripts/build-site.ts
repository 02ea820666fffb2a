/**
 * npm run build — builds the site into a fresh folder and moves it to dist/ only when the whole
 * build succeeded, so a failed build (a bad content file, a broken configuration) leaves the
 * previous site intact.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { replaceDirectory } from '../src/formats/files.ts';

const root = process.cwd();
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
