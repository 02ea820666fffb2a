import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchAllPages, fetchKolada, MAX_PAGES, pageBound, type KoladaContext } from '../../src/fetch/kolada.ts';
import { koladaToScbRegion, readKoladaPage } from '../../src/formats/kolada.ts';
import { normaliseKoladaPage } from '../../src/pipeline/normalise-kolada.ts';
import { RawStore } from '../../src/fetch/raw-store.ts';
import { SnapshotBuilder } from '../../src/pipeline/snapshot-builder.ts';
import { fakeDeps, type Reply } from '../helpers/fake-server.ts';

const item = (municipality: string, period: number, value: number | null, status = '') => ({
  kpi: 'N03926',
  municipality,
  period,
  values: [
    { gender: 'T', value, status, count: 1 },
    { gender: 'K', value: value === null ? null : value - 0.2, status: '', count: 1 },
  ],
});
const page = (values: unknown[], count: number, next: string | null, key: 'next_url' | 'next_page' = 'next_url') => ({
  status: 200,
  body: JSON.stringify({ values, count, [key]: next, previous_url: null }),
});

function context(replies: Reply[]): { context: KoladaContext; requests: { url: string }[]; dir: string } {
  const { deps, requests } = fakeDeps(replies);
  const dir = mkdtempSync(join(tmpdir(), 'kolada-'));
  return {
    dir,
    requests,
    context: {
      config: {
        baseUrl: 'https://api.kolada.se/v3',
        fromYear: 2022,
        perPage: 2,
        requestsPerSecond: 5,
        kpis: [{ kpi: 'N03926', titleQuery: 'x', indicator: 'langtidsarbetsloshet' }],
        peerGroups: [],
      },
      store: new RawStore(dir),
      deps,
      policy: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
      retrievedAt: () => '2026-11-20T00:00:00Z',
      toYear: 2023,
    },
  };
}

