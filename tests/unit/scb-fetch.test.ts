import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDocument, metadataDocument } from '../../src/example/scb-tables.ts';
import { fetchScb } from '../../src/fetch/scb.ts';
import { cellCount } from '../../src/fetch/planner.ts';
import { loadConfig } from '../../src/config/load.ts';
import { readJsonStat } from '../../src/formats/jsonstat.ts';
import { RawStore } from '../../src/fetch/raw-store.ts';
import type { ScbTable } from '../../src/schemas/sources.ts';
import { fakeDeps } from '../helpers/fake-server.ts';

const root = join(import.meta.dirname, '../..');
const config = loadConfig(root);
const recordedConfig = readFileSync(join(root, 'tests/fixtures/scb/api-v2-config.json'), 'utf8');

const table: ScbTable = {
  dataset: 'he',
  table: 'TAB1386',
  title: 'Helårsekvivalenter',
  status: 'final',
  geo: { variable: 'Region', levels: ['riket', 'kommun'] },
  find: null,
  time: { variable: 'Tid', from: '2023M01', to: null },
  sex: { variable: 'Kon', codes: { total: '1+2', men: '1', women: '2' } },
  contents: {
    variable: 'ContentsCode',
    items: [
      {
        code: null,
        label: 'Sjuk- och aktivitetsersersättning',
        indicator: 'he',
        breakdown: { benefit: 'sa' },
        zeroMayBeMissing: false,
      },
      { code: null, label: 'Folkmängd', indicator: 'he-befolkning', breakdown: {}, zeroMayBeMissing: false },
    ],
  },
  breakdowns: [],
  ageBands: null,
  sumSexes: false,
  codesByLabel: false,
  queries: [{ name: 'alla', select: { Aldersgrupp: ['20-64'] } }],
};

function metadata(regions: [string, string][]) {
  return metadataDocument('TAB1386', 'Helårsekvivalenter', [
    { id: 'Region', label: 'region', codes: regions },
    {
      id: 'Kon',
      label: 'kön',
      codes: [
        ['1', 'män'],
        ['2', 'kvinnor'],
        ['1+2', 'totalt'],
      ],
    },
    { id: 'Aldersgrupp', label: 'ålder', codes: [['20-64', '20–64 år']] },
    // SCB's own label carries a typo; the resolver must still find it, and only it.
    {
      id: 'ContentsCode',
      label: 'tabellinnehåll',
      codes: [
        ['0000018J', 'Sjuk- och aktivitetsersersättning'],
        ['0000018K', 'Folkmängd'],
        ['0000018L', 'Andel av befolkningen'],
      ],
    },
    { id: 'Tid', label: 'månad', codes: ['2022M12', '2023M01', '2023M02', '2023M03'].map((code) => [code, code]) },
  ]);
}

function server(
  metadataDoc: Record<string, unknown>,
  limits = { maxDataCells: 2000, maxCallsPerTimeWindow: 3, timeWindow: 10 },
  refusesAbove = limits.maxDataCells,
) {
  const cube = readJsonStat(metadataDoc, { metadataOnly: true });
  return fakeDeps((url, init) => {
    if (url.endsWith('/config'))
      return { status: 200, body: JSON.stringify({ ...JSON.parse(recordedConfig), ...limits }) };
    if (url.includes('/metadata')) return { status: 200, body: JSON.stringify(metadataDoc) };
    const body = JSON.parse(String(init?.body)) as { selection: { variableCode: string; valueCodes: string[] }[] };
    const selection = Object.fromEntries(body.selection.map((entry) => [entry.variableCode, entry.valueCodes]));
    if (cellCount(selection) > refusesAbove)
      return {
        status: 400,
        body: JSON.stringify({ type: 'Parameter error', title: 'Too many cells selected', status: 400 }),
        headers: { 'content-type': 'application/problem+json' },
      };
    return { status: 200, body: dataDocument(cube, 'x', selection, () => 1) };
  });
}

const registryRegions = config.registry.all
  .filter((region) => region.level !== 'lan')
  .map((region): [string, string] => [region.code, region.name]);

function postedCells(requests: { init?: RequestInit | undefined }[]): number[] {
  return requests
    .filter((request) => request.init?.method === 'POST')
    .map((request) =>
      cellCount(
        Object.fromEntries(
          (JSON.parse(String(request.init?.body)).selection as { variableCode: string; valueCodes: string[] }[]).map(
            (entry) => [entry.variableCode, entry.valueCodes],
          ),
        ),
      ),
    );
}

async function fetchInto(
  deps: ReturnType<typeof server>['deps'],
  dir = mkdtempSync(join(tmpdir(), 'scb-')),
): Promise<RawStore> {
  const store = new RawStore(dir);
  await fetchScb({
    config: { ...config.sources.scb, tables: [table], kommungrupper: null },
    registry: config.registry,
    store,
    deps,
    policy: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
    retrievedAt: () => '2026-11-20T00:00:00Z',
  });
  return store;
}

