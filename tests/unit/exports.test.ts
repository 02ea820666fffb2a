import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { toCsv } from '../../src/formats/csv-out.ts';
import { importExport } from '../../src/pipeline/exports.ts';
import { formatProblem } from '../../src/pipeline/export-files.ts';
import { importContext } from '../helpers/import-context.ts';

const root = join(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/exports');
const config = loadConfig(root);
const context = importContext(config);

/** Each folder is one case: `input.csv|xlsx`, its manifest, and `expected.txt` (problems, or OK and the rows). */
describe('analysts’ exports', () => {
  const cases = readdirSync(fixtures).sort();
  it('has at least 20 malformed cases', () => {
    expect(cases.filter((name) => !name.startsWith('ok-')).length).toBeGreaterThanOrEqual(20);
  });

  for (const name of cases) {
    it(name, async () => {
      const folder = join(fixtures, name);
      const input = readdirSync(folder).find((file) => /^input\.(csv|xlsx)$/.test(file)) as string;
      const { imported, problems } = await importExport(join(folder, input), context);
      const expected = readFileSync(join(folder, 'expected.txt'), 'utf8');
      if (expected.startsWith('OK\n')) {
        expect(problems.map(formatProblem)).toEqual([]);
        const rows = imported?.rows.map((row) => [row.region, row.period, row.sex, row.value, row.status]) ?? [];
        expect(`OK\n${toCsv(['region', 'period', 'sex', 'value', 'status'], rows, 'plain')}`).toBe(expected);
      } else {
        expect(imported).toBeNull();
        expect(
          problems
            .map((problem) => formatProblem({ ...problem, file: problem.file.replace(`${folder}/`, '') }))
            .join('\n') + '\n',
        ).toBe(expected);
      }
    });
  }
});
