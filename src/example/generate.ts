/**
 * The example dataset: raw responses in SCB's JSON-stat2 and Kolada's v3 formats for every kommun,
 * written exactly where and how `data:fetch` would write real ones, plus example exports. Every
 * file's provenance says `example: true`, so every page built from it says so.
 */
import { planTable, selectionBody } from '../fetch/scb-selection.ts';
import type { JsonStatCube } from '../formats/jsonstat.ts';
import { readJsonStat } from '../formats/jsonstat.ts';
import { periodRange } from '../formats/period.ts';
import type { ProjectConfig } from '../config/load.ts';
import type { Region } from '../schemas/region.ts';
import type { ScbTable } from '../schemas/sources.ts';
import { planQueries, type Selection } from '../fetch/planner.ts';
import { chunk, MAX_IDS_PER_SEGMENT } from '../fetch/kolada.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import {
  AGE_BANDS,
  basCounts,
  BENEFITS,
  helarsekvivalenter,
  koladaValue,
  population2064,
  SEED,
  type Benefit,
} from './models.ts';
import { hashNormal, hashUnit } from './random.ts';

export const EXAMPLE_RETRIEVED_AT = '2026-11-20T06:00:00Z';
export const EXAMPLE_LIMITS = { maxDataCells: 150000, maxCallsPerTimeWindow: 30, timeWindow: 10 };

const encoder = new TextEncoder();

interface DimensionSpec {
  id: string;
  label: string;
  codes: [string, string][];
  units?: Record<string, { base: string; decimals: number }>;
}

export function metadataDocument(table: string, label: string, dimensions: DimensionSpec[]): Record<string, unknown> {
  return {
    version: '2.0',
    class: 'dataset',
    label,
    source: 'SCB (exempeldata)',
    updated: EXAMPLE_RETRIEVED_AT,
    role: { time: ['Tid'], geo: ['Region'], metric: ['ContentsCode'] },
    id: dimensions.map((dimension) => dimension.id),
    size: dimensions.map((dimension) => dimension.codes.length),
    dimension: Object.fromEntries(
      dimensions.map((dimension) => [
        dimension.id,
        {
          label: dimension.label,
          category: {
            index: Object.fromEntries(dimension.codes.map(([code], index) => [code, index])),
            label: Object.fromEntries(dimension.codes),
            ...(dimension.units ? { unit: dimension.units } : {}),
          },
        },
      ]),
    ),
    extension: { px: { tableid: table, language: 'sv' } },
    value: [],
  };
}

/** A data response for one selection, values from `valueOf(codes by dimension id)`. */
export function dataDocument(
  metadata: JsonStatCube,
  label: string,
  selection: Selection,
  valueOf: (codes: Record<string, string>) => number | null,
): string {
  // Eliminated variables are absent from the selection and from the response, as SCB answers.
  const dimensions = metadata.dimensions.filter((dimension) => dimension.id in selection);
  const ids = dimensions.map((dimension) => dimension.id);
  const lists = ids.map((id) => selection[id] ?? []);
  const values: (number | null)[] = [];
  const status: Record<string, string> = {};
  const counters = lists.map(() => 0);
  const total = lists.reduce((product, list) => product * list.length, 1);
  for (let index = 0; index < total; index++) {
    const codes = Object.fromEntries(ids.map((id, axis) => [id, lists[axis]?.[counters[axis] ?? 0] ?? '']));
    const value = valueOf(codes);
    values.push(value);
    if (value === null) status[String(index)] = '..';
    for (let axis = lists.length - 1; axis >= 0; axis--) {
      counters[axis] = (counters[axis] ?? 0) + 1;
      if ((counters[axis] ?? 0) < (lists[axis]?.length ?? 0)) break;
      counters[axis] = 0;
    }
  }
  const dimension = Object.fromEntries(
    dimensions.map((dim) => [
      dim.id,
      {
        label: dim.label,
        category: {
          index: Object.fromEntries((selection[dim.id] ?? []).map((code, index) => [code, index])),
          label: Object.fromEntries((selection[dim.id] ?? []).map((code) => [code, dim.labels.get(code) ?? code])),
          ...(dim.units.size > 0
            ? { unit: Object.fromEntries((selection[dim.id] ?? []).map((code) => [code, dim.units.get(code)])) }
            : {}),
        },
      },
    ]),
  );
  return JSON.stringify({
    version: '2.0',
    class: 'dataset',
    label,
    source: 'SCB (exempeldata)',
    updated: EXAMPLE_RETRIEVED_AT,
    role: metadata.roles,
    id: ids,
    size: lists.map((list) => list.length),
    dimension,
    value: values,
    ...(Object.keys(status).length > 0 ? { status } : {}),
  });
}

