import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  comparePeriodCodes,
  formatPeriodCode,
  isFuturePeriod,
  normalisePeriodCode,
  parsePeriod,
  periodRange,
  shiftPeriod,
} from '../../src/formats/period.ts';
import { formatPeriod } from '../../src/formats/display.ts';

describe('periods', () => {
  it('reads the forms SCB and Kolada write', () => {
    expect(normalisePeriodCode('2023')).toBe('2023');
    expect(normalisePeriodCode('2023M10')).toBe('2023M10');
    expect(normalisePeriodCode('2000M1')).toBe('2000M01');
    expect(normalisePeriodCode('2024K1')).toBe('2024K1');
    expect(normalisePeriodCode('2024Q3')).toBe('2024K3');
    expect(normalisePeriodCode('2023H2')).toBe('2023H2');
  });

  it('rejects malformed periods', () => {
    for (const bad of ['', '23', '2023M13', '2023M0', '2023K5', '2023-10', '20231', 'år 2023', '2023H3'])
      expect(normalisePeriodCode(bad), bad).toBeNull();
  });

  it('round-trips every valid period through its code', () => {
    const period = fc.oneof(
      fc.record({
        kind: fc.constant('year' as const),
        year: fc.integer({ min: 1900, max: 2199 }),
        part: fc.constant(1),
      }),
      fc.record({
        kind: fc.constant('half' as const),
        year: fc.integer({ min: 1900, max: 2199 }),
        part: fc.integer({ min: 1, max: 2 }),
      }),
      fc.record({
        kind: fc.constant('quarter' as const),
        year: fc.integer({ min: 1900, max: 2199 }),
        part: fc.integer({ min: 1, max: 4 }),
      }),
      fc.record({
        kind: fc.constant('month' as const),
        year: fc.integer({ min: 1900, max: 2199 }),
        part: fc.integer({ min: 1, max: 12 }),
      }),
    );
    fc.assert(
      fc.property(period, (value) => {
        expect(parsePeriod(formatPeriodCode(value))).toEqual(value);
      }),
    );
  });

  it('shifts and orders months across year ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -200, max: 200 }),
        (year, month, steps) => {
          const code = formatPeriodCode({ kind: 'month', year, part: month });
          const shifted = shiftPeriod(code, steps);
          expect(Math.sign(comparePeriodCodes(shifted, code))).toBe(Math.sign(steps));
          expect(shiftPeriod(shifted, -steps)).toBe(code);
        },
      ),
    );
    expect(shiftPeriod('2023M12', 1)).toBe('2024M01');
    expect(periodRange('2023M11', '2024M02')).toEqual(['2023M11', '2023M12', '2024M01', '2024M02']);
  });

  it('knows which periods lie in the future', () => {
    const today = new Date('2026-11-22T12:00:00Z');
    expect(isFuturePeriod(parsePeriod('2026M11')!, today)).toBe(false);
    expect(isFuturePeriod(parsePeriod('2026M12')!, today)).toBe(true);
    expect(isFuturePeriod(parsePeriod('2027')!, today)).toBe(true);
    expect(isFuturePeriod(parsePeriod('2026')!, today)).toBe(false);
  });

  it('writes periods the Swedish way', () => {
    expect(formatPeriod('2023M10')).toBe('okt 2023');
    expect(formatPeriod('2023M10', 'long')).toBe('oktober 2023');
    expect(formatPeriod('2024K3')).toBe('kv. 3 2024');
    expect(formatPeriod('2024H1')).toBe('jan–jun 2024');
  });
});
