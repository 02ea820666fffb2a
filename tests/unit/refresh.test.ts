/**
 * npm run refresh end to end against the fake SCB and Kolada on 127.0.0.1: the real fetch, the real
 * snapshot build with its publisher check, and the hold-back of suspicious revisions. Building and
 * testing the site are stand-ins here (the site's own tests cover them); they record that they ran
 * and can fail on demand, so the tests see dist/ put back.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { defaultHttpDeps } from '../../src/fetch/http.ts';
import { refreshRaw } from '../../src/fetch/run.ts';
import { buildSnapshot } from '../../src/pipeline/build-snapshot.ts';
import { refresh } from '../../src/pipeline/refresh.ts';
import { Snapshot } from '../../src/pipeline/snapshot-reader.ts';
import { startFakeApis, type FakeApis } from '../helpers/fake-apis.ts';

let apis: FakeApis;
beforeAll(async () => {
  apis = await startFakeApis();
});
afterAll(() => apis.close());

const quiet = { ...defaultHttpDeps, log: () => {} };
const policy = { attempts: 2, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 10_000 };
const now = () => new Date('2026-11-20T06:00:00Z');

/** One hash of every file under data/raw, data/snapshot and dist. */
function state(work: string): string {
  const hash = createHash('sha256');
  for (const folder of ['data/raw', 'data/snapshot', 'dist']) {
    const directory = join(work, folder);
    if (!existsSync(directory)) continue;
    const files = readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(relative(work, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** A project already published once: Umeå's långtidsarbetslöshet 2.1 for 2024, and a site. */
async function published(): Promise<string> {
  apis.behaviour = { kolada: { '2024': 2.1 }, shareFactor: 1, koladaDown: false };
  const work = apis.project();
  const config = loadConfig(work);
  apis.reset();
  await refreshRaw(config, quiet, { policy, now });
  await buildSnapshot(config, { log: () => {}, today: now() });
  mkdirSync(join(work, 'dist'));
  writeFileSync(join(work, 'dist/index.html'), 'förra webbplatsen');
  return work;
}

function refreshOf(work: string, options: { confirm?: boolean; siteTestsFail?: boolean } = {}) {
  const ran: string[] = [];
  const outcome = refresh(
    work,
    {
      // The server answers a bounded number of requests per fetch.
      fetch: () => {
        apis.reset();
        return refreshRaw(loadConfig(work), quiet, { policy, now });
      },
      buildSnapshot: async () => {
        await buildSnapshot(loadConfig(work), { log: () => {}, today: now() });
      },
      buildSite: async () => {
        ran.push('buildSite');
        writeFileSync(join(work, 'dist/index.html'), 'nya webbplatsen');
      },
      testSite: async () => {
        ran.push('testSite');
        if (options.siteTestsFail) throw new Error('2 tester misslyckades');
      },
    },
    { revisionFactor: 3, confirmRevisions: options.confirm ?? false, log: () => {} },
  );
  return { outcome, ran };
}

function latestKolada(work: string): Record<string, number | null> {
  const file = new Snapshot(join(work, 'data/snapshot')).file('langtidsarbetsloshet')?.file;
  const series = file?.series.find((entry) => entry.region === '2480' && entry.sex === 'total');
  return Object.fromEntries((file?.periods ?? []).map((period, index) => [period, series?.values[index] ?? null]));
}

describe('npm run refresh', () => {
  it('changes nothing and says so when the sources have nothing new', async () => {
    const work = await published();
    const before = state(work);
    const { outcome, ran } = refreshOf(work);
    const result = await outcome;
    expect(result.status).toBe('unchanged');
    expect(result.report).toMatch(/^# Inget nytt/);
    expect(ran).toEqual([]);
    expect(state(work)).toBe(before);
  });

  it('publishes a new period, builds and tests the site, and reports what changed', async () => {
    const work = await published();
    apis.behaviour.kolada = { '2024': 2.1, '2025': 2.4 };
    const { outcome, ran } = refreshOf(work);
    const result = await outcome;
    expect(result.status).toBe('published');
    expect(result.report).toContain('- langtidsarbetsloshet: nya perioder 2025');
    expect(ran).toEqual(['buildSite', 'testSite']);
    expect(latestKolada(work)).toMatchObject({ '2024': 2.1, '2025': 2.4 });
    expect(readFileSync(join(work, 'dist/index.html'), 'utf8')).toBe('nya webbplatsen');
  });

  it('publishes a small revision, and holds back a large one until a person confirms it', async () => {
    const work = await published();
    apis.behaviour.kolada = { '2024': 2.3 };
    expect((await refreshOf(work).outcome).report).toContain('- langtidsarbetsloshet: 1 reviderade värden');
    expect(latestKolada(work)['2024']).toBe(2.3);

    apis.behaviour.kolada = { '2024': 45 };
    const before = state(work);
    const held = await refreshOf(work).outcome;
    expect(held.status).toBe('held-back');
    expect(held.report).toContain('- langtidsarbetsloshet: 2480 (total): 2024 reviderat från 2.3 till 45');
    expect(held.report).toContain('--confirm-revisions');
    expect(state(work)).toBe(before);

    const confirmed = await refreshOf(work, { confirm: true }).outcome;
    expect(confirmed.status).toBe('published');
    expect(latestKolada(work)['2024']).toBe(45);
  });

  it('publishes nothing when SCB’s shares disagree with its counts', async () => {
    const work = await published();
    apis.behaviour.kolada = { '2024': 2.1, '2025': 2.4 };
    apis.behaviour.shareFactor = 2;
    const before = state(work);
    const { outcome, ran } = refreshOf(work);
    const result = await outcome;
    expect(result.status).toBe('failed');
    expect(result.report).toContain('Steget som stoppade: **Ögonblicksbilden');
    expect(ran).toEqual([]);
    expect(state(work)).toBe(before);
  });

  it('publishes nothing when the network fails half-way, after SCB answered', async () => {
    const work = await published();
    apis.behaviour.koladaDown = true;
    const before = state(work);
    const result = await refreshOf(work).outcome;
    expect(result.status).toBe('failed');
    expect(result.report).toContain('Steget som stoppade: **Hämtning från SCB och Kolada**');
    expect(result.report).toContain('503');
    expect(apis.asked.some((line) => line.startsWith('POST /api/v2/tables/'))).toBe(true);
    expect(state(work)).toBe(before);
  });

  it('puts the previous site and data back when the built site fails its tests', async () => {
    const work = await published();
    apis.behaviour.kolada = { '2024': 2.1, '2025': 2.4 };
    const before = state(work);
    const result = await refreshOf(work, { siteTestsFail: true }).outcome;
    expect(result.status).toBe('failed');
    expect(result.report).toContain('2 tester misslyckades');
    expect(readFileSync(join(work, 'dist/index.html'), 'utf8')).toBe('förra webbplatsen');
    expect(state(work)).toBe(before);
  });
});
