/**
 * TAB3981 (population 16–74 by region, level of education, age and sex) on the table's real codes,
 * as aniisabihi/atlas290 recorded its metadata on 2026-09-14: Alder 16…74 and `tot16-74`,
 * UtbildningsNiva `1`…`7` and `US`, Kon `1`/`2` without a total, ContentsCode `UF0506A1` "Antal",
 * Tid 1985–2025; Alder and Kon may be eliminated. Every value here is invented: each kommun's share
 * with at most förgymnasial education leans on the example's own level of helårsekvivalenter, so the
 * example's expected-value model has something to find, and grows with age as it does in Sweden.
 */
import { periodRange } from '../formats/period.ts';
import type { ProjectConfig } from '../config/load.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { population2064, SEED } from './models.ts';
import { hashUnit } from './random.ts';
import { exampleTableId, metadataDocument, sumOver, writeScbTable } from './scb-tables.ts';

export const EDUCATION_LEVELS: [string, string][] = [
  ['1', 'förgymnasial utbildning kortare än 9 år'],
  ['2', 'förgymnasial utbildning, 9 (10) år'],
  ['3', 'gymnasial utbildning, högst 2 år'],
  ['4', 'gymnasial utbildning, 3 år'],
  ['5', 'eftergymnasial utbildning, mindre än 3 år'],
  ['6', 'eftergymnasial utbildning, 3 år eller mer'],
  ['7', 'forskarutbildning'],
  ['US', 'uppgift om utbildningsnivå saknas'],
];

/** A kommun's shares of 25–64 by level at an age and year, adding up to 1. */
function levelShares(kommun: string, age: number, year: number): Record<string, number> {
  const low =
    (0.06 + 0.09 * (0.6 * hashUnit(SEED, `he-level:${kommun}`) + 0.4 * hashUnit(SEED, `utb:${kommun}`))) *
    (0.6 + (0.8 * (age - 25)) / 39) *
    (1 - 0.015 * (year - 2020));
  const high = Math.max(0.15, 0.62 - 1.6 * low + 0.12 * (hashUnit(SEED, `utb-high:${kommun}`) - 0.5));
  const missing = 0.01 + 0.01 * hashUnit(SEED, `utb-us:${kommun}`);
  const middle = 1 - low - high - missing;
  return {
    '1': low * 0.25,
    '2': low * 0.75,
    '3': middle * 0.3,
    '4': middle * 0.7,
    '5': high * 0.35,
    '6': high * 0.6,
    '7': high * 0.05,
    US: missing,
  };
}

export function writeUtbildning(
  table: ScbTable,
  config: ProjectConfig,
  store: RawStore,
  log: (message: string) => void,
): void {
  const ages = Array.from({ length: 59 }, (_, index): [string, string] => [String(16 + index), `${16 + index} år`]);
  ages.push(['tot16-74', 'totalt 16–74 år']);
  const metadata = metadataDocument(exampleTableId(table), table.title, [
    { id: 'Region', label: 'region', codes: config.registry.all.map((region) => [region.code, region.name]) },
    { id: 'Alder', label: 'ålder', codes: ages },
    { id: 'UtbildningsNiva', label: 'utbildningsnivå', codes: EDUCATION_LEVELS },
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
      codes: [['UF0506A1', 'Antal']],
      units: { UF0506A1: { base: 'antal', decimals: 0 } },
    },
    { id: 'Tid', label: 'år', codes: periodRange('1985', '2025').map((code) => [code, code]) },
  ]);
  const shares = new Map<string, Record<string, number>>();
  const shareOf = (kommun: string, age: number, year: number, level: string) => {
    const key = `${kommun}|${age}|${year}`;
    let found = shares.get(key);
    if (!found) shares.set(key, (found = levelShares(kommun, age, year)));
    return found[level] ?? 0;
  };
  writeScbTable(
    table,
    metadata,
    config,
    store,
    (codes, kommuner) => {
      const sex = codes['Kon'] === '1' ? 'men' : 'women';
      const age = Number(codes['Alder']);
      const year = Number(codes['Tid']);
      const level = codes['UtbildningsNiva'] ?? '';
      return sumOver(kommuner, (kommun) =>
        Math.round((population2064(kommun, sex, year) / 45) * shareOf(kommun, age, year, level)),
      );
    },
    log,
  );
}