describe('Kolada v3', () => {
  it('follows next_url through every page and keeps each page raw', async () => {
    const {
      context: ctx,
      requests,
      dir,
    } = context([
      page(
        [item('2480', 2023, 2.1), item('0000', 2023, 2.6)],
        2,
        'https://api.kolada.se/v3/data/kpi/N03926/year/2023?per_page=2&page=2',
      ),
      page([item('0024', 2023, 2.4)], 1, null),
    ]);
    const rows = await fetchAllPages(
      'https://api.kolada.se/v3/data/kpi/N03926/year/2023?per_page=2',
      'N03926-2023',
      10,
      async () => {},
      ctx,
    );
    expect(rows).toBe(3);
    expect(requests.map((request) => request.url)).toHaveLength(2);
    expect(readdirSync(join(dir, 'kolada'))).toEqual(['N03926-2023-page-001.json', 'N03926-2023-page-002.json']);
  });

  it('also follows next_page, as some clients in the wild expect', async () => {
    const { context: ctx } = context([
      page([item('2480', 2023, 2.1)], 1, '?page=2', 'next_page'),
      page([item('2460', 2023, 1.9)], 1, null, 'next_page'),
    ]);
    expect(
      await fetchAllPages('https://api.kolada.se/v3/data/kpi/N03926/year/2023', 'x', 10, async () => {}, ctx),
    ).toBe(2);
  });

  it('stops when a next link repeats a page', async () => {
    const same = 'https://api.kolada.se/v3/data/kpi/N03926/year/2023?page=1';
    const { context: ctx } = context([
      page([item('2480', 2023, 2.1)], 1, same),
      page([item('2480', 2023, 2.1)], 1, same),
    ]);
    await expect(fetchAllPages(same, 'x', 10, async () => {}, ctx)).rejects.toThrow(/kom tillbaka/);
  });

  it('reads count as the rows on each page (v3), and fails on a page shorter than it says', async () => {
    const { context: ctx } = context([page([item('2480', 2023, 2.1)], 2, null)]);
    await expect(
      fetchAllPages('https://api.kolada.se/v3/data/kpi/N03926/year/2023', 'x', 10, async () => {}, ctx),
    ).rejects.toThrow(/sida 1, lovade 2 rader men gav 1/);
  });

  const FIRST = 'https://api.kolada.se/v3/data/kpi/N03926/year/2023?per_page=2';

  it('never follows a paging link off the query: another host, a data: URL, another path', async () => {
    for (const [next, reason] of [
      ['http://127.0.0.1:9999/latest/meta-data/iam', /leder till http:\/\/127\.0\.0\.1:9999/],
      ['data:application/json,{"values":[{"kpi":"N03926"}],"count":1}', /schemat data: används aldrig/],
      ['https://api.kolada.se/v3/kpi?title=x', /en annan fråga/],
    ] as const) {
      const { context: ctx, requests, dir } = context([page([item('2480', 2023, 2.1)], 1, next)]);
      await expect(fetchAllPages(FIRST, 'x', 10, async () => {}, ctx)).rejects.toThrow(reason);
      // The link is never requested, and nothing of it is kept as Kolada data.
      expect(requests.map((request) => request.url)).toEqual([FIRST]);
      expect(readdirSync(join(dir, 'kolada'))).toEqual(['x-page-001.json']);
    }
  });

  it('stops an answer that pages on and on, at the pages the query can hold', async () => {
    let served = 0;
    const { deps, requests } = fakeDeps(() => {
      served++;
      return page([item('2480', 2023, 2.1)], 1, `${FIRST}&page=${served + 1}`);
    });
    const { context: ctx } = context([]);
    await expect(fetchAllPages(FIRST, 'x', 4, async () => {}, { ...ctx, deps })).rejects.toThrow(
      /gav fler än 4 sidor, fler än frågan kan rymma/,
    );
    expect(requests).toHaveLength(4);
    expect(pageBound(1, 1, 5000)).toBe(2);
    expect(pageBound(25, 25, 1)).toBe(MAX_PAGES);
  });

  it('refuses a page with more rows than it was asked for', async () => {
    const { context: ctx } = context([
      page([item('2480', 2023, 1), item('2460', 2023, 2), item('2401', 2023, 3)], 3, null),
    ]);
    await expect(fetchAllPages(FIRST, 'x', 10, async () => {}, ctx)).rejects.toThrow(
      /gav 3 rader på en sida, fler än per_page 2/,
    );
  });

  it('drops withdrawn entries (isdeleted) and reads a period given as a string', () => {
    const parsed = readKoladaPage({
      values: [
        {
          kpi: 'N03926',
          municipality: '2480',
          period: '2024',
          values: [
            { gender: 'T', count: 1, status: '', value: 2.1, isdeleted: false },
            { gender: 'K', count: 1, status: '', value: 9.9, isdeleted: true },
          ],
        },
      ],
      count: 1,
      next_url: null,
    });
    expect(parsed.values[0]?.period).toBe(2024);
    expect(parsed.values[0]?.values.map((entry) => entry.gender)).toEqual(['T']);
  });

  it('treats JSON without values, and non-JSON, as failures', async () => {
    const { context: ctx } = context([{ status: 200, body: '{"error":"Not found"}' }]);
    await expect(
      fetchAllPages('https://api.kolada.se/v3/data/kpi/N0/year/2023', 'x', 10, async () => {}, ctx),
    ).rejects.toThrow(/Ogiltigt Kolada-svar/);
    const { context: html } = context([
      { status: 200, body: '<html></html>', headers: { 'content-type': 'text/html' } },
    ]);
    await expect(
      fetchAllPages('https://api.kolada.se/v3/data/kpi/N0/year/2023', 'x', 10, async () => {}, html),
    ).rejects.toThrow(/väntade JSON/);
  });

  it('asks for at most 25 years per path segment and stores KPI metadata', async () => {
    const { context: ctx, requests } = context([
      { status: 200, body: '{"values":[{"id":"N03926","title":"Långtidsarbetslöshet"}],"count":1}' },
      page([], 0, null),
    ]);
    await fetchKolada(ctx);
    expect(requests[1]?.url).toBe('https://api.kolada.se/v3/data/kpi/N03926/year/2022,2023?per_page=2');
  });

  it('stops before any value call when the catalogue lacks a configured KPI (N00914 is gone in 2026)', async () => {
    const { context: ctx, requests } = context([
      { status: 200, body: '{"values":[{"id":"N03926","title":"Långtidsarbetslöshet"}],"count":1}' },
    ]);
    ctx.config.kpis.push({ kpi: 'N00914', titleQuery: 'x', indicator: 'forvarvsarbetande' });
    await expect(fetchKolada(ctx)).rejects.toThrow(
      /N00914 \(forvarvsarbetande\) finns inte i Koladas KPI-katalog\. Ta bort den .* Inga värden hämtades\./,
    );
    expect(requests.map((request) => request.url)).toEqual(['https://api.kolada.se/v3/kpi/N03926,N00914']);
  });

  it('asks the catalogue for at most 25 ids per path segment, as Kolada refuses about 33', async () => {
    const ids = Array.from({ length: 30 }, (_, index) => `N${String(index).padStart(5, '0')}`);
    const catalogue = (chunk: string[]) => ({
      status: 200,
      body: JSON.stringify({ values: chunk.map((id) => ({ id, title: id })), count: chunk.length }),
    });
    const { context: ctx, requests } = context([
      catalogue(ids.slice(0, 25)),
      catalogue(ids.slice(25)),
      page([], 0, null),
      page([], 0, null),
    ]);
    ctx.config.kpis = ids.map((kpi) => ({ kpi, titleQuery: 'x', indicator: kpi }));
    await fetchKolada(ctx);
    const segments = requests.map((request) => /\/kpi\/([^/?]+)/.exec(request.url)?.[1]?.split(',').length);
    expect(segments).toEqual([25, 5, 25, 5]);
  });

  it('normalises ids, genders, nulls and statuses', () => {
    const builder = new SnapshotBuilder();
    const parsed = readKoladaPage({
      values: [item('2480', 2023, null, 'Uppgift saknas'), item('0024', 2023, 2.4), item('G123', 2023, 9)],
      count: 3,
    });
    expect(
      normaliseKoladaPage(parsed, new Map([['N03926', 'langtidsarbetsloshet']]), 'raw/kolada/x.json', builder),
    ).toBe(4);
    const file = builder.build('langtidsarbetsloshet');
    const umea = file.series.find((series) => series.region === '2480' && series.sex === 'total');
    expect(umea?.values).toEqual([null]);
    expect(umea?.status).toEqual({ 0: 'missing' });
    expect(umea?.sourceStatus).toEqual({ 0: 'Uppgift saknas' });
    expect(file.series.find((series) => series.region === '24' && series.sex === 'women')?.values[0]).toBeCloseTo(2.2);
    expect(koladaToScbRegion('0000')).toBe('00');
    expect(koladaToScbRegion('G123')).toBeNull();
  });
});
