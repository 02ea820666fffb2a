/**
 * Example population: TAB638 (`befolkning`), the CKM table that succeeds it (`befolkning-ckm`), and
 * the same table's single years 15–29 (`befolkning-ckm-unga`): the age groups of two counts' rates and of a weight.
 */
import { periodRange } from '../formats/period.ts';
import type { ProjectConfig } from '../config/load.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { population2064, SEED } from './models.ts';
import { hashUnit } from './random.ts';
import {
  exampleTableId,
  metadataDocument,
  sumOver,
  writeRecordedData,
  writeScbData,
  writeScbMetadata,
  writeScbTable,
} from './scb-tables.ts';
import { forEachCell, readJsonStat } from '../formats/jsonstat.ts';
import type { Selection } from '../fetch/planner.ts';
import { POPULATION_2025_GROUPS, recording } from './reality.ts';

/**
 * A kommun's ages: how many 15–19 and 65–74 it has per person 20–64, and how its 20–64 spread over
 * the nine five-year groups (shares adding up to 1).
 */
interface AgeShape {
  young: number;
  old: number;
  working: number[];
}

const WORKING_GROUPS = ['20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64'];

/**
 * Each kommun's shape from its recorded 2025 five-year groups, so that the invented years up to
 * 2024 meet the real 2025 level in 15–74 as they already do in 20–64 (a flat guess put Umeå's
 * 15–74 at 106 190 in 2024 against 101 382 recorded in 2025), and a university town has its many
 * young adults in every year: the expected-value model reads the age structure of 20–64.
 */
function ageShapes(real: Map<string, number>, kommuner: string[]): Map<string, AgeShape> {
  const groups = (kommun: string, names: string[]) =>
    names.reduce((sum, name) => sum + (real.get(`${kommun}|${name}`) ?? 0), 0);
  return new Map(
    kommuner.flatMap((kommun) => {
      const base = groups(kommun, WORKING_GROUPS);
      if (base === 0) return [];
      const shape: AgeShape = {
        young: groups(kommun, ['15-19']) / base,
        old: groups(kommun, ['65-69', '70-74']) / base,
        working: WORKING_GROUPS.map((group) => groups(kommun, [group]) / base),
      };
      return [[kommun, shape]];
    }),
  );
}

/** Where a kommun's 2025 groups are not recorded: about the country's shape. */
const DEFAULT_SHAPE: AgeShape = { young: 0.1, old: 0.19, working: WORKING_GROUPS.map(() => 1 / 9) };

/** The example's population at one age (15–74), the same in TAB638 and in the table that succeeds it. */
function populationAtAge(kommun: string, sex: 'men' | 'women', age: number, year: number, shape: AgeShape): number {
  const working = population2064(kommun, sex, year);
  if (age < 20) return Math.round((working * shape.young) / 5);
  if (age > 64) return Math.round((working * shape.old) / 10);
  return Math.round((working * (shape.working[Math.floor((age - 20) / 5)] ?? 1 / 9)) / 5);
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
  const shapes = ageShapes(
    recordedGroups(recording(config.root, POPULATION_2025_GROUPS).response),
    config.registry.kommuner().map((kommun) => kommun.code),
  );
  writeScbTable(
    table,
    metadata,
    config,
    store,
    (codes, kommuner) => {
      const sex = codes['Kon'] === '1' ? 'men' : 'women';
      const age = Number(codes['Alder']);
      const year = Number(codes['Tid']);
      return sumOver(kommuner, (kommun) =>
        populationAtAge(kommun, sex, age, year, shapes.get(kommun) ?? DEFAULT_SHAPE),
      );
    },
    log,
  );
}

/**
 * TAB5557, SCB's population table with Cell Key Method protection from 2025, on its real metadata.
 * The recorded response (every kommun, both sexes together, five-year groups) goes in as real; the
 * rest of what a fetch would ask for (men and women per kommun, län and riket) is invented around
 * it, each cell with a little noise of its own, so parts need not add up to totals.
 */
