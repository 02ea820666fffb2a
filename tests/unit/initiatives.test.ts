import { readdirSync, readFileSync, existsSync, mkdtempSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { InitiativeError, loadInitiatives, readInitiativeFile } from '../../src/config/initiatives.ts';

const root = join(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/initiatives');
const indicatorIds = new Set(loadConfig(root).indicators.map((indicator) => indicator.id));

describe('initiative files', () => {
  it('reads the shipped Umeåregionen initiatives for 2024', () => {
    const initiatives = loadInitiatives(root, 'umearegionen', indicatorIds);
    expect(initiatives.map((initiative) => initiative.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13]);
    const krami = initiatives.find((initiative) => initiative.number === 10)!;
    expect(krami).toMatchObject({
      state: 'under start',
      effect: { score: null },
      feasibility: { effort: 'lätt', time: 'kort' },
      area: 'arbetsloshet',
    });
    expect(initiatives.find((initiative) => initiative.number === 12)?.effect).toEqual({ score: 5, note: 'på sikt' });
  });

  for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.md'))) {
    it(`rejects ${file} naming the file, line, field and reason`, () => {
      const { initiative, problems } = readInitiativeFile(join(fixtures, file), indicatorIds);
      expect(initiative).toBeNull();
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) expect(problem.startsWith(`${join(fixtures, file)}:`)).toBe(true);
      const expected = join(fixtures, file.replace('.md', '.expected.txt'));
      if (existsSync(expected))
        expect(problems.map((problem) => problem.replace(`${fixtures}/`, '')).join('\n') + '\n').toBe(
          readFileSync(expected, 'utf8'),
        );
    });
  }

  it('stops the build with every problem of every file, and duplicate numbers', () => {
    const work = mkdtempSync(join(tmpdir(), 'initiativ-'));
    const directory = join(work, 'data/content/initiativ/test');
    mkdirSync(directory, { recursive: true });
    copyFileSync(join(fixtures, 'bad-area.md'), join(directory, 'a.md'));
    copyFileSync(join(root, 'data/content/initiativ/umearegionen/10-oversyn-av-krami.md'), join(directory, 'b.md'));
    copyFileSync(join(root, 'data/content/initiativ/umearegionen/10-oversyn-av-krami.md'), join(directory, 'c.md'));
    const error = (() => {
      try {
        loadInitiatives(work, 'test', indicatorIds);
      } catch (caught) {
        return caught as InitiativeError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InitiativeError);
    expect(error?.problems.some((problem) => problem.includes('a.md:5: area'))).toBe(true);
    expect(error?.problems.some((problem) => /c\.md:1: number: nummer 10 används redan av .*b\.md/.test(problem))).toBe(
      true,
    );
  });

  it('refuses a file whose name gives another number, and a body of more than a pasted page', () => {
    const work = mkdtempSync(join(tmpdir(), 'initiativ-'));
    const shipped = readFileSync(join(root, 'data/content/initiativ/umearegionen/10-oversyn-av-krami.md'), 'utf8');
    writeFileSync(join(work, '11-krami.md'), shipped);
    expect(readInitiativeFile(join(work, '11-krami.md'), indicatorIds).problems).toEqual([
      `${join(work, '11-krami.md')}:2: number: filnamnet börjar med 11 men number är 10`,
    ]);
    writeFileSync(join(work, '10-krami.md'), `${shipped}\n${'Lång text. '.repeat(5000)}`);
    expect(readInitiativeFile(join(work, '10-krami.md'), indicatorIds).problems).toEqual([
      expect.stringMatching(/10-krami\.md:\d+: texten är 55\d{3} tecken; högst 50000 tillåts/),
    ]);
  });

  it('names the file and line of an alias bomb, deep nesting, an oversized frontmatter and unsafe characters, never a stack trace', () => {
    const work = mkdtempSync(join(tmpdir(), 'initiativ-'));
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++)
      bomb.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(', ')}]`,
      );
    const cases: [string, string, RegExp][] = [
      ['alias.md', `---\n${bomb.join('\n')}\n---\nText.\n`, /alias\.md:2: ogiltig YAML: .*(alias|Alias)/],
      [
        'djup.md',
        `---\nnumber: ${'['.repeat(4_900)}${']'.repeat(4_900)}\n---\n`,
        /djup\.md:2: ogiltig YAML: för djupt nästlad/,
      ],
      [
        'stor.md',
        `---\nname: "${'x'.repeat(20_000)}"\n---\n`,
        /stor\.md:2: frontmatter är 20008 tecken; högst 10000 tillåts/,
      ],
    ];
    const shipped = readFileSync(join(root, 'data/content/initiativ/umearegionen/10-oversyn-av-krami.md'), 'utf8');
    cases.push([
      '10-riktning.md',
      shipped.replace(/parties:\n(\s+- )/, 'parties:\n$1"Försäkrings\u202ekassan"\n$1'),
      /10-riktning\.md:\d+: parties\.0: innehåller tecknet U\+202E/,
    ]);
    cases.push([
      '10-text.md',
      `${shipped}\nRing \u0007 klockan.\n`,
      /10-text\.md:\d+: texten innehåller tecknet U\+0007/,
    ]);
    for (const [name, text, message] of cases) {
      writeFileSync(join(work, name), text);
      const { initiative, problems } = readInitiativeFile(join(work, name), indicatorIds);
      expect(initiative, name).toBeNull();
      expect(problems[0], name).toMatch(message);
      expect(problems.length, name).toBeLessThanOrEqual(3);
    }
  });
});