describe('SCB PxWebApi 2.0 fetch', () => {
  it('halves a call the server refuses as too many cells, until the parts pass', async () => {
    // /config promises 2 000 cells a call; the server refuses more than 700.
    const { deps, requests } = server(metadata(registryRegions), undefined, 700);
    const store = await fetchInto(deps);
    const answered = store.finish().files.filter((file) => file.query !== null);
    const cells = postedCells(requests);
    const refused = cells.filter((count) => count > 700);
    expect(refused.length).toBeGreaterThan(0);
    const passed = cells.filter((count) => count <= 700);
    expect(passed.reduce((sum, count) => sum + count, 0)).toBe(5238);
    expect(answered).toHaveLength(passed.length);
  });

  it('stops when even a single cell is refused', async () => {
    const { deps } = server(metadata(registryRegions), undefined, 0);
    await expect(fetchInto(deps)).rejects.toThrow(
      /TAB1386: SCB vägrar även ett anrop om en enda cell: .*Too many cells/,
    );
  });

  it('reads limits from /config, splits under the cell limit, throttles, and keeps every response raw', async () => {
    const { deps, requests, sleeps } = server(metadata(registryRegions));
    const dir = mkdtempSync(join(tmpdir(), 'scb-'));
    const store = await fetchInto(deps, dir);
    const cells = postedCells(requests);
    // 291 regions × 3 sexes × 2 contents × 3 months = 5 238 cells: three calls under 2 000.
    expect(cells.reduce((sum, count) => sum + count, 0)).toBe(5238);
    expect(cells).toHaveLength(3);
    for (const count of cells) expect(count).toBeLessThanOrEqual(2000);
    expect(sleeps.some((ms) => ms > 0)).toBe(true);
    expect(requests[1]?.url).toBe(
      'https://statistikdatabasen.scb.se/api/v2/tables/TAB1386/metadata?lang=sv&outputFormat=json-stat2',
    );
    const manifest = store.finish();
    expect(manifest.contentCodes['TAB1386']).toEqual({
      'Sjuk- och aktivitetsersersättning': '0000018J',
      Folkmängd: '0000018K',
    });
    expect(readdirSync(join(dir, 'scb/he')).sort()).toEqual([
      'alla-001.json',
      'alla-002.json',
      'alla-003.json',
      'metadata.json',
    ]);
    expect(manifest.files.every((file) => /^[0-9a-f]{64}$/.test(file.sha256))).toBe(true);
  });

  it('stops before the first data call when the metadata makes a cube beyond the table cap', async () => {
    // 291 regions × 3 sexes × 2 contents × 3 months = 5 238 cells, against a cap of 5 000.
    const { deps, requests } = server(metadata(registryRegions));
    const store = new RawStore(mkdtempSync(join(tmpdir(), 'scb-')));
    await expect(
      fetchScb({
        config: { ...config.sources.scb, tables: [table], kommungrupper: null, maxCellsPerTable: 5000 },
        registry: config.registry,
        store,
        deps,
        policy: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
        retrievedAt: () => '',
      }),
    ).rejects.toThrow(/TAB1386: metadata ger 5\s238 celler att hämta, fler än de högst 5\s000 en tabell får ha/);
    expect(requests.filter((request) => request.init?.method === 'POST')).toHaveLength(0);
    expect(config.sources.scb.maxCellsPerTable).toBe(20_000_000);
  });

  it('refuses a data answer whose size claims more cells than a file may hold', async () => {
    const doc = metadata(registryRegions);
    const { deps } = server(doc);
    const store = new RawStore(mkdtempSync(join(tmpdir(), 'scb-')));
    await expect(
      fetchScb({
        config: { ...config.sources.scb, tables: [table], kommungrupper: null, maxCellsPerFile: 100 },
        registry: config.registry,
        store,
        deps,
        policy: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
        retrievedAt: () => '',
      }),
    ).rejects.toThrow(/size ger [\d\s]+ celler, fler än de högst 100 ett svar får ha/);
  });

  it('stops with a clear message when the metadata lacks codes the configuration names', async () => {
    const { deps } = server(metadata(registryRegions.filter(([code]) => code !== '2403')));
    const store = new RawStore(mkdtempSync(join(tmpdir(), 'scb-')));
    await expect(
      fetchScb({
        config: { ...config.sources.scb, tables: [table], kommungrupper: null },
        registry: config.registry,
        store,
        deps,
        policy: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
        retrievedAt: () => '',
      }),
    ).rejects.toThrow(/TAB1386 \(Helårsekvivalenter\): Region saknar koderna 2403/);
  });

  it('names the contents it cannot resolve by label, listing what the table has', async () => {
    const renamed = {
      ...table,
      contents: { ...table.contents, items: [{ ...table.contents.items[0]!, label: 'Aktivitetsstöd' }] },
    };
    const { deps } = server(metadata(registryRegions));
    const store = new RawStore(mkdtempSync(join(tmpdir(), 'scb-')));
    await expect(
      fetchScb({
        config: { ...config.sources.scb, tables: [renamed], kommungrupper: null },
        registry: config.registry,
        store,
        deps,
        policy: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
        retrievedAt: () => '',
      }),
    ).rejects.toThrow(/hittar inget innehåll som heter "Aktivitetsstöd".*0000018J "Sjuk- och aktivitetsersersättning"/);
  });
});
