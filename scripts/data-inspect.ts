/**
 * npm run data:inspect -- FILE — prints one raw file's cells as tidy CSV on stdout; on an invalid
 * file prints the problems on stderr and exits 1.
 */
import { readFileSync } from 'node:fs';
import { inspectJson } from '../src/formats/inspect.ts';
import { loadConfig } from '../src/config/load.ts';
import { importExport } from '../src/pipeline/exports.ts';
import { formatProblems } from '../src/pipeline/export-files.ts';
import { toCsv } from '../src/formats/csv-out.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('Användning: npm run data:inspect -- FIL\n');
  process.exit(2);
}
try {
  if (/\.(csv|txt|xlsx)$/i.test(file)) {
    const config = loadConfig(process.cwd());
    const { imported, problems } = await importExport(file, {
      registry: config.registry,
      indicators: new Map(config.indicators.map((indicator) => [indicator.id, indicator])),
      suppressionThreshold: config.site.suppressionThreshold,
      today: new Date(),
    });
    if (!imported) {
      process.stderr.write(`${formatProblems(problems).join('\n')}\n`);
      process.exit(1);
    }
    process.stdout.write(
      toCsv(
        ['region', 'period', 'sex', 'value', 'status'],
        imported.rows.map((row) => [row.region, row.period, row.sex, row.value, row.status]),
        'plain',
      ),
    );
  } else {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: inte giltig JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    process.stdout.write(inspectJson(json, configuredMaxCells()));
  }
} catch (error) {
  process.stderr.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

/** The repository's cap on a raw file's cells; outside a repository, the reader's own default. */
function configuredMaxCells(): number | undefined {
  try {
    return loadConfig(process.cwd()).sources.scb.maxCellsPerFile;
  } catch {
    return undefined;
  }
}
