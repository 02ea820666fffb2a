/**
 * The disclosure rules one by one; tests/unit/disclosure-property.test.ts attacks the published
 * series with them, and tests/site/disclosure.test.ts the built site.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import {
  aggregateWithheld,
  checkDisclosureMarks,
  disclosureWords,
  fitsHiddenParts,
  primarySuppression,
  sexToAlsoWithhold,
} from '../../src/pipeline/disclosure.ts';
import { aboutDisclosure } from '../../src/views/text/provenance.ts';

describe('primary suppression', () => {
  it('protects 1 to threshold − 1 and publishes 0 and the threshold itself', () => {
    const protectedOf = (threshold: number) =>
      [0, 1, 2, 3, 4, 5, 6].filter((value) => primarySuppression(value, threshold) !== null);
    expect(protectedOf(5)).toEqual([1, 2, 3, 4]);
    expect(protectedOf(3)).toEqual([1, 2]);
    expect(primarySuppression(4, 5)).toEqual({ value: null, status: 'suppressed', sourceStatus: '<5' });
  });

  it('knows what protected parts can add up to', () => {
    expect(fitsHiddenParts(0, 0, 5)).toBe(true);
    expect(fitsHiddenParts(1, 0, 5)).toBe(false);
    expect([0, 1, 4, 5].map((rest) => fitsHiddenParts(rest, 1, 5))).toEqual([false, true, true, false]);
    expect([1, 2, 8, 9].map((rest) => fitsHiddenParts(rest, 2, 5))).toEqual([false, true, true, false]);
  });
});

describe('secondary suppression', () => {
  it('withholds an aggregate where any member is protected, whichever way', () => {
    expect(aggregateWithheld(['final', null, 'preliminary'])).toBe(false);
    expect(aggregateWithheld(['final', 'suppressed'])).toBe(true);
    expect(aggregateWithheld(['withheld', 'final'])).toBe(true);
  });

  it('withholds the fewest cells that close total = women + men', () => {
    expect(sexToAlsoWithhold([])).toBeNull();
    expect(sexToAlsoWithhold(['women'])).toBe('men');
    expect(sexToAlsoWithhold(['men'])).toBe('women');
    expect(sexToAlsoWithhold(['total'])).toBe('men');
    expect(sexToAlsoWithhold(['women', 'men'])).toBeNull();
  });
});

describe('what the site says about it', () => {
  it('tells Om statistiken the range the threshold protects', () => {
    expect(disclosureWords(5)).toEqual({ threshold: 5, lowest: 1, highest: 4 });
    expect(aboutDisclosure(5)).toContain('Antal från 1 till 4 visas som <5');
    expect(aboutDisclosure(10)).toContain('Antal från 1 till 9 visas som <10');
    expect(aboutDisclosure(5)).not.toMatch(/\{\w+\}/);
  });

  it('refuses a threshold the table marks of sv.json do not print', () => {
    expect(() => checkDisclosureMarks(5, t('status.suppressed'), t('status.explain'))).not.toThrow();
    expect(() => checkDisclosureMarks(3, t('status.suppressed'), t('status.explain'))).toThrow(
      /suppressionThreshold är 3.*"<3 = ett antal från 1 till 2"/,
    );
  });
});
