import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/formats/files.ts';
import { dist, requireDist, root } from '../helpers/dist.ts';

function hashes(directory: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => [relative(directory, path), sha256(readFileSync(path))]),
  );
}

describe('reproducible builds', () => {
  it('a second build from the same snapshot is byte-identical', () => {
    requireDist();
    const second = mkdtempSync(join(tmpdir(), 'dist-'));
    execFileSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', second, '--silent'], {
      cwd: root,
      stdio: 'pipe',
    });
    const first = hashes(dist);
    expect(Object.keys(first).length).toBeGreaterThan(50);
    expect(hashes(second)).toEqual(first);
    rmSync(second, { recursive: true, force: true });
  });
});
