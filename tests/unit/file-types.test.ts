/**
 * Every file the build reads or copies is a regular file: a link could publish a file from outside
 * the repository, a FIFO would block the build for ever, a device would never end.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { readInitiativeFile } from '../../src/config/initiatives.ts';
import { fileRefusal, irregularEntries, readCheckedFile } from '../../src/formats/files.ts';
import { importExport } from '../../src/pipeline/exports.ts';
import { importContext } from '../helpers/import-context.ts';

const root = join(import.meta.dirname, '../..');
const config = loadConfig(root);

function fifo(path: string): void {
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

describe('files the build reads', () => {
  it('are regular files of bounded size: links, FIFOs and devices are named, never opened', () => {
    const work = mkdtempSync(join(tmpdir(), 'filer-'));
    writeFileSync(join(work, 'vanlig.txt'), 'x');
    symlinkSync(join(root, 'package.json'), join(work, 'länk.txt'));
    fifo(join(work, 'fifo.csv'));
    expect(fileRefusal(join(work, 'vanlig.txt'), 10)).toBeNull();
    expect(fileRefusal(join(work, 'vanlig.txt'), 0)).toMatch(/högst 0 KiB/);
    expect(fileRefusal(join(work, 'länk.txt'), 1e6)).toMatch(/symbolisk länk/);
    expect(fileRefusal(join(work, 'fifo.csv'), 1e6)).toMatch(/ingen vanlig fil/);
    expect(fileRefusal('/dev/zero', 1e6, true)).toMatch(/ingen vanlig fil/);
    expect(irregularEntries(work).sort()).toEqual([join(work, 'fifo.csv'), join(work, 'länk.txt')]);
    // data:build reads every raw file this way: a FIFO is named, never opened.
    expect(() => readCheckedFile(join(work, 'fifo.csv'), 1e6)).toThrow(
      `${join(work, 'fifo.csv')}: är ingen vanlig fil`,
    );
  });

  it('refuse an export that is a FIFO or a device, at once, in data:check and data:build alike', async () => {
    const work = mkdtempSync(join(tmpdir(), 'export-'));
    fifo(join(work, 'kaa.csv'));
    copyFileSync(join(root, 'data/exports/kaa-utan-sysselsattning.manifest.json'), join(work, 'kaa.manifest.json'));
    const context = importContext(config);
    const fromFifo = await importExport(join(work, 'kaa.csv'), context);
    expect(fromFifo.problems.map((problem) => problem.message)).toEqual([
      'är ingen vanlig fil (en mapp, en FIFO eller en enhet) och läses inte',
    ]);
    const fromDevice = await importExport('/dev/zero', context);
    expect(fromDevice.imported).toBeNull();
    expect(fromDevice.problems[0]?.message).toMatch(/ingen vanlig fil/);
  });

  it('name an old Excel file or a manifest given to data:check for what it is, never reading it as JSON', async () => {
    const work = mkdtempSync(join(tmpdir(), 'xls-'));
    writeFileSync(join(work, 'kaa.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 1, 2]));
    const context = importContext(config);
    const xls = await importExport(join(work, 'kaa.xls'), context);
    expect(xls.problems.map((problem) => problem.message)).toEqual([
      'Excel 97–2003-filer (.xls) läses inte: spara filen som Excel-arbetsbok (.xlsx) eller CSV',
    ]);
    const manifest = await importExport(join(root, 'data/exports/kaa-utan-sysselsattning.manifest.json'), context);
    expect(manifest.problems[0]?.message).toMatch(/^det här är ett manifest: ange exportfilen/);
  });

  it('refuse an initiative file that links out of the repository', () => {
    const work = mkdtempSync(join(tmpdir(), 'initiativ-'));
    const outside = join(mkdtempSync(join(tmpdir(), 'utanfor-')), 'hemlig.md');
    writeFileSync(outside, readFileSync(join(root, 'data/content/initiativ/umearegionen/10-oversyn-av-krami.md')));
    symlinkSync(outside, join(work, '10-krami.md'));
    const ids = new Set(config.indicators.map((indicator) => indicator.id));
    expect(readInitiativeFile(join(work, '10-krami.md'), ids).problems).toEqual([
      `${join(work, '10-krami.md')}:1: är en symbolisk länk; lägg filen själv här i stället`,
    ]);
  });

  it('stop the site build before Astro runs where public/ or the content holds a link, dist/ untouched', () => {
    const work = mkdtempSync(join(tmpdir(), 'bygg-'));
    mkdirSync(join(work, 'public'));
    symlinkSync(join(root, 'package.json'), join(work, 'public/leak.txt'));
    const result = spawnSync(process.execPath, [join(root, 'scripts/build-site.ts')], { cwd: work, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('public/leak.txt: är en symbolisk länk, en FIFO eller en enhet');
    expect(result.stderr).toContain('dist/ är oförändrad');
  });
});
