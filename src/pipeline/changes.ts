/**
 * What a data:build changed against the snapshot before it: new periods, revised values (a value
 * the board saw last meeting may have changed), datasets added or removed, and source tables
 * changed. Computed from the two snapshots' files alone, so a rebuild from the same inputs changes
 * nothing and keeps the last comparison.
 */
import type { ChangeLog, DatasetChanges, SnapshotFile, SnapshotMeta } from '../schemas/snapshot.ts';

/** Revisions listed one by one per dataset; the rest are counted. */
export const LISTED_REVISIONS = 50;

export interface SnapshotContents {
  meta: Pick<SnapshotMeta, 'inputsSha256' | 'retrievedAt' | 'tables' | 'provenance'>;
  files: Map<string, SnapshotFile>;
}

/** Values by series and period: `region|sex|breakdown` → period → value, periods in the file's order. */
export function valuesOf(file: SnapshotFile): Map<string, Map<string, number | null>> {
  const byKey = new Map<string, Map<string, number | null>>();
  for (const series of file.series) {
    const breakdown = Object.entries(series.breakdown)
      .sort()
      .map(([name, code]) => `${name}=${code}`)
      .join('&');
    const values = new Map<string, number | null>();
    file.periods.forEach((period, index) => values.set(period, series.values[index] ?? null));
    byKey.set(`${series.region}|${series.sex}|${breakdown}`, values);
  }
  return byKey;
}

function compareFile(id: string, before: SnapshotFile, after: SnapshotFile): DatasetChanges | null {
  const hadPeriod = new Set(before.periods);
  const newPeriods = after.periods.filter((period) => !hadPeriod.has(period));
  const old = valuesOf(before);
  const revisions: DatasetChanges['revisions'] = [];
  let revised = 0;
  for (const [key, values] of valuesOf(after)) {
    const previous = old.get(key);
    if (!previous) continue;
    for (const [period, value] of values) {
      const was = previous.get(period);
      if (was === undefined || was === null || value === null || was === value) continue;
      revised++;
      if (revisions.length < LISTED_REVISIONS) {
        const [region = '', sex = '', breakdown = ''] = key.split('|');
        revisions.push({ region, sex, breakdown, period, from: was, to: value });
      }
    }
  }
  if (newPeriods.length === 0 && revised === 0) return null;
  return { dataset: id, change: 'changed', newPeriods, revised, revisions };
}

/** Source tables by dataset: pinned or found by search, as the snapshot records them. */
function tablesOf(meta: SnapshotContents['meta']): Map<string, string> {
  return new Map(Object.entries(meta.tables));
}

export function compareSnapshots(before: SnapshotContents | null, after: SnapshotContents): ChangeLog {
  const datasets: DatasetChanges[] = [];
  for (const [id, file] of after.files) {
    const previous = before?.files.get(id);
    if (!previous) datasets.push({ dataset: id, change: 'added', newPeriods: file.periods, revised: 0, revisions: [] });
    else {
      const changed = compareFile(id, previous, file);
      if (changed) datasets.push(changed);
    }
  }
  for (const id of before?.files.keys() ?? [])
    if (!after.files.has(id))
      datasets.push({ dataset: id, change: 'removed', newPeriods: [], revised: 0, revisions: [] });
  const oldTables = before ? tablesOf(before.meta) : new Map<string, string>();
  const tables = [...tablesOf(after.meta)]
    .filter(([dataset, table]) => before !== null && oldTables.get(dataset) !== table)
    .map(([dataset, table]) => ({ dataset, from: oldTables.get(dataset) ?? null, to: table }));
  return {
    comparedWith: before ? { inputsSha256: before.meta.inputsSha256, retrievedAt: before.meta.retrievedAt } : null,
    inputsSha256: after.meta.inputsSha256,
    retrievedAt: after.meta.retrievedAt,
    datasets: datasets.sort((a, b) => a.dataset.localeCompare(b.dataset)),
    tables,
  };
}
