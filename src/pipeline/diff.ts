/** What an export would change in the current snapshot, for `data:check`. */
import type { Snapshot } from './snapshot-reader.ts';
import type { ImportedExport } from './exports.ts';

export interface ExportDiff {
  added: number;
  unchanged: number;
  removed: number;
  changed: string[];
}

export function diffExport(entry: ImportedExport, snapshot: Snapshot): ExportDiff {
  const file = snapshot.file(entry.manifest.indicator);
  const seen = new Set<string>();
  const diff: ExportDiff = { added: 0, unchanged: 0, removed: 0, changed: [] };
  for (const row of entry.rows) {
    seen.add(`${row.region}|${row.sex}|${row.period}`);
    const current = file?.points(row.region, row.sex, {})?.find((point) => point.period === row.period);
    if (!current || (current.value === null && current.status === 'missing' && row.status !== 'missing')) diff.added++;
    else if (current.value === row.value && current.status === row.status) diff.unchanged++;
    else
      diff.changed.push(
        `${row.region} ${row.sex} ${row.period}: ${current.value ?? current.status} → ${row.value ?? row.status}`,
      );
  }
  for (const series of file?.file.series ?? []) {
    file?.file.periods.forEach((period, index) => {
      if (series.values[index] !== null && !seen.has(`${series.region}|${series.sex}|${period}`)) diff.removed++;
    });
  }
  return diff;
}
