/**
 * A server on 127.0.0.1 that answers in SCB's and Kolada's shapes: `/config` as recorded, the
 * recorded metadata of TAB638, TAB5557 and TAB3200, data for whatever is asked (TAB5557 from the
 * recorded response wherever it covers the cells), SCB's kommungrupper code list and Kolada pages.
 * It answers a bounded number of requests; `behaviour` switches what it says (a new period, a
 * revision, shares that disagree with their counts, Kolada down) for the refresh tests.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataDocument } from '../../src/example/scb-tables.ts';
import { forEachCell, readJsonStat, type JsonStatCube } from '../../src/formats/jsonstat.ts';

const root = join(import.meta.dirname, '../..');
const recorded = (path: string) => {
  const json = JSON.parse(readFileSync(join(root, 'data/reference/scb-real', path), 'utf8'));
  return json.response ?? json;
};
export const MAX_REQUESTS = 60;
const DATASETS = ['befolkning', 'befolkning-ckm', 'bas-slutlig'];
const METADATA: Record<string, unknown> = {
  TAB638: recorded('TAB638/metadata.sv.pxweb.json'),
  TAB5557: recorded('TAB5557/metadata.sv.json'),
  TAB3200: recorded('TAB3200/metadata.sv.json'),
};
const cubes = new Map(Object.entries(METADATA).map(([id, json]) => [id, readJsonStat(json, { metadataOnly: true })]));

/** The recorded TAB5557 cells: kommun | age group → population 2025 (both sexes). */
export const population2025 = new Map<string, number>();
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

export interface Behaviour {
  /** Umeå's långtidsarbetslöshet (N03926) by year, as Kolada answers it. */
  kolada: Record<string, number>;
  /** SCB's shares off by a factor: the publisher check must stop the build. */
  shareFactor: number;
  /** Kolada answers 503 to everything: the fetch fails after SCB succeeded. */
  koladaDown: boolean;
}

/**
 * A value for any cell: the recording where it has one, else a stable made-up number; a share is
 * made from the made-up counts, as data:build checks.
 */
function cellValue(table: string, codes: Record<string, string>, behaviour: Behaviour): number {
  const parts = SHARE_PARTS[codes['ContentsCode'] ?? ''];
  if (table === 'TAB3200' && parts) {
    const [above, below] = parts.map((code) => cellValue(table, { ...codes, ContentsCode: code }, behaviour));
    return Math.round(((above ?? 0) / (below ?? 1)) * 1000 * behaviour.shareFactor) / 10;
  }
  const real =
    table === 'TAB5557' && codes['Kon'] === 'TotSa' && population2025.get(`${codes['Region']}|${codes['Alder']}`);
  if (real) return real;
  return 100 + (((codes['Region'] ?? '').length * 7 + (codes['Tid'] ?? '').length) % 50);
}

export interface FakeApis {
  origin: string;
  /** `METHOD /path` of every request since the last `reset()`. */
  asked: string[];
  behaviour: Behaviour;
  reset(): void;
  close(): Promise<void>;
  /** A project whose sources point at this server and ask for the population and final BAS tables. */
  project(): string;
}

export async function startFakeApis(): Promise<FakeApis> {
  const codelist = readFileSync(join(root, 'data/raw/scb/kommungrupper/codelist.json'), 'utf8');
  const apis: FakeApis = {
    origin: '',
    asked: [],
    behaviour: { kolada: { '2024': 2.1 }, shareFactor: 1, koladaDown: false },
    reset() {
      apis.asked.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    project: () => fakeProject(apis.origin),
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', apis.origin);
    apis.asked.push(`${request.method} ${url.pathname}`);
    const send = (status: number, json: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(typeof json === 'string' ? json : JSON.stringify(json));
    };
    if (apis.asked.length > MAX_REQUESTS) return send(429, { title: 'too many requests in this test' });
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
        dataDocument(cube, table[1]!, asSelection, (codes) => cellValue(table[1]!, codes, apis.behaviour)),
      );
    }
    if (url.pathname.startsWith('/v3/') && apis.behaviour.koladaDown) return send(503, { title: 'unavailable' });
    if (url.pathname.startsWith('/v3/kpi/'))
      return send(200, { values: [{ id: 'N03926', title: 'Långtidsarbetslöshet' }], count: 1 });
    // Kolada's real peer groups (as recorded), filtered by title as v3 filters them.
    if (url.pathname === '/v3/municipality_groups') {
      const title = url.searchParams.get('title') ?? '';
      const values = RECORDED_GROUPS.filter((group) => group.title.includes(title));
      return send(200, { values, count: values.length, next_url: null, previous_url: null });
    }
    if (url.pathname.startsWith('/v3/data/kpi/')) {
      const values = Object.entries(apis.behaviour.kolada).map(([period, value]) => ({
        kpi: 'N03926',
        municipality: '2480',
        period,
        values: [{ gender: 'T', count: 1, status: '', value, isdeleted: false }],
      }));
      return send(200, { values, count: values.length, next_url: null, previous_url: null });
    }
    return send(404, { title: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  apis.origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return apis;
}

const RECORDED_GROUPS: { title: string }[] = JSON.parse(
  readFileSync(join(root, 'data/reference/kolada-real/municipality-groups-liknande.json'), 'utf8'),
).data;

function fakeProject(origin: string): string {
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
