import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSwedishNumber } from '../../src/formats/swedish-number.ts';
import { formatNumber, formatPercent, formatSigned, inSentence } from '../../src/formats/display.ts';

describe('Swedish numbers', () => {
  it('reads what Swedish Excel writes', () => {
    expect(parseSwedishNumber('12 345')).toEqual({ kind: 'number', value: 12345 });
    expect(parseSwedishNumber('12\u00a0345,5')).toEqual({ kind: 'number', value: 12345.5 });
    expect(parseSwedishNumber('1\u202f234')).toEqual({ kind: 'number', value: 1234 });
    expect(parseSwedishNumber('3,4')).toEqual({ kind: 'number', value: 3.4 });
    expect(parseSwedishNumber('3.4')).toEqual({ kind: 'number', value: 3.4 });
    expect(parseSwedishNumber('\u22121,5')).toEqual({ kind: 'number', value: -1.5 });
    expect(parseSwedishNumber('3,4 %')).toEqual({ kind: 'number', value: 3.4 });
    expect(parseSwedishNumber(' 0114 ')).toEqual({ kind: 'number', value: 114 });
  });

  it('maps publication markers to statuses and rejects unknown text', () => {
    expect(parseSwedishNumber('<5')).toEqual({ kind: 'marker', marker: '<5' });
    expect(parseSwedishNumber('..')).toEqual({ kind: 'marker', marker: '..' });
    expect(parseSwedishNumber('–')).toEqual({ kind: 'marker', marker: '–' });
    expect(parseSwedishNumber('')).toEqual({ kind: 'empty' });
    for (const bad of ['tolv', '1,2,3', '12 34', '1.234,5', 'NaN', '1e5', '12 3456'])
      expect(parseSwedishNumber(bad).kind, bad).toBe('invalid');
  });

  it('reads back every number sv-SE formatting writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        (integer, decimals) => {
          const value = integer / 10 ** decimals;
          const parsed = parseSwedishNumber(formatNumber(value, decimals));
          expect(parsed.kind).toBe('number');
          if (parsed.kind === 'number') expect(parsed.value).toBeCloseTo(value, decimals);
        },
      ),
    );
  });

  it('formats with no-break spaces, decimal comma and a real minus sign', () => {
    expect(formatNumber(12345)).toBe('12\u00a0345');
    expect(formatPercent(3.44)).toBe('3,4\u00a0%');
    expect(formatNumber(-1.25, 1)).toBe('\u22121,3');
    expect(formatSigned(0.31)).toBe('+0,3');
    expect(formatSigned(-0.04)).toBe('±0,0');
    expect(formatNumber(null)).toBe('–');
  });

  it("lowers a title's first letter inside a sentence, never an acronym's", () => {
    expect(inSentence('Ohälsotal')).toBe('ohälsotal');
    expect(inSentence('Unga i KAA utan sysselsättning')).toBe('unga i KAA utan sysselsättning');
    expect(inSentence('KAA-samordnare')).toBe('KAA-samordnare');
    expect(inSentence('Ärenden')).toBe('ärenden');
  });
});