export function writeBefolkningCkm(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  log: (message: string) => void,
): void {
  const { metadata, plan } = writeRecordedTab5557Metadata(table, config, store);
  const recorded = recording(config.root, POPULATION_2025_GROUPS);
  writeRecordedData(table, store, 'inspelad-kommuner-totalt', recorded);
  const real = recordedGroups(recorded.response);
  const [query] = plan.queries;
  if (!query) throw new Error('TAB5557: ingen fråga i sources.json');
  const total = table.sex.codes.total ?? '';
  const kommuner = new Set(config.registry.kommuner().map((kommun) => kommun.code));
  const regions = query.selection['Region'] ?? [];
  const sexes = query.selection['Kon'] ?? [];
  const selections: [string, Selection][] = [
    [
      'exempel-kommuner-kon',
      {
        ...query.selection,
        Region: regions.filter((code) => kommuner.has(code)),
        Kon: sexes.filter((sex) => sex !== total),
      },
    ],
    ['exempel-lan-riket', { ...query.selection, Region: regions.filter((code) => !kommuner.has(code)) }],
  ];
  for (const [name, selection] of selections) {
    writeScbData(table, metadata, config, store, name, selection, (codes, members) =>
      withCellNoise(
        codes,
        sumOver(members, (kommun) => real.get(`${kommun}|${codes['Alder']}`) ?? 0),
      ),
    );
    log(`  TAB5557: ${name}`);
  }
}

/**
 * TAB5557's single years 15–29 for every region and sex, all invented: a fifth of the kommun's
 * recorded five-year group per year of age, so the young add up (within the noise) to the real groups.
 */
export function writeBefolkningCkmYoung(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  log: (message: string) => void,
): void {
  const { metadata, plan } = writeRecordedTab5557Metadata(table, config, store);
  const real = recordedGroups(recording(config.root, POPULATION_2025_GROUPS).response);
  const [query] = plan.queries;
  if (!query) throw new Error(`${table.dataset}: ingen fråga i sources.json`);
  writeScbData(table, metadata, config, store, 'exempel-unga', query.selection, (codes, members) => {
    const age = Number(codes['Alder']);
    const group = `${age - (age % 5)}-${age - (age % 5) + 4}`;
    return withCellNoise(
      codes,
      sumOver(members, (kommun) => (real.get(`${kommun}|${group}`) ?? 0) / 5),
    );
  });
  log(`  TAB5557: exempel-unga`);
}

/** TAB5557's real recorded metadata, written as a fetch would, and the queries planned on it. */
function writeRecordedTab5557Metadata(table: ScbTable, config: ProjectConfig, store: RawStore) {
  const metadataRecording = recording(config.root, 'TAB5557/metadata.sv.json');
  return writeScbMetadata(table, metadataRecording.response, config, store, metadataRecording);
}

/** The recorded five-year groups of 2025 by `kommun|group`, both sexes together. */
function recordedGroups(response: unknown): Map<string, number> {
  const real = new Map<string, number>();
  const cube = readJsonStat(response);
  const axis = (id: string) => cube.dimensions.findIndex((dimension) => dimension.id === id);
  forEachCell(cube, (codes, value) => {
    if (value !== null) real.set(`${codes[axis('Region')]}|${codes[axis('Alder')]}`, value);
  });
  return real;
}

/** A sex's part of a both-sexes count, with a little noise of the cell's own as the Cell Key Method adds. */
function withCellNoise(codes: Record<string, string>, bothSexes: number): number {
  const share = { '1': 0.51, '2': 0.49 } as Record<string, number>;
  const noise = Math.floor(hashUnit(SEED, `ckm:${codes['Region']}:${codes['Alder']}:${codes['Kon']}`) * 5) - 2;
  return Math.max(0, Math.round(bothSexes * (share[codes['Kon'] ?? ''] ?? 1)) + noise);
}
