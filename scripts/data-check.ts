/**
 * npm run data:check -- FILE… — validates exports and prints what they would change in the current
 * snapshot. Writes nothing.
 */
import { printable } from '../src/formats/escape.ts';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { importAllExports, ExportValidationError } from '../src/pipeline/build-snapshot.ts';
import { Snapshot } from '../src/pipeline/snapshot-reader.ts';
import { diffExport } from '../src/pipeline/diff.ts';
import { formatProblem } from '../src/pipeline/export-files.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('Användning: npm run data:check -- FIL [FIL …]\n');
  process.exit(2);
}
try {
  const config = loadConfig(process.cwd());
  const imported = await importAllExports(files, config, new Date());
  const snapshot = new Snapshot(join(process.cwd(), 'data/snapshot'));
  for (const entry of imported) {
    const diff = diffExport(entry, snapshot);
    process.stdout.write(
      `${printable(entry.file)}: giltig, ${entry.rows.length} rader för ${entry.manifest.indicator}\n`,
    );
    process.stdout.write(
      `  nya värden: ${diff.added}, ändrade: ${diff.changed.length}, oförändrade: ${diff.unchanged}, försvinner: ${diff.removed}\n`,
    );
    for (const warning of entry.warnings) process.stdout.write(`  varning: ${formatProblem(warning)}\n`);
    for (const change of diff.changed.slice(0, 20)) process.stdout.write(`  ${change}\n`);
    if (diff.changed.length > 20) process.stdout.write(`  … och ${diff.changed.length - 20} ändringar till\n`);
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof ExportValidationError) process.stderr.write('Inget ändrades.\n');
  process.exit(1);
}
