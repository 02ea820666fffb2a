import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { periodOfDate, parseWrittenPeriod } from '../../src/formats/period.ts';
import { measureUnpacked, unpackRefusal, XLSX_MAX_UNPACKED_BYTES } from '../../src/formats/xlsx-package.ts';
import { importAllExports } from '../../src/pipeline/build-snapshot.ts';
import { findExports, formatProblems, PROBLEMS_SHOWN_PER_FILE } from '../../src/pipeline/export-files.ts';
import { importExport } from '../../src/pipeline/exports.ts';
import type { Indicator } from '../../src/schemas/indicator.ts';
import { importContext } from '../helpers/import-context.ts';
import { testWorkbook, type TestSheet } from '../helpers/workbook.ts';

const root = join(import.meta.dirname, '../..');
const config = loadConfig(root);
const context = importContext(config);
const yearly = config.indicators.find((indicator) => indicator.id === 'kaa-utan-sysselsattning') as Indicator;
// No shipped export is monthly; a monthly twin shows how a date cell becomes a month.
context.indicators.set('kaa-per-manad', { ...yearly, id: 'kaa-per-manad', periodicity: 'month' });

function manifest(indicator: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    indicator,
    unit: 'count',
    delivered: '2026-10-01',
    columns: { region: 'Kommunkod', period: 'Period', value: 'Antal' },
    ...extra,
  });
}

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'exporter-'));
}

async function importWorkbook(bytes: Uint8Array, indicator = 'kaa-utan-sysselsattning', extra = {}) {
  const directory = folder();
  writeFileSync(join(directory, 'x.xlsx'), bytes);
  writeFileSync(join(directory, 'x.manifest.json'), manifest(indicator, extra));
  const { imported, problems } = await importExport(join(directory, 'x.xlsx'), context);
  return {
    rows: imported?.rows.map((row) => `${row.region} ${row.period} ${row.value}`) ?? [],
    problems: problems.map((problem) => `${problem.line}:${problem.column}: ${problem.message}`),
  };
}

const header = ['Kommunkod', 'Period', 'Antal'];

/** A spreadsheet column's letters: 0 → A, 26 → AA. */
function columnName(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : columnName(Math.floor(index / 26) - 1) + columnName(index % 26);
}

/** The workbook with its first sheet's XML rewritten. */
function withSheet(bytes: Uint8Array, rewrite: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const part = 'xl/worksheets/sheet1.xml';
  files[part] = strToU8(rewrite(strFromU8(files[part]!)));
  return zipSync(files);
}

/** The zip with every part's unpacked size rewritten, in its local header and in the directory. */
function withClaimedSize(bytes: Uint8Array, size: number): Uint8Array {
  const forged = new Uint8Array(bytes);
  const view = new DataView(forged.buffer);
  for (let offset = 0; offset + 4 <= forged.length; offset++) {
    const signature = view.getUint32(offset, true);
    if (signature === 0x04034b50) view.setUint32(offset + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(offset + 24, size, true);
  }
  return forged;
}

describe('the exports folder', () => {
  it('reports every file that is no export, and every manifest without its file', () => {
    const directory = folder();
    for (const name of [
      'a.csv',
      'a.manifest.json',
      'b.xls',
      'c.xlsm',
      'd.ods',
      'e.pdf',
      'f.manifest.json',
      '.DS_Store',
    ])
      writeFileSync(join(directory, name), '');
    mkdirSync(join(directory, 'arkiv'));
    const { files, problems } = findExports(directory);
    expect(files).toEqual([join(directory, 'a.csv')]);
    expect(problems.map((problem) => `${problem.file.replace(`${directory}/`, '')}: ${problem.message}`)).toEqual([
      'arkiv: en mapp läses inte: lägg exporterna direkt i mappen',
      'b.xls: Excel 97–2003-filer (.xls) läses inte: spara filen som Excel-arbetsbok (.xlsx) eller CSV',
      'c.xlsm: Excel med makron-filer (.xlsm) läses inte: spara filen som Excel-arbetsbok (.xlsx) eller CSV',
      'd.ods: OpenDocument-filer (.ods) läses inte: spara filen som Excel-arbetsbok (.xlsx) eller CSV',
      'e.pdf: okänd fil: mappen får bara innehålla exporter (.csv, .txt eller .xlsx) och deras .manifest.json',
      'f.manifest.json: manifestet saknar sin datafil: väntade f.csv, f.txt eller f.xlsx bredvid',
    ]);
  });

  it('follows a link within the folder and refuses one that leads out of it', () => {
    const outside = folder();
    writeFileSync(join(outside, 'hemlig.csv'), 'x');
    const directory = folder();
    writeFileSync(join(directory, 'a.csv'), 'x');
    symlinkSync(join(directory, 'a.csv'), join(directory, 'b.csv'));
    symlinkSync(join(outside, 'hemlig.csv'), join(directory, 'c.csv'));
    symlinkSync(join(outside, 'borta.csv'), join(directory, 'd.csv'));
    const { files, problems } = findExports(directory);
    expect(files).toEqual([join(directory, 'a.csv'), join(directory, 'b.csv')]);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^länken pekar ut ur mappen \(till .*hemlig\.csv\)/),
      'länken pekar på en fil som inte finns: kopiera filen hit i stället',
    ]);
  });

  it('refuses a file above the size limit before reading it', async () => {
    const directory = folder();
    writeFileSync(join(directory, 'stor.csv'), '');
    truncateSync(join(directory, 'stor.csv'), 51 * 1024 * 1024);
    const { problems } = await importExport(join(directory, 'stor.csv'), context);
    expect(problems.map((problem) => problem.message)).toEqual([
      'filen är 51 MiB; högst 50 MiB tillåts (dela upp den per år)',
    ]);
  });

  it('survives a file with a fault on each of 150 000 rows, and prints the first few hundred', async () => {
    const directory = folder();
    const lines = ['Kommunkod;Period;Antal', ...Array.from({ length: 150_000 }, () => '2480;2024;tolv')];
    writeFileSync(join(directory, 'x.csv'), lines.join('\n'));
    writeFileSync(join(directory, 'x.manifest.json'), manifest('kaa-utan-sysselsattning'));
    const error = await importAllExports([join(directory, 'x.csv')], config, context.today).catch((caught) => caught);
    expect(error.problems).toHaveLength(150_000);
    const printed = formatProblems(error.problems);
    expect(printed).toHaveLength(PROBLEMS_SHOWN_PER_FILE + 1);
    expect(printed.at(-1)).toBe(`${join(directory, 'x.csv')}: … och 149800 fel till`);
  });
});