function sumOver(kommuner: string[], one: (kommun: string) => number): number {
  let sum = 0;
  for (const kommun of kommuner) sum += one(kommun);
  return sum;
}

/** Kommuner a region code stands for: itself, its län's kommuner, or all of them. */
function kommunerOf(code: string, kommuner: Region[]): string[] {
  if (code === '00') return kommuner.map((region) => region.code);
  if (code.length === 2) return kommuner.filter((region) => region.lan === code).map((region) => region.code);
  return [code];
}

/** Placeholder ids for the tables a real fetch finds by search (their ids are not known here). */
const EXAMPLE_FOUND_IDS: Record<string, string> = {
  'befolkning-ckm': 'TAB0000',
  'bas-slutlig': 'TAB0002',
  'bas-kvartal': 'TAB0004',
};

/** The example's id for a table: the pinned one, or a placeholder for a table found by search online. */
export function exampleTableId(table: ScbTable): string {
  const id = table.table ?? EXAMPLE_FOUND_IDS[table.dataset];
  if (!id) throw new Error(`Exemplet har inget tabell-id för ${table.dataset}; lägg till det i EXAMPLE_FOUND_IDS`);
  return id;
}

function writeScbTable(
  table: ScbTable,
  metadataDoc: Record<string, unknown>,
  config: ProjectConfig,
  store: RawStore,
  valueOf: (codes: Record<string, string>, kommuner: string[]) => number | null,
  log: (message: string) => void,
): void {
  const tableId = exampleTableId(table);
  const metadataBytes = encoder.encode(JSON.stringify(metadataDoc));
  const base = config.sources.scb.baseUrl;
  const lang = config.sources.scb.lang;
  store.write(`scb/${table.dataset}/metadata.json`, metadataBytes, {
    source: 'scb',
    url: `${base}/tables/${tableId}/metadata?lang=${lang}&outputFormat=json-stat2`,
    query: null,
    retrievedAt: EXAMPLE_RETRIEVED_AT,
    example: true,
  });
  const metadata = readJsonStat(JSON.parse(new TextDecoder().decode(metadataBytes)), { metadataOnly: true });
  const plan = planTable(table, metadata, config.registry, tableId);
  store.recordContentCodes(
    tableId,
    Object.fromEntries(table.contents.items.map((item, index) => [item.label, plan.contentCodes[index] ?? ''])),
  );
  store.recordValueCodes(table.dataset, plan.valueCodes);
  if (table.table === null) store.recordTable(table.dataset, tableId);
  const kommuner = config.registry.kommuner();
  const cache = new Map<string, string[]>();
  let call = 0;
  for (const query of plan.queries) {
    for (const selection of planQueries(query.selection, EXAMPLE_LIMITS.maxDataCells, plan.dimensionOrder)) {
      call++;
      const document = dataDocument(metadata, table.title, selection, (codes) => {
        const region = codes[table.geo.variable] ?? '';
        let members = cache.get(region);
        if (!members) {
          members = kommunerOf(region, kommuner);
          cache.set(region, members);
        }
        return valueOf(codes, members);
      });
      store.write(
        `scb/${table.dataset}/${query.name}-${String(call).padStart(3, '0')}.json`,
        encoder.encode(document),
        {
          source: 'scb',
          url: `${base}/tables/${tableId}/data?lang=${lang}&outputFormat=json-stat2`,
          query: selectionBody(selection),
          retrievedAt: EXAMPLE_RETRIEVED_AT,
          example: true,
        },
      );
      log(`  ${tableId}: exempelsvar ${call}`);
    }
  }
}

