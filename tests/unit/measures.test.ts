import { describe, expect, it } from 'vitest';
import {
  rank,
  shownChange,
  ratio,
  verdict,
  yearlyFromMonth,
  yearlyMeanOfMonths,
  yearlyMeanOfQuarters,
} from '../../src/measures/index.ts';
import { combineStatus, type Point } from '../../src/schemas/observation.ts';
import { periodRange } from '../../src/formats/period.ts';

const months = (first: string, values: (number | null)[]): Point[] => {
  const periods = periodRange(first, `${first.slice(0, 4)}M12`).concat(
    periodRange(`${Number(first.slice(0, 4)) + 1}M01`, `${Number(first.slice(0, 4)) + 5}M12`),
  );
  return values.map((value, index) => ({
    period: periods[index] as string,
    value,
    status: value === null ? 'missing' : 'final',
  }));
};

describe('derived measures (hand-computed)', () => {
  it('share of population: 1 234 of 10 000 is 12,34 %', () => {
    expect(ratio(1234, 10000)).toBeCloseTo(12.34, 10);
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(null, 10)).toBeNull();
  });

  it('yearly value is the mean of the 12 months, and an incomplete year has none', () => {
    const year = months('2023M01', [10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 1, 2, 3]);
    // (10 + 12 + … + 32) / 12 = 252 / 12 = 21
    expect(yearlyMeanOfMonths(year)).toEqual([{ period: '2023', value: 21, status: 'final', example: false }]);
  });

  it('a yearly value made from one invented month is invented', () => {
    const year = months('2023M01', [10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32]);
    const oneInvented = year.map((point, index) => ({ ...point, example: index === 5 }));
    expect(yearlyMeanOfMonths(oneInvented)[0]?.example).toBe(true);
    expect(yearlyMeanOfMonths(year.map((point) => ({ ...point, example: false })))[0]?.example).toBe(false);
  });

  it('a missing month makes the yearly mean missing, never a mean of the rest', () => {
    const values = [10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, null];
    expect(yearlyMeanOfMonths(months('2023M01', values))[0]?.value).toBeNull();
  });

  it('yearly value from quarters is the mean of the four, and a year short of a quarter has none', () => {
    const quarters = ['2024K1', '2024K2', '2024K3', '2024K4', '2025K1', '2025K2'].map((period, index): Point => ({
      period,
      value: [6.0, 7.0, 5.0, 4.4, 6.2, 7.1][index] ?? null,
      status: index === 3 ? 'preliminary' : 'final',
    }));
    // (6,0 + 7,0 + 5,0 + 4,4) / 4 = 22,4 / 4 = 5,6; 2025 has two quarters only.
    const yearly = yearlyMeanOfQuarters(quarters);
    expect(yearly).toHaveLength(1);
    expect(yearly[0]?.period).toBe('2024');
    expect(yearly[0]?.value).toBeCloseTo(5.6, 10);
    expect(yearly[0]?.status).toBe('preliminary');
  });

  it('takes October for BAS goals', () => {
    const values = Array.from({ length: 24 }, (_, index) => index + 1);
    expect(yearlyFromMonth(months('2023M01', values), 10).map((point) => [point.period, point.value])).toEqual([
      ['2023', 10],
      ['2024', 22],
    ]);
  });

  it('judges changes in the desired direction, with rounding-invisible changes as unchanged', () => {
    expect(verdict(11.4, 12.1, 'lower-is-better', 1)).toBe('improving');
    expect(verdict(12.8, 12.1, 'lower-is-better', 1)).toBe('worsening');
    expect(verdict(72.3, 71.0, 'higher-is-better', 1)).toBe('improving');
    expect(verdict(12.14, 12.1, 'lower-is-better', 1)).toBe('unchanged');
    expect(verdict(12.16, 12.1, 'lower-is-better', 1)).toBe('worsening');
    expect(verdict(null, 12.1, 'lower-is-better', 1)).toBe('no-data');
    expect(verdict(3, 2, 'neutral', 0)).toBe('not-judged');
  });

  it('gives the change as the shown values give it', () => {
    // 3,46 % and 3,44 % are shown as 3,5 % and 3,4 %: the change is −0,1, not ±0,0.
    expect(shownChange(3.44, 3.46, 1)).toBeCloseTo(-0.1, 10);
    expect(verdict(3.44, 3.46, 'lower-is-better', 1)).toBe('improving');
    expect(shownChange(3.41, 3.44, 1)).toBe(0);
    expect(shownChange(null, 3.44, 1)).toBeNull();
  });

  it('ranks best first in the desired direction, ties sharing a rank, missing unranked', () => {
    const items = [
      { id: 'a', v: 10 },
      { id: 'b', v: 8 },
      { id: 'c', v: 10 },
      { id: 'd', v: null },
      { id: 'e', v: 12 },
    ];
    const lower = rank(items, (item) => item.v, 'lower-is-better');
    expect(items.map((item) => lower.get(item) ?? null)).toEqual([2, 1, 2, null, 4]);
    const higher = rank(items, (item) => item.v, 'higher-is-better');
    expect(items.map((item) => higher.get(item) ?? null)).toEqual([2, 4, 2, null, 1]);
  });

  it('ranks values as shown, so members shown alike share a place', () => {
    // 4,84 and 4,75 are both shown as "4,8 %"; exactly, 4,75 would rank ahead.
    const items = [{ v: 4.84 }, { v: 4.75 }, { v: 5.1 }];
    const exact = rank(items, (item) => item.v, 'lower-is-better');
    expect(items.map((item) => exact.get(item))).toEqual([2, 1, 3]);
    const shown = rank(items, (item) => item.v, 'lower-is-better', 1);
    expect(items.map((item) => shown.get(item))).toEqual([1, 1, 3]);
  });

  it('keeps the most severe status of the parts', () => {
    expect(combineStatus(['final', 'preliminary'])).toBe('preliminary');
    expect(combineStatus(['final', 'suppressed', 'missing'])).toBe('suppressed');
  });
});
