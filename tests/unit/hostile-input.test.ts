/**
 * Input written carelessly or with intent: formulas that a spreadsheet would run, links that run
 * script, and an export that would pass itself off as an official series.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, readJsonFile } from '../../src/config/load.ts';
import { checkDialogueFiles, loadDialogueContent } from '../../src/config/dialogue-content.ts';
import { toCsv } from '../../src/formats/csv-out.ts';
import { renderMarkdown } from '../../src/formats/markdown.ts';
import { addExports, ExportValidationError } from '../../src/pipeline/build-snapshot.ts';
import { importExport } from '../../src/pipeline/exports.ts';
import { formatProblem } from '../../src/pipeline/export-files.ts';
import { SnapshotBuilder } from '../../src/pipeline/snapshot-builder.ts';
import { ForbundSchema, SiteConfigSchema } from '../../src/schemas/forbund.ts';
import { IndicatorSchema } from '../../src/schemas/indicator.ts';
import { SourcesConfigSchema } from '../../src/schemas/sources.ts';
import { resolves } from '../helpers/dist.ts';
import { importContext } from '../helpers/import-context.ts';

const root = join(import.meta.dirname, '../..');
const config = loadConfig(root);
const context = importContext(config);

describe('downloads', () => {
  it('keep text that starts like a formula as text, in both dialects, and numbers as numbers', () => {
    const rows = [
      ['=HYPERLINK("https://x.se";"klicka")', -5],
      ['+46', 1.5],
      ['@SUM(A1)', 0],
      ['\tx', null],
      ['Vännäs-Bjurholm', 2],
    ];
    expect(toCsv(['namn', 'värde'], rows, 'plain').split('\r\n')).toEqual([
      'namn,värde',
      '"\'=HYPERLINK(""https://x.se"";""klicka"")",-5',
      "'+46,1.5",
      "'@SUM(A1),0",
      '"\'\tx",',
      'Vännäs-Bjurholm,2',
      '',
    ]);
    const excel = toCsv(['namn'], [['-1+1'], ['−3,5 %']], 'excel');
    expect(excel).toBe('\uFEFFnamn\r\n\'-1+1\r\n"−3,5 %"\r\n');
    expect(toCsv(['v'], [[-5]], 'excel')).toBe('\uFEFFv\r\n-5\r\n');
  });

  it('quote either separator and a tab in both dialects, as a file saved as one is opened as the other', () => {
    // Swedish Excel opens a plain CSV splitting on `;`: unquoted, `;=1+1` would be a formula in the next cell.
    for (const dialect of ['plain', 'excel'] as const) {
      const lines = toCsv(['namn'], [['a;=1+1'], ['b,=1+1'], ['c\td']], dialect).split('\r\n');
      expect(lines.slice(1, 4), dialect).toEqual(['"a;=1+1"', '"b,=1+1"', '"c\td"']);
    }
  });
});

describe('configuration', () => {
  const indicator = config.indicators[0]!;
  const forbund = config.forbund[0]!;

  it('refuses names that start like a formula or hold control characters', () => {
    expect(IndicatorSchema.safeParse({ ...indicator, shortTitle: '=1+1' }).success).toBe(false);
    expect(IndicatorSchema.safeParse({ ...indicator, title: '@Indikator' }).success).toBe(false);
    expect(ForbundSchema.safeParse({ ...forbund, name: 'Förbund\u0007' }).success).toBe(false);
    expect(ForbundSchema.safeParse({ ...forbund, name: '-Förbundet' }).success).toBe(false);
    expect(ForbundSchema.safeParse(forbund).success).toBe(true);
  });

  it('refuses control characters, bidi overrides and noncharacters in any field, naming file and field', () => {
    const work = mkdtempSync(join(tmpdir(), 'text-'));
    const path = join(work, 'forbund.json');
    const cases: [string, unknown, RegExp][] = [
      ['NUL', { ...forbund, name: 'Förbund\u0000' }, /name: innehåller tecknet U\+0000/],
      ['BEL', { ...forbund, description: 'Ring\u0007' }, /description: innehåller tecknet U\+0007/],
      [
        'ESC',
        {
          ...forbund,
          strategicAreas: [{ ...forbund.strategicAreas[0]!, goals: [{ indicator: 'ohalsotal', text: '\u001b[2J' }] }],
        },
        /strategicAreas\.0\.goals\.0\.text: innehåller tecknet U\+001B/,
      ],
      [
        'RLO',
        { ...forbund, effectGoals: [{ indicator: 'ohalsotal', text: 'mål \u202egnimminim' }] },
        /effectGoals\.0\.text: innehåller tecknet U\+202E/,
      ],
      ['U+FFFF', { ...forbund, name: 'Förbund\uffff' }, /name: innehåller tecknet U\+FFFF/],
      ['half', { ...forbund, name: 'Förbund\ud800' }, /name: innehåller en ensam surrogathalva/],
    ];
    for (const [name, value, message] of cases) {
      writeFileSync(path, JSON.stringify(value));
      expect(() => readJsonFile(path, ForbundSchema), name).toThrow(message);
      expect(() => readJsonFile(path, ForbundSchema), name).toThrow(path);
    }
    // A line break inside a longer text is text; an emoji (a surrogate pair) is too.
    writeFileSync(
      path,
      JSON.stringify({ ...forbund, effectGoals: [{ indicator: 'ohalsotal', text: 'Två\nrader 👍' }] }),
    );
    expect(readJsonFile(path, ForbundSchema).effectGoals[0]?.text).toBe('Två\nrader 👍');
  });

  it('names a misspelt key in any configuration file, and a förbund listed twice', () => {
    const work = mkdtempSync(join(tmpdir(), 'strikt-'));
    const path = join(work, 'site.json');
    writeFileSync(path, JSON.stringify({ ...config.site, embedOrigin: ['https://www.forbundet.se'] }));
    expect(() => readJsonFile(path, SiteConfigSchema)).toThrow(/site\.json: embedOrigin: okänt fält \(felstavat\?\)/);
    writeFileSync(path, JSON.stringify({ ...config.site, forbund: ['umearegionen', 'umearegionen'] }));
    expect(() => readJsonFile(path, SiteConfigSchema)).toThrow(
      /site\.json: forbund\.1: förbundet umearegionen står två gånger/,
    );
    const forbundPath = join(work, 'forbund.json');
    writeFileSync(forbundPath, JSON.stringify({ ...forbund, contact: { ...forbund.contact, telefon: '090-100 00' } }));
    expect(() => readJsonFile(forbundPath, ForbundSchema)).toThrow(/forbund\.json: contact\.telefon: /);
    expect(
      SourcesConfigSchema.safeParse({ ...config.sources, kolada: { ...config.sources.kolada, perPages: 10 } }).success,
    ).toBe(false);
    expect(IndicatorSchema.safeParse({ ...indicator, decimal: 1 }).success).toBe(false);
  });

  it('links only over https from Markdown, and names the line of an http: link', () => {
    expect(renderMarkdown('[SCB](http://www.scb.se) och [Kolada](https://www.kolada.se)')).toBe(
      '<p>[SCB](http://www.scb.se) och <a href="https://www.kolada.se">Kolada</a></p>',
    );
    const work = mkdtempSync(join(tmpdir(), 'dialog-'));
    mkdirSync(join(work, 'data/content/dialog'), { recursive: true });
    writeFileSync(
      join(work, 'data/content/dialog/2460.md'),
      '---\nkommun: "2460"\n---\nFörsta raden.\n\nSe [SCB](http://www.scb.se).\n',
    );
    expect(() => loadDialogueContent(work, '2460')).toThrow(
      /dialog\/2460\.md:6: länken http:\/\/www\.scb\.se måste vara https:/,
    );
  });

  it('prints a problem with a file name holding a newline or an ANSI escape as one escaped line', () => {
    const line = formatProblem({
      file: 'data/exports/x\n\u001b[2Jfalsk.csv',
      line: 1,
      column: 1,
      message: 'okänd fil',
    });
    expect(line).toBe('data/exports/x\\u000a\\u001b[2Jfalsk.csv:1:1: okänd fil');
    expect(line).not.toMatch(/[\n\u001b]/);
  });

  it('accepts only https links for people and https (or loopback http) for APIs', () => {
    const scb = config.indicators.find((candidate) => candidate.source.kind === 'scb')!;
    const withUrl = (url: string) => ({ ...scb, source: { ...scb.source, url } });
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'http://scb.se/'])
      expect(IndicatorSchema.safeParse(withUrl(url)).success, url).toBe(false);
    expect(IndicatorSchema.safeParse(withUrl('https://www.scb.se/')).success).toBe(true);
    const sources = (baseUrl: string) => ({ ...config.sources, scb: { ...config.sources.scb, baseUrl } });
    expect(SourcesConfigSchema.safeParse(sources('http://127.0.0.1:8080/api/v2')).success).toBe(true);
    expect(SourcesConfigSchema.safeParse(sources('http://statistikdatabasen.scb.se/api/v2')).success).toBe(false);
    expect(SourcesConfigSchema.safeParse(sources('javascript:alert(1)')).success).toBe(false);
  });

  it('refuses a förbund whose id is not its file name, that lists a kommun twice or names an unknown län', () => {
    const work = mkdtempSync(join(tmpdir(), 'config-'));
    mkdirSync(join(work, 'data'));
    symlinkSync(join(root, 'data/reference'), join(work, 'data/reference'));
    cpSync(join(root, 'data/config'), join(work, 'data/config'), { recursive: true });
    const path = join(work, 'data/config/forbund/umearegionen.json');
    const entry = JSON.parse(readFileSync(path, 'utf8'));
    entry.id = 'umea';
    entry.members.push({ ...entry.members[0] });
    entry.comparisons.lan = ['24', '99'];
    writeFileSync(path, JSON.stringify(entry));
    expect(() => loadConfig(work)).toThrow(
      /umearegionen\.json: id: väntade "umearegionen".*\n.*members\.6\.code: 2480 står redan bland medlemmarna\n.*comparisons\.lan\.1: okänd länskod 99/,
    );
  });

  it('names a dialogue file whose frontmatter is an alias bomb or too large, never a stack trace', () => {
    const work = mkdtempSync(join(tmpdir(), 'dialog-'));
    mkdirSync(join(work, 'data/content/dialog'), { recursive: true });
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++) {
      const [name, previous] = [String.fromCharCode(97 + level), String.fromCharCode(96 + level)];
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    writeFileSync(join(work, 'data/content/dialog/2460.md'), `---\nkommun: "2460"\n${bomb.join('\n')}\n---\nText.`);
    expect(() => loadDialogueContent(work, '2460')).toThrow(
      /dialog\/2460\.md: frontmatter är inte giltig YAML: .*[Aa]lias/,
    );
    writeFileSync(
      join(work, 'data/content/dialog/2460.md'),
      `---\nkommun: "2460"\nfrågor: "${'x'.repeat(20_000)}"\n---\n`,
    );
    expect(() => loadDialogueContent(work, '2460')).toThrow(
      /dialog\/2460\.md:2: frontmatter är \d+ tecken; högst 10000/,
    );
  });

  it('refuses a dialogue file for a kommun that no published förbund has as member', () => {
    const work = mkdtempSync(join(tmpdir(), 'dialog-'));
    mkdirSync(join(work, 'data/content/dialog'), { recursive: true });
    writeFileSync(join(work, 'data/content/dialog/2460.md'), '---\nkommun: "2460"\n---\nText.');
    expect(() => checkDialogueFiles(work, new Set(['2460']))).not.toThrow();
    writeFileSync(join(work, 'data/content/dialog/0180.md'), '---\nkommun: "0180"\n---\nText.');
    expect(() => checkDialogueFiles(work, new Set(['2460']))).toThrow(
      /dialog\/0180\.md: 0180 är inte medlem i något förbund som webbplatsen publicerar/,
    );
  });

  it('has a link check that counts any scheme but http(s) and mailto as broken', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:msgbox', 'file:///etc/passwd'])
      expect(resolves(url, '/index.html'), url).toBe(false);
    expect(resolves('https://www.scb.se/', '/index.html')).toBe(true);
  });
});

function exportFile(indicator: string, rows: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'export-'));
  const file = join(folder, 'leverans.csv');
  writeFileSync(file, ['Kommunkod;År;Värde', ...rows].join('\r\n'));
  writeFileSync(
    join(folder, 'leverans.manifest.json'),
    JSON.stringify({
      indicator,
      unit: config.indicators.find((candidate) => candidate.id === indicator)?.unit,
      delivered: '2026-10-15',
      columns: { region: 'Kommunkod', period: 'År', value: 'Värde' },
    }),
  );
  return file;
}

describe('exports', () => {
  it('may not feed an indicator that SCB or Kolada publishes', async () => {
    const { imported, problems } = await importExport(exportFile('ohalsotal', ['2480;2024;25,1']), context);
    expect(imported).toBeNull();
    expect(problems.map(formatProblem).join('\n')).toMatch(
      /leverans\.manifest\.json:1:1: indikatorn ohalsotal kommer från Kolada; en export får bara leverera indikatorer vars källa är en export/,
    );
  });

  it('warn where women and men do not add up to the total, allowing for a hidden part', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'export-'));
    const file = join(folder, 'kon.csv');
    const rows = [
      ['2480;2024;Totalt;30', '2480;2024;Kvinnor;12', '2480;2024;Män;18'], // adds up
      ['2403;2024;Totalt;15', '2403;2024;Kvinnor;3', '2403;2024;Män;12'], // 3 is hidden; 15 − 12 = 3 fits
      ['2460;2024;Totalt;40', '2460;2024;Kvinnor;15', '2460;2024;Män;20'], // 35, not 40
      ['2409;2024;Totalt;30', '2409;2024;Kvinnor;2', '2409;2024;Män;20'], // 30 − 20 = 10 cannot be <5
    ].flat();
    writeFileSync(file, ['Kommunkod;År;Kön;Antal', ...rows].join('\r\n'));
    writeFileSync(
      join(folder, 'kon.manifest.json'),
      JSON.stringify({
        indicator: 'aktivitetsersattning-kartlaggning',
        unit: 'count',
        delivered: '2026-10-15',
        columns: { region: 'Kommunkod', period: 'År', sex: 'Kön', value: 'Antal' },
      }),
    );
    const { imported, problems } = await importExport(file, context);
    expect(problems).toEqual([]);
    expect(imported?.warnings.map(formatProblem).map((line) => line.replace(`${folder}/`, ''))).toEqual([
      'kon.csv:8:1: kvinnor och män (15 + 20) stämmer inte med totalt 40 för 2460 2024',
      'kon.csv:11:1: kvinnor och män (<5 + 20) stämmer inte med totalt 30 för 2409 2024',
    ]);
  });

  it('count the empty rows they skip, and keep line numbers right after a quoted line break', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'export-'));
    const file = join(folder, 'rader.csv');
    const lines = [
      'Kommunkod;Kommun;År;Antal',
      '2480;"Umeå\n(huvudort)";2024;40',
      '',
      ';;;',
      '2403;Bjurholm;2024;tolv',
    ];
    writeFileSync(file, lines.join('\r\n'));
    writeFileSync(
      join(folder, 'rader.manifest.json'),
      JSON.stringify({
        indicator: 'kaa-utan-sysselsattning',
        unit: 'count',
        delivered: '2026-10-15',
        columns: { region: 'Kommunkod', name: 'Kommun', period: 'År', value: 'Antal' },
      }),
    );
    const { problems } = await importExport(file, context);
    // The quoted name spans lines 2 and 3, so Bjurholm's row is line 6, not 5.
    expect(problems.map(formatProblem).map((line) => line.replace(`${folder}/`, ''))).toEqual([
      expect.stringMatching(/^rader\.csv:6:\d+: /),
    ]);
    writeFileSync(file, lines.slice(0, 4).concat('2403;Bjurholm;2024;12').join('\r\n'));
    const ok = await importExport(file, context);
    expect(ok.imported?.warnings.map(formatProblem).map((line) => line.replace(`${folder}/`, ''))).toEqual([
      'rader.csv:4:1: 2 tomma rader hoppades över (rad 4, 5)',
    ]);
  });

  it('name both files and lines when two give the same value', async () => {
    const first = await importExport(exportFile('kaa-utan-sysselsattning', ['2480;2024;40']), context);
    const second = await importExport(exportFile('kaa-utan-sysselsattning', ['2403;2024;12', '2480;2024;41']), context);
    expect(first.problems).toEqual([]);
    const both = [first.imported!, second.imported!];
    let error: unknown;
    try {
      addExports(both, new SnapshotBuilder());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExportValidationError);
    const [problem] = (error as ExportValidationError).problems;
    expect(problem?.file).toBe(second.imported!.file);
    expect(problem?.line).toBe(3);
    expect(problem?.message).toBe(`kaa-utan-sysselsattning 2480 2024 (total) finns redan i ${first.imported!.file}:2`);
  });
});