/** Kon as TAB1386 and TAB6260 code it. */
const KON_WITH_TOTAL: [string, string][] = [
  ['1', 'män'],
  ['2', 'kvinnor'],
  ['1+2', 'totalt'],
];

const SEX_OF: Record<string, ('men' | 'women')[]> = { '1': ['men'], '2': ['women'], '1+2': ['men', 'women'] };

function monthOf(code: string): { year: number; month: number } {
  return { year: Number(code.slice(0, 4)), month: Number(code.slice(5)) };
}

export function writeHelarsekvivalenter(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  log: (message: string) => void,
): void {
  const regions = config.registry.all.filter((region) => region.level !== 'lan');
  const contentCodes: [string, string][] = [
    ['0000018A', 'Sjukpenning'],
    ['0000018B', 'Sjuk- och aktivitetsersättnig'],
    ['0000018C', 'Arbetslöshetsersättning'],
    ['0000018D', 'Arbetsmarknadsåtgärder'],
    ['0000018E', 'Ekonomiskt bistånd'],
    ['0000018F', 'Etableringsersättning'],
    ['0000018G', 'Summa helårsekvivalenter'],
    ['0000018H', 'Folkmängd'],
    ['0000018I', 'Andel av befolkningen'],
  ];
  const benefitByCode = new Map<string, Benefit | 'summa' | 'folkmangd'>([
    ['0000018A', 'sjukpenning'],
    ['0000018B', 'sjuk-och-aktivitetsersattning'],
    ['0000018C', 'arbetsloshetsersattning'],
    ['0000018D', 'arbetsmarknadsatgarder'],
    ['0000018E', 'ekonomiskt-bistand'],
    ['0000018F', 'etableringsersattning'],
    ['0000018G', 'summa'],
    ['0000018H', 'folkmangd'],
  ]);
  const metadata = metadataDocument(exampleTableId(table), table.title, [
    { id: 'Region', label: 'region', codes: regions.map((region) => [region.code, region.name]) },
    {
      id: 'Kon',
      label: 'kön',
      codes: KON_WITH_TOTAL,
    },
    {
      id: 'Aldersgrupp',
      label: 'åldersgrupp',
      codes: [
        ['20-64', '20–64 år'],
        ['20-65', '20–65 år'],
      ],
    },
    {
      id: 'ContentsCode',
      label: 'tabellinnehåll',
      codes: contentCodes,
      units: Object.fromEntries(
        contentCodes.map(([code]) => [
          code,
          { base: code === '0000018I' ? 'procent' : 'antal', decimals: code === '0000018I' ? 1 : 0 },
        ]),
      ),
    },
    { id: 'Tid', label: 'månad', codes: periodRange('2014M01', '2026M06').map((code) => [code, code]) },
  ]);
  const kommunValue = (
    kommun: string,
    sexes: ('men' | 'women')[],
    what: Benefit | 'summa' | 'folkmangd',
    year: number,
    month: number,
  ): number =>
    sumOver(sexes, (sex) => {
      if (what === 'folkmangd') return population2064(kommun, sex as 'men' | 'women', year);
      const benefits = what === 'summa' ? BENEFITS : [what];
      return sumOver([...benefits], (benefit) =>
        Math.round(helarsekvivalenter(kommun, sex as 'men' | 'women', benefit as Benefit, year, month)),
      );
    });
  writeScbTable(
    table,
    metadata,
    config,
    store,
    (codes, kommuner) => {
      const what = benefitByCode.get(codes['ContentsCode'] ?? '');
      const sexes = SEX_OF[codes['Kon'] ?? ''];
      if (!what || !sexes) return null;
      const { year, month } = monthOf(codes['Tid'] ?? '');
      return sumOver(kommuner, (kommun) => kommunValue(kommun, sexes, what, year, month));
    },
    log,
  );
}