describe('workbooks', () => {
  const data = (period: TestSheet['rows'][number][number]) => [header, ['2480', period, 12]];

  it('read the only visible sheet, not a hidden first one', async () => {
    const bytes = testWorkbook([
      { name: 'Utkast', state: 'hidden', rows: data(2019) },
      { name: 'Export', rows: data(2024) },
    ]);
    expect(await importWorkbook(bytes)).toEqual({ rows: ['2480 2024 12'], problems: [] });
  });

  it('refuse to guess between two visible sheets, and read the one the manifest names', async () => {
    const bytes = testWorkbook([
      { name: 'Umeå', rows: data(2023) },
      { name: 'Vännäs', rows: data(2024) },
      { name: 'Gammalt', state: 'veryHidden', rows: data(2019) },
    ]);
    expect((await importWorkbook(bytes)).problems).toEqual([
      '1:1: arbetsboken har 2 synliga blad ("Umeå", "Vännäs", "Gammalt" (dolt)): ange bladet som "sheet" i manifestet',
    ]);
    expect((await importWorkbook(bytes, undefined, { sheet: 'Vännäs' })).rows).toEqual(['2480 2024 12']);
    expect((await importWorkbook(bytes, undefined, { sheet: 'Robertsfors' })).problems).toEqual([
      '1:1: bladet "Robertsfors" som manifestet anger finns inte; arbetsboken har "Umeå", "Vännäs", "Gammalt" (dolt)',
    ]);
  });

  it('refuse merged cells, saying when they are the header', async () => {
    const bytes = testWorkbook([
      { name: 'Blad1', rows: [...data(2024), ['2460', 2024, 3]], merged: ['B1:C1', 'A2:A3'] },
    ]);
    expect((await importWorkbook(bytes)).problems).toEqual([
      '1:2: sammanfogade rubrikceller B1:C1: varje kolumn behöver en egen rubrik; dela upp cellerna',
      '2:1: sammanfogade celler A2:A3: värdet står bara i den första cellen; dela upp cellerna',
    ]);
  });

  it('refuse values cached from another workbook', async () => {
    const bytes = testWorkbook([
      { name: 'Blad1', rows: [header, ['2480', 2024, { formula: '[1]Blad1!C2', cached: 12 }]] },
    ]);
    expect((await importWorkbook(bytes)).problems).toEqual([
      '2:3: värdet hämtas från en annan arbetsbok ([1]Blad1!C2): klistra in det som värde',
    ]);
  });

  it('turn a date cell into the period it falls in, in both of Excel’s date systems', async () => {
    // 1 March 2024 is serial 45352 counted from 1900 and 43890 counted from 1904.
    const from1900 = testWorkbook([{ name: 'Blad1', rows: data({ date: 45352 }) }]);
    const from1904 = testWorkbook([{ name: 'Blad1', rows: data({ date: 43890 }) }], { date1904: true });
    expect((await importWorkbook(from1900, 'kaa-per-manad')).rows).toEqual(['2480 2024M03 12']);
    expect((await importWorkbook(from1904, 'kaa-per-manad')).rows).toEqual(['2480 2024M03 12']);
    expect((await importWorkbook(from1900)).rows).toEqual(['2480 2024 12']);
  });

  it('refuse a zip that would unpack far beyond its size before unpacking it', async () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    expect((await importWorkbook(bomb)).problems).toEqual([
      expect.stringMatching(/^1:1: delen xl\/worksheets\/sheet1\.xml packas upp \d+ gånger \(högst 200\)/),
    ]);
    const huge = [{ name: 'a', packedBytes: 50_000_000, unpackedBytes: XLSX_MAX_UNPACKED_BYTES + 1 }];
    expect(unpackRefusal(huge)).toBe('filen packas upp till 64 MiB; högst 64 MiB tillåts');
  });

  it('measure what each part really unpacks to: a directory that lies is caught, and unpacking stops at the cap', async () => {
    // Four MiB of zeros, its sizes in both the local header and the directory rewritten to 1 KiB.
    const honest = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    const lying = withClaimedSize(honest, 1024);
    expect((await importWorkbook(lying)).problems).toEqual([
      '1:1: delen xl/worksheets/sheet1.xml packas upp till 4194304 byte, men zip-katalogen säger 1024: filen är trasig eller förfalskad',
    ]);
    // With a cap of one MiB, inflating stops there, however far the part would go.
    const measured = measureUnpacked(lying, 1024 * 1024);
    expect(measured.overflow).toBe('xl/worksheets/sheet1.xml');
    expect(measured.entries.get('xl/worksheets/sheet1.xml')).toBeLessThan(8 * 1024 * 1024);
  });

  it('refuse a sheet that reaches past the rows or columns an export may have, before reading its cells', async () => {
    const rowBomb = withSheet(testWorkbook([{ name: 'Blad1', rows: [header] }]), (xml) =>
      xml.replace('</sheetData>', '<row r="100000000"><c r="A100000000"><v>1</v></c></row></sheetData>'),
    );
    expect(rowBomb.length).toBeLessThan(4096);
    const started = performance.now();
    expect((await importWorkbook(rowBomb)).problems).toEqual([
      '1:1: blad "Blad1": når rad 100000000; en export får ha högst 150000 rader',
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
    const declared = withSheet(testWorkbook([{ name: 'Blad1', rows: [header] }]), (xml) =>
      xml.replace('<sheetData>', '<dimension ref="A1:C200000000"/><sheetData>'),
    );
    expect((await importWorkbook(declared)).problems).toEqual([
      '1:1: blad "Blad1": cellen C200000000 ligger bortom rad 150000; en export får ha högst 150000 rader',
    ]);
    const columnBomb = withSheet(testWorkbook([{ name: 'Blad1', rows: [header] }]), (xml) =>
      xml.replace('</sheetData>', '<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row></sheetData>'),
    );
    expect((await importWorkbook(columnBomb)).problems).toEqual([
      '2:1: blad "Blad1": cellen ZZZZZZ2 ligger i kolumn 321272406; en export får ha högst 1000 kolumner',
    ]);
  });

  it('refuse a sheet of more cells than the cell reader can take, counting before it reads', async () => {
    // 1 000 rows of 601 cells: 601 000, one more row's worth than a sheet may hold.
    let value = 0;
    const rows = Array.from(
      { length: 1000 },
      (_, row) =>
        `<row r="${row + 1}">${Array.from({ length: 601 }, (_, column) => `<c r="${columnName(column)}${row + 1}"><v>${(value += 7919)}</v></c>`).join('')}</row>`,
    ).join('');
    const many = withSheet(testWorkbook([{ name: 'Blad1', rows: [header] }]), (xml) =>
      xml.replace(/<sheetData>.*<\/sheetData>/, `<sheetData>${rows}</sheetData>`),
    );
    expect((await importWorkbook(many)).problems).toEqual([
      '1:1: blad "Blad1": har fler än 600000 celler; dela upp exporten',
    ]);
  });

  it('say plainly that a workbook is broken where no check names the fault', async () => {
    const bytes = testWorkbook([{ name: 'Blad1', rows: [header, ['2480', 2024, 12]] }]);
    const broken = withSheet(bytes, () => '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row>');
    const { problems } = await importWorkbook(broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^1:1: kunde inte läsa Excel-filen: den är trasig eller ingen \.xlsx \(/);
  });
});

describe('periods people write', () => {
  it('are the canonical forms only', () => {
    expect(['2024', '2024H2', '2024K4', '2024M03'].map((text) => parseWrittenPeriod(text)?.kind)).toEqual([
      'year',
      'half',
      'quarter',
      'month',
    ]);
    expect(['2024M3', '2024Q1', '2024M13', '2024K5', '24'].map(parseWrittenPeriod)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('may be real calendar dates, read as the period of the indicator’s kind', () => {
    expect(periodOfDate('2024-08-31', 'quarter')).toEqual({ kind: 'quarter', year: 2024, part: 3 });
    expect(periodOfDate('2024-08-31', 'half')).toEqual({ kind: 'half', year: 2024, part: 2 });
    expect(periodOfDate('2024-02-29', 'month')).toEqual({ kind: 'month', year: 2024, part: 2 });
    expect(periodOfDate('2023-02-29', 'month')).toBeNull();
    expect(periodOfDate('2024-13-01', 'year')).toBeNull();
  });
});
