/**
 * `data:fetch` through to a snapshot, against a server on 127.0.0.1 that answers in SCB's and
 * Kolada's shapes: `/config` as recorded, the recorded metadata of TAB638, TAB5557 and TAB3200, data
 * for whatever is asked (TAB5557 from the recorded response wherever it covers the cells), SCB's
 * kommungrupper code list and Kolada pages. The server answers a bounded number of requests and is
 * closed by the test. The real HTTP client, planner, raw store and data:build all run.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { dataDocument } from '../../src/example/scb-tables.ts';
import { defaultHttpDeps } from '../../src/fetch/http.ts';
import { refreshRaw } from '../../src/fetch/run.ts';
import { forEachCell, readJsonStat, type JsonStatCube } from '../../src/formats/jsonstat.ts';
import { buildSnapshot } from '../../src/pipeline/build-snapshot.ts';
import { Snapshot } from '../../src/pipeline/snapshot-reader.ts';

const root = join(import.meta.dirname, '../..');
const recorded = (path: string) => {
  const json = JSON.parse(readFileSync(join(root, 'data/reference/scb-real', path), 'utf8'));
  return json.response ?? json;
};
const MAX_REQUESTS = 60;
const DATASETS = ['befolkning', 'befolkning-ckm', 'bas-slutlig'];
const METADATA: Record<string, unknown> = {
  TAB638: recorded('TAB638/metadata.sv.pxweb.json'),
  TAB5557: recorded('TAB5557/metadata.sv.json'),
  TAB3200: recorded('TAB3200/metadata.sv.json'),
};
const cubes = new Map(Object.entries(METADATA).map(([id, json]) => [id, readJsonStat(json, { metadataOnly: true })]));

/** The recorded TAB5557 cells: kommun | age group → population 2025 (both sexes). */
const population2025 = new Map<string, number>();
{
  const cube = readJsonStat(recorded('TAB5557/data-kommuner-2025-5arsgrupper.json'));
  const axis = (id: string) => cube.dimensions.findIndex((dimension) => dimension.id === id);
  forEachCell(cube, (codes, value) => {
    if (value !== null) population2025.set(`${codes[axis('Region')]}|${codes[axis('Alder')]}`, value);
  });
}

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => resolve(text));
  });
}

/** TAB3200's own shares and the counts they are made of, as SCB serves them side by side. */
const SHARE_PARTS: Record<string, [string, string]> = {
  '000002NN': ['000002NM', '000002NL'],
  '000002NS': ['000002NT', '000002NU'],
};

/**
 * A value for any cell: the recording where it has one, else a stable made-up number; a share is
 * made from the made-up counts, as data:build checks.
 */
function cellValue(table: string, codes: Record<string, string>): number {
  const parts = SHARE_PARTS[codes['ContentsCode'] ?? ''];
  if (table === 'TAB3200' && parts) {
    const [above, below] = parts.map((code) => cellValue(table, { ...codes, ContentsCode: code }));
    return Math.round(((above ?? 0) / (below ?? 1)) * 1000) / 10;
  }
  const real =
    table === 'TAB5557' && codes['Kon'] === 'TotSa' && population2025.get(`${codes['Region']}|${codes['Alder']}`);
  if (real) return real;
  return 100 + (((codes['Region'] ?? '').length * 7 + (codes['Tid'] ?? '').length) % 50);
}

let server: Server;
let origin = '';
let requests = 0;
const asked: string[] = [];

beforeAll(async () => {
  const codelist = readFileSync(join(root, 'data/raw/scb/kommungrupper/codelist.json'), 'utf8');
  server = createServer(async (request, response) => {
    requests++;
    const url = new URL(request.url ?? '/', origin);
    asked.push(`${request.method} ${url.pathname}`);
    const send = (status: number, json: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(typeof json === 'string' ? json : JSON.stringify(json));
    };
    if (requests > MAX_REQUESTS) return send(429, { title: 'too many requests in this test' });
    const table = /\/tables\/(TAB\d+)\/(metadata|data)$/.exec(url.pathname);
    if (url.pathname === '/api/v2/config') return send(200, recorded('config/config.json'));
    if (url.pathname.startsWith('/api/v2/codelists/')) return send(200, codelist);
    if (table && table[2] === 'metadata') return send(METADATA[table[1]!] ? 200 : 404, METADATA[table[1]!] ?? {});
    if (table && table[2] === 'data') {
      const cube = cubes.get(table[1]!) as JsonStatCube;
      const { selection } = JSON.parse(await body(request)) as {
        selection: { variableCode: string; valueCodes: string[] }[];
      };
      const asSelection = Object.fromEntries(selection.map((entry) => [entry.variableCode, entry.valueCodes]));
      return send(
        200,
        dataDocument(cube, table[1]!, asSelection, (codes) => cellValue(table[1]!, codes)),
      );
    }
    if (url.pathname.startsWith('/v3/kpi/'))
      return send(200, { values: [{ id: 'N03926', title: 'Långtidsarbetslöshet' }], count: 1 });
    if (url.pathname.startsWith('/v3/data/kpi/'))
      return send(200, {
        values: [
          {
            kpi: 'N03926',
            municipality: '2480',
            period: '2024',
            values: [{ gender: 'T', count: 1, status: '', value: 2.1, isdeleted: false }],
          },
        ],
        count: 1,
        next_url: null,
        previous_url: null,
      });
    return send(404, { title: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A project whose sources point at the local server and ask for the population and final BAS tables. */
function project(): string {
  const work = mkdtempSync(join(tmpdir(), 'fetch-e2e-'));
  mkdirSync(join(work, 'data'));
  symlinkSync(join(root, 'data/reference'), join(work, 'data/reference'));
  cpSync(join(root, 'data/config'), join(work, 'data/config'), { recursive: true });
  cpSync(join(root, 'data/exports'), join(work, 'data/exports'), { recursive: true });
  const path = join(work, 'data/config/sources.json');
  const sources = JSON.parse(readFileSync(path, 'utf8'));
  sources.scb.baseUrl = `${origin}/api/v2`;
  sources.scb.tables = sources.scb.tables.filter((table: { dataset: string }) => DATASETS.includes(table.dataset));
  sources.kolada.baseUrl = `${origin}/v3`;
  sources.kolada.fromYear = 2024;
  sources.kolada.kpis = sources.kolada.kpis.filter((kpi: { kpi: string }) => kpi.kpi === 'N03926');
  writeFileSync(path, JSON.stringify(sources));
  return work;
}

describe('data:fetch against a server answering in the real shapes', () => {
  it('fetches, keeps every response raw, and builds a snapshot with the real 2025 population', async () => {
    const work = project();
    const config = loadConfig(work);
    const quiet = { ...defaultHttpDeps, log: () => {} };
    await refreshRaw(config, quiet, {
      policy: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 10_000 },
      now: () => new Date('2026-11-20T06:00:00Z'),
    });
    expect(asked).toContain('GET /api/v2/codelists/agg_RegionKommungrupp2023-');
    expect(asked.filter((line) => line.startsWith('POST /api/v2/tables/TAB5557/data'))).toHaveLength(1);
    expect(requests).toBeLessThanOrEqual(MAX_REQUESTS);

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
    expect(snapshot.file('bas-slutlig')?.file.periods).toEqual(['2020', '2021', '2022', '2023', '2024']);
  });
});