export function writeBas(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  log: (message: string) => void,
): void {
  const contents: [string, string][] = [
    ['000006HI', 'antal sysselsatta'],
    ['000004YH', 'antal arbetslösa'],
    ['000006IU', 'antal sysselsatta och arbetslösa (arbetskraften)'],
    ['000006IE', 'antal studerande'],
    ['000006IF', 'antal pensionärer'],
    ['000006IG', 'antal sjuka'],
    ['000006IH', 'antal övriga'],
    ['000006I8', 'totalt antal'],
    ['000006II', 'arbetslöshet'],
    ['000006IJ', 'arbetskraftsdeltagande'],
    ['000006IK', 'sysselsättningsgrad'],
  ];
  const statusByCode = new Map([
    ['000006HI', 'sysselsatta'],
    ['000004YH', 'arbetslosa'],
    ['000006IU', 'arbetskraften'],
    ['000006I8', 'totalt'],
  ] as const);
  const ages: [string, string][] = [
    ...AGE_BANDS.map((band): [string, string] => [band, `${band.replace(/^0/, '').replace('-', '–')} år`]),
    ['15-74', '15–74 år'],
    ['16-64', '16–64 år'],
    ['20-64', '20–64 år'],
    ['20-65', '20–65 år'],
  ];
  const metadata = metadataDocument(exampleTableId(table), table.title, [
    { id: 'Region', label: 'region', codes: config.registry.all.map((region) => [region.code, region.name]) },
    {
      id: 'Kon',
      label: 'kön',
      codes: KON_WITH_TOTAL,
    },
    { id: 'Alder', label: 'ålder', codes: ages },
    {
      id: 'Fodelseregion',
      label: 'födelseregion',
      codes: [
        ['tot', 'totalt'],
        ['in', 'inrikes född'],
        ['ut', 'utrikes född'],
      ],
    },
    {
      id: 'ContentsCode',
      label: 'tabellinnehåll',
      codes: contents,
      units: Object.fromEntries(
        contents.map(([code]) => [
          code,
          {
            base: code.endsWith('II') || code.endsWith('IJ') || code.endsWith('IK') ? 'procent' : 'antal',
            decimals: code.endsWith('II') || code.endsWith('IJ') || code.endsWith('IK') ? 1 : 0,
          },
        ]),
      ),
    },
    { id: 'Tid', label: 'månad', codes: periodRange('2020M01', '2026M09').map((code) => [code, code]) },
  ]);
  const bandsOf = (age: string): number[] => {
    if (age === '15-74') return AGE_BANDS.map((_, index) => index);
    if (age === '20-64') return [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const index = AGE_BANDS.indexOf(age as (typeof AGE_BANDS)[number]);
    return index >= 0 ? [index] : [];
  };
  writeScbTable(
    table,
    metadata,
    config,
    store,
    (codes, kommuner) => {
      const status = statusByCode.get(codes['ContentsCode'] as never);
      const sexes = SEX_OF[codes['Kon'] ?? ''];
      const bands = bandsOf(codes['Alder'] ?? '');
      if (!status || !sexes || bands.length === 0) return null;
      const { year, month } = monthOf(codes['Tid'] ?? '');
      return sumOver(kommuner, (kommun) =>
        sumOver(sexes, (sex) =>
          sumOver(
            bands.map(String),
            (band) => basCounts(kommun, sex as 'men' | 'women', Number(band), year, month)[status],
          ),
        ),
      );
    },
    log,
  );
}

const KPI_MODELS: Record<string, { level: number; spread: number; trend: number; title: string }> = {
  N31807: {
    level: 4.2,
    spread: 0.3,
    trend: -0.08,
    title: 'Invånare som någon gång under året erhållit ekonomiskt bistånd, andel (%)',
  },
  N31816: {
    level: 1.4,
    spread: 0.35,
    trend: -0.03,
    title: 'Vuxna biståndsmottagare med långvarigt ekonomiskt bistånd, andel (%) av befolkningen',
  },
  N03926: { level: 2.6, spread: 0.3, trend: -0.05, title: 'Långtidsarbetslöshet 25-64 år, andel (%) av befolkningen' },
  N00957: { level: 27, spread: 0.15, trend: -0.6, title: 'Ohälsotal, dagar' },
  N00914: { level: 79, spread: 0.05, trend: 0.2, title: 'Förvärvsarbetande invånare 20-64 år, andel (%)' },
};

export function writeKolada(config: ProjectConfig, store: RawStore, toYear: number): void {
  const { baseUrl, fromYear, perPage } = config.sources.kolada;
  const kpis = config.sources.kolada.kpis
    .map((kpi) => kpi.kpi)
    .filter((kpi): kpi is string => kpi !== null && kpi in KPI_MODELS);
  store.write(
    'kolada/kpi-metadata.json',
    encoder.encode(
      JSON.stringify({
        count: kpis.length,
        values: kpis.map((id) => ({
          id,
          title: KPI_MODELS[id]?.title ?? id,
          is_divided_by_gender: true,
          municipality_type: 'K',
          operating_area: 'Exempel',
        })),
      }),
    ),
    {
      source: 'kolada',
      url: `${baseUrl}/kpi/${kpis.join(',')}`,
      query: null,
      retrievedAt: EXAMPLE_RETRIEVED_AT,
      example: true,
    },
  );
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, index) => fromYear + index);
  const kommuner = config.registry.kommuner();
  const ids = config.registry.all.map((region) =>
    region.level === 'riket' ? '0000' : region.level === 'lan' ? `00${region.code}` : region.code,
  );
  for (const kpiChunk of chunk(kpis, MAX_IDS_PER_SEGMENT)) {
    const items = kpiChunk.flatMap((kpi) =>
      years.flatMap((year) =>
        ids.map((id) => {
          const members =
            id === '0000'
              ? kommuner.map((region) => region.code)
              : id.startsWith('00')
                ? kommunerOf(id.slice(2), kommuner)
                : [id];
          const model = KPI_MODELS[kpi] as { level: number; spread: number; trend: number };
          const value = (gender: 'T' | 'K' | 'M') =>
            Math.round(
              (sumOver(members, (kommun) =>
                koladaValue(kpi, kommun, year, gender, model.level, model.spread, model.trend),
              ) /
                members.length) *
                10,
            ) / 10;
          const hidden =
            id.length === 4 &&
            !id.startsWith('00') &&
            population2064(id, 'men', year) < 1000 &&
            isHiddenInExample(kpi, id, year);
          return {
            kpi,
            municipality: id,
            period: year,
            values: (['T', 'K', 'M'] as const).map((gender) => ({
              gender,
              count: 1,
              status: hidden ? 'Uppgift saknas' : '',
              value: hidden ? null : value(gender),
            })),
          };
        }),
      ),
    );
    const pages = chunk(items, perPage);
    pages.forEach((values, index) => {
      const url = `${baseUrl}/data/kpi/${kpiChunk.join(',')}/year/${years.join(',')}?per_page=${perPage}${index > 0 ? `&page=${index + 1}` : ''}`;
      const next =
        index + 1 < pages.length
          ? `${baseUrl}/data/kpi/${kpiChunk.join(',')}/year/${years.join(',')}?per_page=${perPage}&page=${index + 2}`
          : null;
      const body = { values, count: items.length, next_url: next, previous_url: index > 0 ? url : null };
      store.write(
        `kolada/${kpiChunk[0]}-${years[0]}-page-${String(index + 1).padStart(3, '0')}.json`,
        encoder.encode(JSON.stringify(body)),
        {
          source: 'kolada',
          url,
          query: null,
          retrievedAt: EXAMPLE_RETRIEVED_AT,
          example: true,
        },
      );
    });
  }
}

