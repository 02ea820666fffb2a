/**
 * SCB's CKM population tables have no pinned id: the fetch searches `/tables?query=…` (responses in
 * PxWebApi 2.0's documented TablesResponse format) and keeps the one candidate whose metadata fits.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDocument, metadataDocument } from '../../src/example/scb-tables.ts';
import { fetchScb } from '../../src/fetch/scb.ts';
import { loadConfig } from '../../src/config/load.ts';
import { readJsonStat } from '../../src/formats/jsonstat.ts';
import { periodRange } from '../../src/formats/period.ts';
import { normaliseScbCube } from '../../src/pipeline/normalise-scb.ts';
import { RawStore } from '../../src/fetch/raw-store.ts';
import { SnapshotBuilder } from '../../src/pipeline/snapshot-builder.ts';
import { ScbTableSchema, type ScbTable } from '../../src/schemas/sources.ts';
import { fakeDeps } from '../helpers/fake-server.ts';

const root = join(import.meta.dirname, '../..');
const config = loadConfig(root);
/**
 * A table that `sources.json` does not pin, found by search: the search stays as the fallback for a
 * table whose id SCB changes. (The real CKM table, TAB5557, is pinned.)
 */
const ckm = ScbTableSchema.parse({
  dataset: 'befolkning-ckm',
  table: null,
  find: { query: 'BefolkningCKM' },
  title: 'Folkmängd efter region, ålder och kön, 31 december, från 2025 (skyddad med Cell Key-metoden)',
  status: 'final',
  geo: { variable: 'Region', levels: ['riket', 'lan', 'kommun'] },
  time: { variable: 'Tid', from: '2025' },
  sex: { variable: 'Kon', codes: { total: '1+2', men: '1', women: '2' } },
  contents: {
    variable: 'ContentsCode',
    items: [{ code: null, label: 'Folkmängd', indicator: 'befolkning', breakdown: {} }],
  },
  breakdowns: [{ variable: 'Alder', name: 'age' }],
  codesByLabel: true,
  queries: [{ name: 'alla', select: { Alder: ['20-64', '15-74'] } }],
});
const regions = config.registry.all.map((region): [string, string] => [region.code, region.name]);

/** A CKM-like table whose codes differ from the configured ones, so they must be matched by label. */
function ckmMetadata(id: string, periods: string[]) {
  return metadataDocument(id, 'Folkmängden efter region, ålder och kön', [
    { id: 'Region', label: 'region', codes: regions },
    {
      id: 'Alder',
      label: 'ålder',
      codes: [
        ['TOT', 'totalt ålder'],
        ['A2064', '20–64 år'],
        ['A1574', '15-74 år'],
        ['A2065', '20–65 år'],
      ],
    },
    {
      id: 'Kon',
      label: 'kön',
      codes: [
        ['1', 'män'],
        ['2', 'kvinnor'],
        ['TOT', 'totalt'],
      ],
    },
    { id: 'ContentsCode', label: 'tabellinnehåll', codes: [['000007ZZ', 'Folkmängd']] },
    { id: 'Tid', label: 'år', codes: periods.map((period) => [period, period]) },
  ]);
}

interface TableEntry {
  type: string;
  id: string;
  label: string;
  discontinued: boolean;
  paths?: { id: string; label: string }[][];
}

function tableEntry(id: string, discontinued = false): TableEntry {
  return { type: 'Table', id, label: `Tabell ${id}`, discontinued };
}

function searchServer(tables: TableEntry[], metadataById: Record<string, Record<string, unknown>>, pageSize = 100) {
  const pages = Math.max(1, Math.ceil(tables.length / pageSize));
  return fakeDeps((url, init) => {
    if (url.endsWith('/config'))
      return { status: 200, body: JSON.stringify({ maxDataCells: 150000, maxCallsPerTimeWindow: 30, timeWindow: 10 }) };
    const search = /\/tables\?query=([^&]+).*pageNumber=(\d+)/.exec(url);
    if (search) {
      const page = Number(search[2]);
      return {
        status: 200,
        body: JSON.stringify({
          language: 'sv',
          tables: tables.slice((page - 1) * pageSize, page * pageSize),
          page: { pageNumber: page, pageSize, totalElements: tables.length, totalPages: pages, links: [] },
          links: [],
        }),
      };
    }
    const id = /\/tables\/(TAB\d+)\//.exec(url)?.[1] ?? '';
    const metadata = metadataById[id];
    if (!metadata)
      return {
        status: 404,
        body: JSON.stringify({ type: 'Not found', title: `No such table ${id}`, status: 404 }),
        headers: { 'content-type': 'application/problem+json' },
      };
    if (url.includes('/metadata')) return { status: 200, body: JSON.stringify(metadata) };
    const selection = Object.fromEntries(
      (JSON.parse(String(init?.body)).selection as { variableCode: string; valueCodes: string[] }[]).map((entry) => [
        entry.variableCode,
        entry.valueCodes,
      ]),
    );
    return {
      status: 200,
      body: dataDocument(readJsonStat(metadata, { metadataOnly: true }), 'x', selection, (codes) =>
        codes['Kon'] === 'TOT' ? 1001 : 500,
      ),
    };
  });
}

