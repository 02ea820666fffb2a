/**
 * `data:fetch` through to a snapshot, against the fake SCB and Kolada on 127.0.0.1
 * (tests/helpers/fake-apis.ts). The real HTTP client, planner, raw store and data:build all run.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { defaultHttpDeps } from '../../src/fetch/http.ts';
import { refreshRaw } from '../../src/fetch/run.ts';
import { buildSnapshot } from '../../src/pipeline/build-snapshot.ts';
import { Snapshot } from '../../src/pipeline/snapshot-reader.ts';
import { MAX_REQUESTS, population2025, startFakeApis, type FakeApis } from '../helpers/fake-apis.ts';

let apis: FakeApis;
beforeAll(async () => {
  apis = await startFakeApis();
});
afterAll(() => apis.close());

describe('data:fetch against a server answering in the real shapes', () => {
  it('fetches, keeps every response raw, and builds a snapshot with the real 2025 population', async () => {
    const work = apis.project();
    const config = loadConfig(work);
    const quiet = { ...defaultHttpDeps, log: () => {} };
    await refreshRaw(config, quiet, {
      policy: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 10_000 },
      now: () => new Date('2026-11-20T06:00:00Z'),
    });
    expect(apis.asked).toContain('GET /api/v2/codelists/agg_RegionKommungrupp2023-');
    expect(apis.asked.filter((line) => line.startsWith('POST /api/v2/tables/TAB5557/data'))).toHaveLength(1);
    expect(apis.asked.length).toBeLessThanOrEqual(MAX_REQUESTS);

    await buildSnapshot(config, { log: () => {}, today: new Date('2026-11-20') });
    const snapshot = new Snapshot(join(work, 'data/snapshot'));
    // Fetched, not invented (the exports beside them are still the example's).
    const fetched = snapshot.meta.provenance.filter((entry) => entry.source !== 'export');
    expect(fetched.length).toBeGreaterThan(8);
    expect(fetched.every((entry) => !entry.example)).toBe(true);
    const population = snapshot.file('befolkning');
    const at = (region: string) => {
      const series = population?.series(region, 'total', { age: '20-64' });
      return series?.values[population?.file.periods.indexOf('2025') ?? -1];
    };
    // SCB's five-year groups 20–24 … 60–64, summed (read off the recording by hand for two of them).
    expect(at('2480')).toBe(82071);
    expect(at('2403')).toBe(1128);
    const kommuner = config.registry.kommuner();
    for (const kommun of kommuner) {
      let sum = 0;
      for (const group of ['20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64'])
        sum += population2025.get(`${kommun.code}|${group}`) ?? Number.NaN;
      expect(at(kommun.code), kommun.code).toBe(sum);
    }
    expect(Object.keys(snapshot.kommungrupper())).toHaveLength(290);
    // Kolada's peer groups, asked by title, each area's latest vintage for every kommun.
    expect(apis.asked).toContain('GET /v3/municipality_groups');
    expect(snapshot.peers().map((area) => [area.area, Object.keys(area.groups).length])).toEqual([
      ['arbetsmarknad', 290],
      ['ekonomiskt-bistand', 290],
    ]);
    expect(snapshot.peers()[0]?.groups['2480']?.title).toBe('Liknande kommuner arbetsmarknad, Umeå, 2024');
    expect(snapshot.file('bas-slutlig')?.file.periods).toEqual(['2020', '2021', '2022', '2023', '2024']);
  });
});