function isHiddenInExample(kpi: string, id: string, year: number): boolean {
  return (kpi.charCodeAt(5) + Number(id) + year) % 7 === 0;
}

/** The example's population at one age (15–74), the same in TAB638 and in the table that succeeds it. */
function populationAtAge(kommun: string, sex: 'men' | 'women', age: number, year: number): number {
  const weight = age < 20 ? 0.9 : age > 64 ? 0.85 : 1;
  return Math.round((population2064(kommun, sex, year) / 45) * weight);
}

/** TAB638-shaped population by single year of age 15–74 and sex, 31 December 2014–2024; Civilstånd eliminated as a real query would. */
export function writeBefolkning(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  log: (message: string) => void,
): void {
  const ages = Array.from({ length: 101 }, (_, age): [string, string] => [String(age), `${age} år`]);
  ages.push(['100+', '100+ år'], ['tot', 'totalt ålder']);
  const metadata = metadataDocument(exampleTableId(table), table.title, [
    { id: 'Region', label: 'region', codes: config.registry.all.map((region) => [region.code, region.name]) },
    {
      id: 'Civilstand',
      label: 'civilstånd',
      codes: [
        ['OG', 'ogifta'],
        ['G', 'gifta'],
        ['SK', 'skilda'],
        ['ÄNKL', 'änkor/änklingar'],
      ],
    },
    { id: 'Alder', label: 'ålder', codes: ages },
    {
      id: 'Kon',
      label: 'kön',
      codes: [
        ['1', 'män'],
        ['2', 'kvinnor'],
      ],
    },
    {
      id: 'ContentsCode',
      label: 'tabellinnehåll',
      codes: [
        ['BE0101N1', 'Folkmängd'],
        ['BE0101N2', 'Folkökning'],
      ],
      units: { BE0101N1: { base: 'antal', decimals: 0 }, BE0101N2: { base: 'antal', decimals: 0 } },
    },
    { id: 'Tid', label: 'år', codes: periodRange('2014', '2024').map((code) => [code, code]) },
  ]);
  // PxWeb may leave out Civilstånd (it is eliminable) and sum over it.
  ((metadata['dimension'] as Record<string, Record<string, unknown>>)['Civilstand'] as Record<string, unknown>)[
    'extension'
  ] = { elimination: true };
  writeScbTable(
    table,
    metadata,
    config,
    store,
    (codes, kommuner) => {
      const sex = codes['Kon'] === '1' ? 'men' : 'women';
      return sumOver(kommuner, (kommun) => populationAtAge(kommun, sex, Number(codes['Alder']), Number(codes['Tid'])));
    },
    log,
  );
}

