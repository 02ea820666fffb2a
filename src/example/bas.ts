/** Example BAS: the monthly table (dataset `bas`) and the quarterly and final yearly ones found by search. */
import { periodRange } from '../formats/period.ts';
import type { ProjectConfig } from '../config/load.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { AGE_BANDS, basCounts, SEED } from './models.ts';
import { hashNormal } from './random.ts';
import { recording } from './reality.ts';
import {
  exampleTableId,
  KON_WITH_TOTAL,
  metadataDocument,
  monthOf,
  SEX_OF,
  sumOver,
  writeScbTable,
} from './scb-tables.ts';

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

/** How the example's BAS tables found by search (quarterly preliminary, yearly final) differ. */
const FOUND_BAS: Record<
  string,
  {
    periods: string[];
    counts: (kommun: string, sex: 'men' | 'women', band: number, period: string) => ReturnType<typeof basCounts>;
  }
> = {
  // Final yearly figures: the October counts of the monthly model, revised a little, as final figures are.
  'bas-slutlig': {
    periods: periodRange('2020', '2024'),
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
    periods: periodRange('2020K1', '2026K2'),
    counts: (kommun, sex, band, period) =>
      basCounts(kommun, sex, band, Number(period.slice(0, 4)), Number(period.slice(5)) * 3 - 1),
  },
};

/**
 * BAS's quarterly preliminary (TAB6261) and final yearly (TAB3200) tables. TAB3200's metadata is a
 * real recording, so the example asks for exactly what a fetch would; TAB6261's metadata is not in
 * reach, so it is invented with the labels of the same family (its codes are found by label online).
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
