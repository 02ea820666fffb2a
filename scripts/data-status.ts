/**
 * npm run data:status [-- --json] — where each source stands: last fetched or delivered, the latest
 * period, when the next release is due, and whether it is overdue. Exit code 0 when every source is
 * current, 3 when one is overdue (a scheduler can act on it), 1 on any other failure.
 */
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { Snapshot } from '../src/pipeline/snapshot-reader.ts';
import { sourceStatuses } from '../src/views/model/source-status.ts';

const EXIT_OVERDUE = 3;

try {
  const root = process.cwd();
  const config = loadConfig(root);
  const snapshot = new Snapshot(join(root, 'data/snapshot'));
  const now = process.env['LAGESBILD_NOW'] ? new Date(process.env['LAGESBILD_NOW']) : new Date();
  const statuses = sourceStatuses(config.sources, config.indicators, snapshot, now, config.site.exportMaxAgeDays);
  if (process.argv.includes('--json'))
    process.stdout.write(`${JSON.stringify({ now: now.toISOString(), sources: statuses }, null, 2)}\n`);
  else {
    const rows = [
      ['Källa', 'Senast hämtad', 'Senaste period', 'Nästa senast', 'Läge'],
      ...statuses.map((status) => [
        status.source,
        status.updated?.slice(0, 10) ?? '–',
        status.latestPeriod ?? '–',
        status.dueBy ?? '–',
        status.state === 'overdue' ? `FÖRSENAD: ${status.reason}` : status.state === 'current' ? 'i tid' : 'okänt',
      ]),
    ];
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const row of rows)
      process.stdout.write(
        `${row
          .map((cell, column) => cell.padEnd(widths[column]!))
          .join('  ')
          .trimEnd()}\n`,
      );
  }
  const overdue = statuses.filter((status) => status.state === 'overdue');
  if (overdue.length > 0) {
    process.stderr.write(
      `${overdue.length} källa/källor är försenade: ${overdue.map((status) => status.source).join(', ')}\n`,
    );
    process.exit(EXIT_OVERDUE);
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