/** The answer of `GET /tables?query=…` (PxWebApi 2.0 TablesResponse, one page) that finds a table of the example. */
function writeExampleSearch(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  tables: Record<string, unknown>[],
): void {
  const { baseUrl, lang } = config.sources.scb;
  const search = {
    language: lang,
    tables,
    page: { pageNumber: 1, pageSize: 100, totalElements: tables.length, totalPages: 1, links: [] },
    links: [],
  };
  store.write(`scb/${table.dataset}/search-001.json`, encoder.encode(JSON.stringify(search)), {
    source: 'scb',
    url: `${baseUrl}/tables?query=${encodeURIComponent(table.find?.query ?? '')}&lang=${lang}&pageSize=100&pageNumber=1`,
    query: null,
    retrievedAt: EXAMPLE_RETRIEVED_AT,
    example: true,
  });
}

/**
 * The population table with Cell Key Method noise that succeeds TAB638 from 2025, as a search
 * would find it: totals published directly for the age bands and both sexes, each cell with its
 * own small noise, so men and women need not add up to the total.
 */
export function writeBefolkningCkm(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  log: (message: string) => void,
): void {
  const tableId = exampleTableId(table);
  writeExampleSearch(table, config, store, [
    {
      type: 'Table',
      id: tableId,
      label: table.title,
      updated: EXAMPLE_RETRIEVED_AT,
      firstPeriod: '2025',
      lastPeriod: '2025',
      discontinued: false,
      source: 'SCB',
    },
    {
      type: 'Table',
      id: 'TAB0001',
      label: 'Folkmängden per månad efter region, ålder och kön (exempel)',
      updated: EXAMPLE_RETRIEVED_AT,
      firstPeriod: '2025M01',
      lastPeriod: '2026M09',
      discontinued: false,
      source: 'SCB',
    },
  ]);
  const metadata = metadataDocument(tableId, table.title, [
    { id: 'Region', label: 'region', codes: config.registry.all.map((region) => [region.code, region.name]) },
    {
      id: 'Alder',
      label: 'ålder',
      codes: [
        ['tot', 'totalt ålder'],
        ['15-74', '15–74 år'],
        ['20-64', '20–64 år'],
      ],
    },
    { id: 'Kon', label: 'kön', codes: KON_WITH_TOTAL },
    {
      id: 'ContentsCode',
      label: 'tabellinnehåll',
      codes: [['000000CK', 'Folkmängd']],
      units: { '000000CK': { base: 'antal', decimals: 0 } },
    },
    { id: 'Tid', label: 'år', codes: [['2025', '2025']] },
  ]);
  writeScbTable(
    table,
    metadata,
    config,
    store,
    (codes, kommuner) => {
      const year = Number(codes['Tid']);
      const [from, to] = (codes['Alder'] ?? '').split('-').map(Number) as [number, number];
      const band = (kommun: string, sex: 'men' | 'women') => {
        let sum = 0;
        for (let age = from; age <= to; age++) sum += populationAtAge(kommun, sex, age, year);
        return sum;
      };
      const exact = sumOver(kommuner, (kommun) =>
        (SEX_OF[codes['Kon'] ?? ''] ?? []).reduce((sum, sex) => sum + band(kommun, sex), 0),
      );
      const noise =
        Math.floor(hashUnit(SEED, `ckm:${codes['Region']}:${codes['Alder']}:${codes['Kon']}:${year}`) * 5) - 2;
      return Math.max(0, exact + noise);
    },
    log,
  );
}

