/**
 * The structural factors of the expected-value model, per kommun and year, from the snapshot: the
 * age structure of 20–64, education, the share born abroad, size, SKR kommungrupp and the labour
 * market around the kommun. None is an outcome of the family the model explains (no ohälsotal, no
 * bistånd, not the kommun's own unemployment): those would absorb the very differences the
 * comparison is meant to show. Why each is chosen is said on the method page (`sv.json` model.*).
 */
import type { RegionRegistry } from '../config/regions.ts';
import type { Snapshot } from '../pipeline/snapshot-reader.ts';
import type { Point } from '../schemas/observation.ts';
import { remembered } from '../formats/remembered.ts';
import { pointAt } from './series.ts';

export const PREDICTORS = [
  'young-adults',
  'older-adults',
  'low-education',
  'born-abroad',
  'size',
  'group-a',
  'group-b',
  'labour-market',
] as const;
export type Predictor = (typeof PREDICTORS)[number];

/** The snapshot datasets the factors are read from (`sources.json`), for the method page's sources. */
export const FACTOR_DATASETS = ['befolkning', 'utbildning', 'bas-fodelse', 'bas-slutlig'] as const;

export interface KommunFactors {
  code: string;
  values: Record<Predictor, number>;
  /** Population 20–64: the kommun's weight in the fit. */
  population: number;
  /** Whether any figure behind the factors is invented example data. */
  example: boolean;
}

const EDUCATION_LEVELS = ['1', '2', '3', '4', '5', '6', '7'];
const LOW_EDUCATION = ['1', '2'];

const factorCache = new WeakMap<Snapshot, Map<string, Map<string, KommunFactors>>>();

/** Every kommun's factors in a year; a kommun missing any figure is left out. */
export function structuralFactors(
  snapshot: Snapshot,
  registry: RegionRegistry,
  year: string,
): Map<string, KommunFactors> {
  return remembered(factorCache, snapshot, year, () => {
    const read = reader(snapshot, year);
    const kommuner = registry.kommuner();
    const unemployment = new Map(
      kommuner.map((kommun) => [
        kommun.code,
        {
          unemployed: read('bas-slutlig', kommun.code, { status: 'arbetslosa', age: '20-64' }),
          force: read('bas-slutlig', kommun.code, { status: 'arbetskraften', age: '20-64' }),
        },
      ]),
    );
    const factors = new Map<string, KommunFactors>();
    for (const kommun of kommuner) {
      const population = read('befolkning', kommun.code, { age: '20-64' });
      const young = read('befolkning', kommun.code, { age: '20-29' });
      const older = read('befolkning', kommun.code, { age: '55-64' });
      const educated = EDUCATION_LEVELS.map((level) => read('utbildning', kommun.code, { age: '25-64', level }));
      const born = read('bas-fodelse', kommun.code, { age: '20-64', birth: 'tot' });
      const abroad = read('bas-fodelse', kommun.code, { age: '20-64', birth: 'ut' });
      // The rest of the län; Gotland is a län of one kommun, and its surroundings are the country's.
      const around = kommuner.filter((other) => other.code !== kommun.code && other.lan === kommun.lan);
      const others = (around.length > 0 ? around : kommuner.filter((other) => other.code !== kommun.code)).map(
        (other) => unemployment.get(other.code),
      );
      const points = [population, young, older, ...educated, born, abroad].concat(
        others.flatMap((other) => (other ? [other.unemployed, other.force] : [null])),
      );
      if (points.some((point) => point === null || point.value === null) || !kommun.kommungrupp) continue;
      const value = (point: Point | null) => point?.value as number;
      const educatedTotal = educated.reduce((sum, point) => sum + value(point), 0);
      const lowTotal = educated
        .filter((_, index) => LOW_EDUCATION.includes(EDUCATION_LEVELS[index] as string))
        .reduce((sum, point) => sum + value(point), 0);
      const unemployed = others.reduce((sum, other) => sum + value(other?.unemployed ?? null), 0);
      const force = others.reduce((sum, other) => sum + value(other?.force ?? null), 0);
      if (value(population) <= 0 || educatedTotal <= 0 || value(born) <= 0 || force <= 0) continue;
      factors.set(kommun.code, {
        code: kommun.code,
        values: {
          'young-adults': (100 * value(young)) / value(population),
          'older-adults': (100 * value(older)) / value(population),
          'low-education': (100 * lowTotal) / educatedTotal,
          'born-abroad': (100 * value(abroad)) / value(born),
          size: Math.log(value(population)),
          'group-a': kommun.kommungrupp.startsWith('A') ? 1 : 0,
          'group-b': kommun.kommungrupp.startsWith('B') ? 1 : 0,
          'labour-market': (100 * unemployed) / force,
        },
        population: value(population),
        example: points.some((point) => point?.example === true),
      });
    }
    return factors;
  });
}

/** A reader of one year's total-sex points, by dataset, region and breakdown. */
function reader(snapshot: Snapshot, year: string) {
  return (dataset: string, region: string, breakdown: Record<string, string>): Point | null => {
    return pointAt(snapshot.file(dataset)?.points(region, 'total', breakdown), year);
  };
}