async function run(deps: ReturnType<typeof fakeDeps>['deps']) {
  const store = new RawStore(mkdtempSync(join(tmpdir(), 'scb-find-')));
  await fetchScb({
    config: { ...config.sources.scb, tables: [ckm], kommungrupper: null },
    registry: config.registry,
    store,
    deps,
    policy: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
    retrievedAt: () => '2026-11-20T00:00:00Z',
  });
  return store;
}

describe('finding a table by search (SCB CKM population)', () => {
  it('skips discontinued tables and tables that do not fit, and records the one that does', async () => {
    const { deps, requests } = searchServer(
      [tableEntry('TAB9001', true), tableEntry('TAB9002'), tableEntry('TAB9003')],
      {
        TAB9001: ckmMetadata('TAB9001', ['2025']),
        TAB9002: ckmMetadata('TAB9002', ['2025M01', '2025M02']),
        TAB9003: ckmMetadata('TAB9003', ['2024', '2025']),
      },
    );
    const store = await run(deps);
    expect(requests.some((request) => request.url.includes('TAB9001'))).toBe(false);
    expect(requests[1]?.url).toBe(
      'https://statistikdatabasen.scb.se/api/v2/tables?query=BefolkningCKM&lang=sv&pageSize=100&pageNumber=1',
    );
    const post = requests.find((request) => request.init?.method === 'POST');
    expect(post?.url).toContain('/tables/TAB9003/data');
    const body = JSON.parse(String(post?.init?.body)) as {
      selection: { variableCode: string; valueCodes: string[] }[];
    };
    expect(Object.fromEntries(body.selection.map((entry) => [entry.variableCode, entry.valueCodes]))).toMatchObject({
      Alder: ['A2064', 'A1574'],
      Kon: ['TOT', '1', '2'],
      Tid: ['2025'],
    });
    const manifest = store.finish();
    expect(manifest.tables).toEqual({ 'befolkning-ckm': 'TAB9003' });
    expect(manifest.valueCodes['befolkning-ckm']).toEqual({
      Kon: { '1+2': 'TOT', '1': '1', '2': '2' },
      Alder: { '20-64': 'A2064', '15-74': 'A1574' },
    });
    expect(manifest.contentCodes['TAB9003']).toEqual({ Folkmängd: '000007ZZ' });
    expect(manifest.files.map((file) => file.id)).toContain('raw/scb/befolkning-ckm/search-001.json');
  });

  it('keeps the configured codes in the observations and takes totals as published, never summed', () => {
    const metadata = ckmMetadata('TAB9003', ['2025']);
    const cube = readJsonStat(
      JSON.parse(
        dataDocument(
          readJsonStat(metadata, { metadataOnly: true }),
          'x',
          { Region: ['2480'], Alder: ['A2064'], Kon: ['1', '2', 'TOT'], ContentsCode: ['000007ZZ'], Tid: ['2025'] },
          (codes) => (codes['Kon'] === 'TOT' ? 1001 : 500),
        ),
      ),
    );
    const builder = new SnapshotBuilder();
    normaliseScbCube(cube, ckm, ['000007ZZ'], 'raw/scb/befolkning-ckm/alla-001.json', builder, {
      Kon: { '1+2': 'TOT', '1': '1', '2': '2' },
      Alder: { '20-64': 'A2064' },
    });
    const file = builder.build('befolkning');
    const value = (sex: string) =>
      file.series.find((series) => series.sex === sex && series.breakdown['age'] === '20-64')?.values[0];
    expect([value('total'), value('men'), value('women')]).toEqual([1001, 500, 500]);
  });

  it('follows the pages of a search', async () => {
    const { deps, requests } = searchServer(
      [tableEntry('TAB9002'), tableEntry('TAB9003')],
      { TAB9002: ckmMetadata('TAB9002', ['2025M01']), TAB9003: ckmMetadata('TAB9003', ['2025']) },
      1,
    );
    const manifest = (await run(deps)).finish();
    expect(
      requests
        .filter((request) => request.url.includes('/tables?query='))
        .map((request) => /pageNumber=(\d+)/.exec(request.url)?.[1]),
    ).toEqual(['1', '2']);
    expect(manifest.tables['befolkning-ckm']).toBe('TAB9003');
  });

  it('refuses to guess between two tables that both fit', async () => {
    const { deps } = searchServer([tableEntry('TAB9003'), tableEntry('TAB9004')], {
      TAB9003: ckmMetadata('TAB9003', ['2025']),
      TAB9004: ckmMetadata('TAB9004', ['2025']),
    });
    await expect(run(deps)).rejects.toThrow(
      /flera tabeller passar sökningen "BefolkningCKM": TAB9003, TAB9004; ange rätt id som table i sources.json/,
    );
  });

  it('explains why no candidate fits, table by table', async () => {
    const { deps } = searchServer([tableEntry('TAB9002')], { TAB9002: ckmMetadata('TAB9002', ['2025M01']) });
    await expect(run(deps)).rejects.toThrow(
      /ingen tabell från sökningen "BefolkningCKM" har det som behövs:\n {2}TAB9002 \(Tabell TAB9002\): .*Tid har inga perioder från 2025/,
    );
  });

  it('says so when the search finds nothing, or answers with something that is not a table list', async () => {
    await expect(run(searchServer([], {}).deps)).rejects.toThrow(/sökning "BefolkningCKM" gav inga tabeller/);
    const { deps } = fakeDeps((url) =>
      url.endsWith('/config')
        ? { status: 200, body: JSON.stringify({ maxDataCells: 150000, maxCallsPerTimeWindow: 30, timeWindow: 10 }) }
        : { status: 200, body: JSON.stringify({ values: [] }) },
    );
    await expect(run(deps)).rejects.toThrow(/svaret är ingen tabellista \(tables:/);
  });

  it('never guesses a value: two values labelled 20–64 år are an error (and 20–65 år, above, was never taken)', async () => {
    const metadata = ckmMetadata('TAB9003', ['2025']);
    const dimension = (metadata['dimension'] as Record<string, { category: { label: Record<string, string> } }>)[
      'Alder'
    ]!;
    dimension.category.label['A2065'] = '20–64 år';
    const { deps } = searchServer([tableEntry('TAB9003')], { TAB9003: metadata });
    await expect(run(deps)).rejects.toThrow(/Alder: 20-64 kan vara flera \(A2064, A2065\)/);
  });
});

describe('the population series stitched from TAB638 and its CKM successor', () => {
  const snapshot = JSON.parse(readFileSync(join(root, 'data/snapshot/observations/befolkning.json'), 'utf8')) as {
    periods: string[];
    series: { region: string; sex: string; breakdown: Record<string, string>; values: (number | null)[] }[];
  };
  const series = (region: string, sex: string) =>
    snapshot.series.find(
      (entry) => entry.region === region && entry.sex === sex && entry.breakdown['age'] === '20-64',
    )!;

  it('runs from 2014 without a gap or an overlap, TAB638 until 2024 and the search-found table from 2025', () => {
    expect(snapshot.periods).toEqual(periodRange('2014', snapshot.periods.at(-1)!));
    expect(snapshot.periods).toContain('2025');
    const tab638 = config.sources.scb.tables.find((table) => table.table === 'TAB638')!;
    expect([tab638.time.to, ckm.time.from]).toEqual(['2024', '2025']);
    expect(series('2480', 'total').values.every((value) => value !== null)).toBe(true);
  });

  it('takes 2025 totals as published, which need not equal women plus men (Cell Key noise)', () => {
    const year = snapshot.periods.indexOf('2025');
    const before = snapshot.periods.indexOf('2024');
    const gaps = config.registry.kommuner().map((kommun) => {
      const at = (sex: string, index: number) => series(kommun.code, sex).values[index] ?? 0;
      return {
        summed2024: at('total', before) - at('men', before) - at('women', before),
        published2025: at('total', year) - at('men', year) - at('women', year),
      };
    });
    expect(gaps.every((gap) => gap.summed2024 === 0)).toBe(true);
    expect(gaps.some((gap) => gap.published2025 !== 0)).toBe(true);
  });
});

describe('finding a table within a folder (BAS final yearly figures under AM0210D)', () => {
  const final = ScbTableSchema.parse({
    dataset: 'bas-slutlig',
    table: null,
    find: { query: 'AM0210', folder: 'AM0210D' },
    title: 'Befolkningens arbetsmarknadsstatus (BAS) efter region, kön, ålder och år, slutliga uppgifter',
    status: 'final',
    geo: { variable: 'Region', levels: ['riket', 'lan', 'kommun'] },
    time: { variable: 'Tid', from: '2020' },
    sex: { variable: 'Kon', codes: { total: '1+2', men: '1', women: '2' } },
    contents: {
      variable: 'ContentsCode',
      items: [
        { code: null, label: 'antal sysselsatta', indicator: 'bas-slutlig', breakdown: { status: 'sysselsatta' } },
        { code: null, label: 'antal arbetslösa', indicator: 'bas-slutlig', breakdown: { status: 'arbetslosa' } },
        {
          code: null,
          label: 'antal sysselsatta och arbetslösa (arbetskraften)',
          indicator: 'bas-slutlig',
          breakdown: { status: 'arbetskraften' },
        },
        { code: null, label: 'antal totalt', indicator: 'bas-slutlig', breakdown: { status: 'totalt' } },
      ],
    },
    breakdowns: [{ variable: 'Alder', name: 'age' }],
    codesByLabel: true,
    queries: [{ name: 'alla', select: { Alder: ['20-64', '15-74'] } }],
  });
  const basMetadata = (id: string) =>
    metadataDocument(id, 'BAS per år', [
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
      {
        id: 'Alder',
        label: 'ålder',
        codes: [
          ['20-64', '20–64 år'],
          ['15-74', '15–74 år'],
        ],
      },
      {
        id: 'ContentsCode',
        label: 'tabellinnehåll',
        codes: [
          ['0000A1', 'antal sysselsatta'],
          ['0000A2', 'antal arbetslösa'],
          ['0000A3', 'antal sysselsatta och arbetslösa (arbetskraften)'],
          ['0000A4', 'antal totalt'],
        ],
      },
      { id: 'Tid', label: 'år', codes: ['2023', '2024'].map((year) => [year, year]) },
    ]);
  const inFolder = (id: string, folder: string): TableEntry => ({
    ...tableEntry(id),
    paths: [
      [
        { id: 'AM', label: 'Arbetsmarknad' },
        { id: 'AM0210', label: 'BAS' },
        { id: folder, label: folder },
      ],
    ],
  });

  async function runFinal(tables: TableEntry[], table: ScbTable = final) {
    const { deps, requests } = searchServer(tables, {
      TAB9101: basMetadata('TAB9101'),
      TAB9102: basMetadata('TAB9102'),
      TAB9103: basMetadata('TAB9103'),
    });
    const store = new RawStore(mkdtempSync(join(tmpdir(), 'scb-folder-')));
    await fetchScb({
      config: { ...config.sources.scb, tables: [table], kommungrupper: null },
      registry: config.registry,
      store,
      deps,
      policy: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
      retrievedAt: () => '',
    });
    return { manifest: store.finish(), requests };
  }

  it('keeps only the tables under the folder, so the preliminary yearly table is never fetched', async () => {
    const { manifest, requests } = await runFinal([inFolder('TAB9101', 'AM0210A'), inFolder('TAB9102', 'AM0210D')]);
    expect(manifest.tables['bas-slutlig']).toBe('TAB9102');
    expect(requests.some((request) => request.url.includes('TAB9101'))).toBe(false);
    expect(manifest.contentCodes['TAB9102']).toEqual({
      'antal sysselsatta': '0000A1',
      'antal arbetslösa': '0000A2',
      'antal sysselsatta och arbetslösa (arbetskraften)': '0000A3',
      'antal totalt': '0000A4',
    });
  });

  it('lets the metadata decide for a table the search places in no folder, and refuses to guess between two that fit', async () => {
    await expect(
      runFinal([inFolder('TAB9101', 'AM0210A'), inFolder('TAB9102', 'AM0210D'), tableEntry('TAB9103')]),
    ).rejects.toThrow(/flera tabeller passar sökningen "AM0210": TAB9102, TAB9103/);
    await expect(
      runFinal([inFolder('TAB9101', 'AM0210A'), inFolder('TAB9102', 'AM0210D')], {
        ...final,
        find: { query: 'AM0210', folder: null },
      }),
    ).rejects.toThrow(/flera tabeller passar sökningen "AM0210": TAB9101, TAB9102/);
  });
});
