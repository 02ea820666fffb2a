import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellCount, planQueries } from '../../src/fetch/planner.ts';

const codes = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

describe('query planner', () => {
  it('keeps a query that fits in one call', () => {
    const selection = { Region: codes('r', 10), Tid: codes('t', 10) };
    expect(planQueries(selection, 100)).toEqual([selection]);
  });

  it('splits the helårsekvivalenter query under 150 000 cells in few calls', () => {
    const selection = {
      Region: codes('r', 291),
      Kon: codes('k', 3),
      Aldersgrupp: ['20-64'],
      ContentsCode: codes('c', 8),
      Tid: codes('t', 150),
    };
    const plan = planQueries(selection, 150_000);
    expect(cellCount(selection)).toBe(1_047_600);
    expect(plan).toHaveLength(8);
    for (const part of plan) expect(cellCount(part)).toBeLessThanOrEqual(150_000);
  });

  it('covers every cell exactly once under any limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 500 }),
        (sizes, limit) => {
          const selection = Object.fromEntries(sizes.map((size, index) => [`D${index}`, codes(`d${index}-`, size)]));
          const plan = planQueries(selection, limit);
          const seen = new Set<string>();
          for (const part of plan) {
            expect(cellCount(part)).toBeLessThanOrEqual(limit);
            const expand = (dims: string[][]): string[] =>
              dims.length === 0
                ? ['']
                : dims[0]!.flatMap((code) => expand(dims.slice(1)).map((rest) => `${code}|${rest}`));
            for (const cell of expand(Object.keys(selection).map((id) => part[id] ?? []))) {
              expect(seen.has(cell)).toBe(false);
              seen.add(cell);
            }
          }
          expect(seen.size).toBe(cellCount(selection));
        },
      ),
    );
  });
});