/** How the example's BAS tables found by search (quarterly preliminary, yearly final) differ. */
const FOUND_BAS: Record<
  string,
  {
    folder: [string, string];
    periods: string[];
    counts: (kommun: string, sex: 'men' | 'women', band: number, period: string) => ReturnType<typeof basCounts>;
  }
> = {
  // Final yearly figures: the October counts of the monthly model, revised a little, as final figures are.
  'bas-slutlig': {
    folder: ['AM0210D', 'Slutliga uppgifter'],
    periods: periodRange('2020', '2025'),
    counts: (kommun, sex, band, period) => {
      const october = basCounts(kommun, sex, band, Number(period), 10);
      const revised = (value: number, what: string) =>
        Math.round(value * (1 + 0.003 * hashNormal(SEED, `bas-final:${kommun}:${sex}:${band}:${what}:${period}`)));
      const arbetskraften = revised(october.arbetskraften, 'ak');
      const arbetslosa = Math.min(arbetskraften, revised(october.arbetslosa, 'al'));
      return {
        totalt: revised(october.totalt, 'tot'),
        arbetskraften,
        arbetslosa,
        sysselsatta: arbetskraften - arbetslosa,
      };
    },
  },
  // Quarterly preliminary figures: the middle month of the quarter.
  'bas-kvartal': {
    folder: ['AM0210A', 'Preliminära uppgifter'],
    periods: periodRange('2020K1', '2026K2'),
    counts: (kommun, sex, band, period) =>
      basCounts(kommun, sex, band, Number(period.slice(0, 4)), Number(period.slice(5)) * 3 - 1),
  },
};

