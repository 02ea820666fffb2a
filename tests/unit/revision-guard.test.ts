/** What a refresh holds back for a person: an older latest period, a lost kommun, a jump past the factor. */
import { describe, expect, it } from 'vitest';
import { heldBackChanges } from '../../src/pipeline/revision-guard.ts';
import type { SnapshotContents } from '../../src/pipeline/changes.ts';
import type { SnapshotFile } from '../../src/schemas/snapshot.ts';

function contents(periods: string[], series: Record<string, (number | null)[]>): SnapshotContents {
  const file = {
    periods,
    series: Object.entries(series).map(([region, values]) => ({ region, sex: 'total', breakdown: {}, values })),
  } as unknown as SnapshotFile;
  return { meta: {} as SnapshotContents['meta'], files: new Map([['ohalsotal', file]]) };
}

const before = contents(['2023', '2024'], { '2480': [30, 32], '2460': [25, 26] });

describe('heldBackChanges', () => {
  it('holds nothing back for ordinary news', () => {
    const after = contents(['2023', '2024', '2025'], { '2480': [30, 33, 35], '2460': [25, 26, 27] });
    expect(heldBackChanges(before, after, 3)).toEqual([]);
  });

  it('holds back a latest period older than the published one', () => {
    const after = contents(['2023'], { '2480': [30], '2460': [25] });
    expect(heldBackChanges(before, after, 3)[0]?.text).toBe('senaste perioden är 2023, men 2024 är redan publicerad');
  });

  it('holds back a kommun that was there and is gone', () => {
    const after = contents(['2023', '2024'], { '2480': [30, 32] });
    expect(heldBackChanges(before, after, 3)).toEqual([{ dataset: 'ohalsotal', text: 'kommuner saknas nu: 2460' }]);
  });

  it('holds back a new year that jumps past the factor against the year before, or a zero', () => {
    const after = contents(['2023', '2024', '2025'], { '2480': [30, 32, 320], '2460': [25, 26, 0] });
    expect(heldBackChanges(before, after, 3).map((entry) => entry.text)).toEqual([
      '2460 (total): 2024 → 2025 från 26 till 0',
      '2480 (total): 2024 → 2025 från 32 till 320',
    ]);
  });

  it('lets small numbers move by large factors, as they do in ordinary years', () => {
    const small = contents(['2023', '2024'], { '2480': [3, 2] });
    expect(heldBackChanges(small, contents(['2023', '2024'], { '2480': [3, 9] }), 3)).toEqual([]);
  });
});
