/** Where a member stands among all kommuner: computed once in measures/national.ts, checked here by hand. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nationalDistribution, nationalPlace, type NationalDistribution } from '../../src/measures/national.ts';
import { getSite } from '../../src/views/model/site.ts';
import { MAX_HIGHLIGHT_MEMBERS } from '../../src/measures/areas.ts';
import { buildIndicatorPage } from '../../src/views/web/indicator-page.ts';

const site = getSite(join(import.meta.dirname, '../..'));

describe('nationalPlace', () => {
  // Eight kommuner, 1..8: quartiles 2,75 / 4,5 / 6,25 (R type 7).
  const distribution: NationalDistribution = {
    period: '2024',
    values: [1, 2, 3, 4, 5, 6, 7, 8].map((value) => ({ code: `k${value}`, value })),
    quartiles: [2.75, 4.5, 6.25],
  };

  it('counts places from the best in the desired direction, and quarters from the best', () => {
    expect(nationalPlace(distribution, 'k1', 'lower-is-better')).toEqual({ place: 1, of: 8, quarter: 1 });
    expect(nationalPlace(distribution, 'k1', 'higher-is-better')).toEqual({ place: 8, of: 8, quarter: 4 });
    expect(nationalPlace(distribution, 'k4', 'lower-is-better')?.quarter).toBe(2);
    expect(nationalPlace(distribution, 'k5', 'lower-is-better')?.quarter).toBe(3);
    expect(nationalPlace(distribution, 'k8', 'neutral')).toEqual({ place: 1, of: 8, quarter: 1 });
    expect(nationalPlace(distribution, 'saknas', 'neutral')).toBeNull();
  });
});

describe('nationalDistribution', () => {
  it('holds every kommun with a shown value, as the snapshot has it, and places no count', () => {
    const indicator = site.indicator('ohalsotal');
    const file = site.snapshot.file('ohalsotal')!;
    const period = file.file.periods.at(-1)!;
    const distribution = nationalDistribution(site.snapshot, site.config.registry, indicator, period)!;
    // By hand from the file: every kommun's total series, its value in the period.
    const expected = site.config.registry
      .kommuner()
      .map((kommun) => {
        const series = file.series(kommun.code, 'total', {});
        return { code: kommun.code, value: series?.values[file.file.periods.indexOf(period)] ?? null };
      })
      .filter((entry) => entry.value !== null);
    expect(distribution.values).toHaveLength(expected.length);
    expect(distribution.values.length).toBeGreaterThan(250);
    const sorted = expected.map((entry) => entry.value as number).sort((a, b) => a - b);
    expect(distribution.values.map((entry) => entry.value)).toEqual(sorted);
    const at = (p: number) => {
      const position = (sorted.length - 1) * p;
      const low = sorted[Math.floor(position)]!;
      return low + (sorted[Math.ceil(position)]! - low) * (position - Math.floor(position));
    };
    expect(distribution.quartiles).toEqual([at(0.25), at(0.5), at(0.75)]);
    expect(
      nationalDistribution(site.snapshot, site.config.registry, site.indicator('kaa-utan-sysselsattning'), period),
    ).toBeNull();
  });

  it('places no member among "all kommuner" when fewer than half of them have a value', () => {
    const indicator = site.indicator('aktivitetsersattning-kartlaggning-per-1000');
    const period = site.view('umearegionen', indicator.id).latestPeriod!;
    const kommuner = site.config.registry.kommuner();
    const file = site.snapshot.file('aktivitetsersattning-kartlaggning')!;
    const at = file.file.periods.indexOf(period);
    const withValue = kommuner.filter((kommun) => (file.series(kommun.code, 'total', {})?.values[at] ?? null) !== null);
    // The example's exports cover some kommuner beyond the members, not half of Sweden.
    expect(withValue.length).toBeGreaterThan(10);
    expect(withValue.length).toBeLessThan(kommuner.length / 2);
    expect(nationalDistribution(site.snapshot, site.config.registry, indicator, period)).toBeNull();
  });
});

describe('the indicator page’s place among all kommuner', () => {
  it('names each member’s place and quarter for a rate, and highlights the focus alone', () => {
    const view = site.view('umearegionen', 'ohalsotal');
    const chart = buildIndicatorPage(view, site.snapshot.meta).charts.find((entry) => entry.id === 'riket');
    expect(chart?.title).toMatch(/^Ohälsotal \d{4}: medlemmarna bland alla kommuner$/);
    for (const member of view.areas.members) {
      const place = nationalPlace(view.national!, member.id, 'lower-is-better');
      expect(chart?.caption).toContain(`${member.name} `);
      expect(chart?.caption).toContain(`plats ${place?.place} av ${view.national!.values.length}`);
    }
    const focused = buildIndicatorPage(view, site.snapshot.meta, '2460').charts.find((entry) => entry.id === 'riket');
    expect(focused?.caption).toMatch(/: Vännäs [\d,]+, plats \d+ av \d+, [^;]+\. Strecken/);
  });

  it('places a count by its rate, and a national förbund’s members not at all (its ranking is that picture)', () => {
    const count = buildIndicatorPage(site.view('uppsala-lan', 'kaa-utan-sysselsattning'), site.snapshot.meta);
    expect(count.charts.find((entry) => entry.id === 'riket')?.title).toContain('per 1\u00a0000');
    const national = { ...site.view('umearegionen', 'ohalsotal') };
    const member = national.summaries.find((summary) => summary.area.kind === 'kommun')!;
    national.summaries = Array.from({ length: MAX_HIGHLIGHT_MEMBERS + 1 }, () => member);
    expect(buildIndicatorPage(national, site.snapshot.meta).charts.some((entry) => entry.id === 'riket')).toBe(false);
  });
});