/**
 * A BAS table as a search for `AM0210` finds it among SCB's folders: the search answer, then the
 * table with the age bands and both sexes published directly.
 */
export function writeBasFound(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  log: (message: string) => void,
): void {
  const model = FOUND_BAS[table.dataset];
  if (!model) throw new Error(`Ingen exempelmodell för ${table.dataset}`);
  const tableId = exampleTableId(table);
  const folder = (id: string, label: string) => [
    { id: 'AM', label: 'Arbetsmarknad' },
    { id: 'AM0210', label: 'Befolkningens arbetsmarknadsstatus' },
    { id, label },
  ];
  writeExampleSearch(table, config, store, [
    {
      type: 'Table',
      id: 'TAB6260',
      label: 'Befolkningens arbetsmarknadsstatus efter månad',
      firstPeriod: '2020M01',
      lastPeriod: '2026M09',
      discontinued: false,
      paths: [folder('AM0210A', 'Preliminära uppgifter')],
    },
    ...Object.keys(FOUND_BAS).map((dataset) => {
      const other = FOUND_BAS[dataset]!;
      return {
        type: 'Table',
        id: EXAMPLE_FOUND_IDS[dataset],
        label: `Befolkningens arbetsmarknadsstatus (${dataset}, exempel)`,
        firstPeriod: other.periods[0],
        lastPeriod: other.periods.at(-1),
        discontinued: false,
        paths: [folder(...other.folder)],
      };
    }),
  ]);
  const contents: [string, string, keyof ReturnType<typeof basCounts>][] = [
    ['00000ES1', 'antal sysselsatta', 'sysselsatta'],
    ['00000ES2', 'antal arbetslösa', 'arbetslosa'],
    ['00000ES3', 'antal sysselsatta och arbetslösa (arbetskraften)', 'arbetskraften'],
    ['00000ES4', 'totalt antal', 'totalt'],
  ];
  const metadata = metadataDocument(tableId, table.title, [
    { id: 'Region', label: 'region', codes: config.registry.all.map((region) => [region.code, region.name]) },
    { id: 'Kon', label: 'kön', codes: KON_WITH_TOTAL },
    {
      id: 'Alder',
      label: 'ålder',
      codes: [
        ['15-74', '15–74 år'],
        ['20-64', '20–64 år'],
      ],
    },
    {
      id: 'ContentsCode',
      label: 'tabellinnehåll',
      codes: contents.map(([code, label]) => [code, label]),
      units: Object.fromEntries(contents.map(([code]) => [code, { base: 'antal', decimals: 0 }])),
    },
    { id: 'Tid', label: 'tid', codes: model.periods.map((code) => [code, code]) },
  ]);
  const bands = { '15-74': AGE_BANDS.map((_, index) => index), '20-64': [1, 2, 3, 4, 5, 6, 7, 8, 9] } as Record<
    string,
    number[]
  >;
  writeScbTable(
    table,
    metadata,
    config,
    store,
    (codes, kommuner) => {
      const status = contents.find(([code]) => code === codes['ContentsCode'])?.[2];
      const sexes = SEX_OF[codes['Kon'] ?? ''];
      const ages = bands[codes['Alder'] ?? ''];
      if (!status || !sexes || !ages) return null;
      return sumOver(kommuner, (kommun) =>
        sumOver(sexes, (sex) =>
          sumOver(
            ages.map(String),
            (band) => model.counts(kommun, sex as 'men' | 'women', Number(band), codes['Tid'] ?? '')[status],
          ),
        ),
      );
    },
    log,
  );
}
