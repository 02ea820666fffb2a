/** Example population: TAB638 (`befolkning`) and the CKM table that succeeds it (`befolkning-ckm`). */
import { periodRange } from '../formats/period.ts';
import type { ProjectConfig } from '../config/load.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { population2064, SEED } from './models.ts';
import { hashUnit } from './random.ts';
import {
  EXAMPLE_RETRIEVED_AT,
  exampleTableId,
  KON_WITH_TOTAL,
  metadataDocument,
  SEX_OF,
  sumOver,
  writeExampleSearch,
  writeScbTable,
} from './scb-tables.ts';

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
