/** Example BAS: the monthly table (dataset `bas`) and the quarterly and final yearly ones found by search. */
import { periodRange } from '../formats/period.ts';
import type { ProjectConfig } from '../config/load.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { AGE_BANDS, basCounts, type BasCounts } from './models.ts';
import { recording } from './reality.ts';
import {
  exampleTableId,
  KON_WITH_TOTAL,
  metadataDocument,
  monthOf,
  publishedShare,
  SEX_OF,
  sumOver,
  writeScbTable,
} from './scb-tables.ts';

type BasStatus = keyof BasCounts;

/** SCB's own shares in TAB6260 and TAB3200: content code → [numerator, denominator]. */
const SHARES: Record<string, [BasStatus, BasStatus]> = {
  '000006II': ['arbetslosa', 'arbetskraften'],
  '000006IJ': ['arbetskraften', 'totalt'],
  '000006IK': ['sysselsatta', 'totalt'],
  '000002NN': ['arbetslosa', 'arbetskraften'],
  '000002NS': ['sysselsatta', 'totalt'],
};

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
    ['000006I8', 'antal totalt'],
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
  // A län or riket cell sums every kommun's counts, and each share reads two counts: made once each.
  const made = new Map<string, BasCounts>();
  const countsOf = (kommun: string, sex: string, band: number, year: number, month: number): BasCounts => {
    const key = `${kommun}|${sex}|${band}|${year}|${month}`;
    let counts = made.get(key);
    if (!counts) {
      counts = basCounts(kommun, sex as 'men' | 'women', band, year, month);
      made.set(key, counts);
    }
    return counts;
  };
  writeScbTable(
    table,
    metadata,
    config,
    store,
    (codes, kommuner) => {
      const sexes = SEX_OF[codes['Kon'] ?? ''];
      const bands = bandsOf(codes['Alder'] ?? '');
      if (!sexes || bands.length === 0) return null;
      const { year, month } = monthOf(codes['Tid'] ?? '');
      const count = (status: BasStatus) =>
        sumOver(kommuner, (kommun) =>
          sumOver(sexes, (sex) => sumOver(bands, (band) => countsOf(kommun, sex, band, year, month)[status])),
        );
      const content = codes['ContentsCode'] ?? '';
      const share = SHARES[content];
      if (share) return publishedShare(count(share[0]), count(share[1]));
      const status = statusByCode.get(content as never);
      return status ? count(status) : null;
    },
    log,
  );
}

/** How the example's BAS table found by search (quarterly preliminary) is made. */
const FOUND_BAS: Record<
  string,
  {
    periods: string[];
    counts: (kommun: string, sex: 'men' | 'women', band: number, period: string) => ReturnType<typeof basCounts>;
  }
> = {
  // Quarterly preliminary figures: the middle month of the quarter.
  'bas-kvartal': {
    periods: periodRange('2020K1', '2026K2'),
    counts: (kommun, sex, band, period) =>
      basCounts(kommun, sex, band, Number(period.slice(0, 4)), Number(period.slice(5)) * 3 - 1),
  },
};

/**
 * BAS's quarterly preliminary table (TAB6261). Its metadata is not in reach, so it is invented with
 * the labels of the same family (its codes are found by label online).
 */
export function writeBasFound(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  log: (message: string) => void,
): void {
  const model = FOUND_BAS[table.dataset];
  if (!model) throw new Error(`Ingen exempelmodell för ${table.dataset}`);
  const recorded = table.table === 'TAB3200' ? recording(config.root, 'TAB3200/metadata.sv.json') : null;
  const contents: [string, string][] = [
    ['00000ES1', 'antal sysselsatta'],
    ['00000ES2', 'antal arbetslösa'],
    ['00000ES3', 'antal sysselsatta och arbetslösa (arbetskraften)'],
    ['00000ES4', 'antal totalt'],
  ];
  const metadata =
    recorded?.response ??
    metadataDocument(exampleTableId(table), table.title, [
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
        codes: contents,
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
    (codes, kommuner, item) => {
      const status = item?.breakdown['status'] as keyof ReturnType<typeof basCounts> | undefined;
      const sexes = SEX_OF[codes['Kon'] ?? ''];
      const ages = bands[codes['Alder'] ?? ''];
      if (!status || !sexes || !ages || !model.periods.includes(codes['Tid'] ?? '')) return null;
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
    recorded,
  );
}
