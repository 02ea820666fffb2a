/**
 * TAB3981 (population 16–74 by region, level of education, age and sex) on the table's real
 * metadata as aniisabihi/atlas290 recorded it (`TAB3981/metadata-excerpt.sv.json`: every dimension
 * but Region, which is the registry's). Every value here is invented: each kommun's share
 * with at most förgymnasial education leans on the example's own level of helårsekvivalenter, so the
 * example's expected-value model has something to find, and grows with age as it does in Sweden.
 */
import type { ProjectConfig } from '../config/load.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { population2064, SEED } from './models.ts';
import { hashUnit } from './random.ts';
import { sumOver, writeScbTable } from './scb-tables.ts';
import { recording } from './reality.ts';

export const EDUCATION_METADATA = 'TAB3981/metadata-excerpt.sv.json';

/** The recorded metadata with the Region dimension the excerpt leaves out, from the registry. */
export function educationMetadata(config: ProjectConfig): Record<string, unknown> {
  const recorded = recording(config.root, EDUCATION_METADATA).response as {
    dimension: Record<string, unknown>;
    [key: string]: unknown;
  };
  const regions = config.registry.all;
  return {
    ...recorded,
    dimension: {
      Region: {
        label: 'region',
        category: {
          index: Object.fromEntries(regions.map((region, index) => [region.code, index])),
          label: Object.fromEntries(regions.map((region) => [region.code, region.name])),
        },
      },
      ...recorded.dimension,
    },
  };
}

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
  const metadata = educationMetadata(config);
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
