import { describe, expect, it } from 'vitest';
import { cell } from '../helpers/cells.ts';
import { compareSnapshots, type SnapshotContents } from '../../src/pipeline/changes.ts';
import { SnapshotBuilder } from '../../src/pipeline/snapshot-builder.ts';

/** A snapshot of one dataset (`he`) from [region, period, value] cells. */
function snapshot(cells: [string, string, number | null][], tables: Record<string, string> = {}): SnapshotContents {
  const builder = new SnapshotBuilder();
  for (const [region, period, value] of cells)
    builder.add(
      cell({
        indicator: 'he',
        region,
        period,
        value,
        provenance: 'raw/he.json',
      }),
    );
  return {
    meta: { inputsSha256: cells.map(String).join(';'), retrievedAt: '2026-11-20T06:00:00Z', tables, provenance: [] },
    files: new Map([['he', builder.build('he')]]),
  };
}

describe('the change log of a data:build', () => {
  const before = snapshot([
    ['2480', '2025M09', 100],
    ['2480', '2025M10', 110],
    ['2403', '2025M10', 7],
  ]);

  it('finds a new period and a revised value, with region, period, old and new value', () => {
    const after = snapshot(
      [
        ['2480', '2025M09', 100],
        ['2480', '2025M10', 112],
        ['2403', '2025M10', 7],
        ['2480', '2025M11', 115],
        ['2403', '2025M11', 8],
      ],
      { he: 'TAB1386' },
    );
    const log = compareSnapshots(before, after);
    expect(log.comparedWith).toEqual({ inputsSha256: before.meta.inputsSha256, retrievedAt: '2026-11-20T06:00:00Z' });
    expect(log.datasets).toEqual([
      {
        dataset: 'he',
        change: 'changed',
        newPeriods: ['2025M11'],
        revised: 1,
        revisions: [{ region: '2480', sex: 'total', breakdown: '', period: '2025M10', from: 110, to: 112 }],
      },
    ]);
    expect(log.tables).toEqual([{ dataset: 'he', from: null, to: 'TAB1386' }]);
  });

  it('reports nothing when nothing changed, and every dataset as new on a first build', () => {
    expect(compareSnapshots(before, before).datasets).toEqual([]);
    const first = compareSnapshots(null, before);
    expect(first.comparedWith).toBeNull();
    expect(first.datasets.map((entry) => [entry.dataset, entry.change, entry.newPeriods])).toEqual([
      ['he', 'added', ['2025M09', '2025M10']],
    ]);
  });

  it('reports a dataset that is gone', () => {
    const after: SnapshotContents = { meta: before.meta, files: new Map() };
    expect(compareSnapshots(before, after).datasets).toMatchObject([{ dataset: 'he', change: 'removed' }]);
  });
});
