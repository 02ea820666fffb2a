import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/dist.ts';

describe('a failed build', () => {
  it('names the bad content file and leaves the previous site in dist/ as it was', () => {
    const work = mkdtempSync(join(tmpdir(), 'site-'));
    for (const name of ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
      cpSync(join(root, name), join(work, name), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
    mkdirSync(join(work, 'data'));
    for (const name of ['config', 'reference', 'raw', 'snapshot', 'exports'])
      symlinkSync(join(root, 'data', name), join(work, 'data', name));
    mkdirSync(join(work, 'data/content/initiativ/umearegionen'), { recursive: true });
    writeFileSync(
      join(work, 'data/content/initiativ/umearegionen/01-trasig.md'),
      '---\nnumber: 1\nname: "Trasig"\n---\nText.\n',
    );
    mkdirSync(join(work, 'dist'));
    writeFileSync(join(work, 'dist/index.html'), 'föregående webbplats');

    const result = spawnSync(process.execPath, ['scripts/build-site.ts'], { cwd: work, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/01-trasig\.md:\d+: area: /);
    expect(readFileSync(join(work, 'dist/index.html'), 'utf8')).toBe('föregående webbplats');
    expect(existsSync(join(work, '.dist-next'))).toBe(false);
  });
});
