/**
 * The expected value of a rate for each kommun, from its structural factors (`structure.ts`): least
 * squares on all kommuner with a value, weighted by population 20–64, one fit per year, the factors
 * taken from the year before the outcome. A kommun's expected value is the prediction of the same
 * model fitted without it, so its own outcome never pulls its expectation towards itself. The
 * expected value is a comparison, never a target or a verdict.
 */
import type { RegionRegistry } from '../config/regions.ts';
import type { Snapshot } from '../pipeline/snapshot-reader.ts';
import type { Indicator } from '../schemas/indicator.ts';
import { isProtected } from '../schemas/observation.ts';
import { remembered } from '../formats/remembered.ts';
import { regionArea } from './areas.ts';
import { pointAt, yearlySeries } from './series.ts';
import { PREDICTORS, structuralFactors, type KommunFactors, type Predictor } from './structure.ts';
import { weightedLeastSquares } from './least-squares.ts';
import { shownUnits } from './index.ts';

/** Standing against the expected value: within the residual spread it is "som förväntat". */
export type ExpectedStanding = 'above' | 'below' | 'as-expected';

export interface ExpectedValue {
  code: string;
  actual: number;
  expected: number;
  /** Actual minus expected, in the indicator's unit (percentage points for a percentage). */
  difference: number;
  standing: ExpectedStanding;
  population: number;
  factors: Record<Predictor, number>;
}

export interface ExpectedModel {
  indicator: string;
  /** The outcome's year, and the year its factors are from. */
  year: string;
  factorYear: string;
  /** Factors in the fit: a factor without variation that year (all kommuner alike) is left out. */
  predictors: Predictor[];
  intercept: number;
  coefficients: Partial<Record<Predictor, number>>;
  /** Robust (HC1) standard errors of the intercept and of each coefficient in the fit. */
  interceptError: number;
  coefficientErrors: Partial<Record<Predictor, number>>;
  rSquared: number;
  /** Root mean square of the leave-one-out differences: how far a kommun typically lies from its expectation. */
  residualSpread: number;
  values: ExpectedValue[];
  /** Whether any outcome or factor behind the fit is invented example data. */
  example: boolean;
}

/** At least this share of all kommuner must have a value and every factor for a fit to be published. */
const MIN_SHARE_OF_KOMMUNER = 0.5;

const modelCache = new WeakMap<Snapshot, Map<string, ExpectedModel[]>>();

/** The indicator's fits, oldest first; none for an indicator the configuration does not model. */
export function expectedModels(snapshot: Snapshot, registry: RegionRegistry, indicator: Indicator): ExpectedModel[] {
  if (!indicator.expected) return [];
  return remembered(modelCache, snapshot, indicator.id, () => {
    const kommuner = registry.kommuner();
    const years = new Set<string>();
    const outcomes = new Map(
      kommuner.map((kommun) => {
        const series =
          yearlySeries(snapshot, {
            indicator,
            area: regionArea(kommun.code, registry),
            sex: 'total',
            selection: indicator.headline,
          }) ?? [];
        for (const point of series) years.add(point.period);
        return [kommun.code, series];
      }),
    );
    return [...years].sort().flatMap((year) => {
      const factorYear = String(Number(year) - 1);
      const factors = structuralFactors(snapshot, registry, factorYear);
      const rows = kommuner.flatMap((kommun) => {
        const point = pointAt(outcomes.get(kommun.code), year);
        const own = factors.get(kommun.code);
        if (!own || !point || point.value === null || isProtected(point.status)) return [];
        return [{ factors: own, actual: point.value, example: point.example === true || own.example }];
      });
      if (rows.length < kommuner.length * MIN_SHARE_OF_KOMMUNER) return [];
      const model = fitExpectedModel(indicator, year, factorYear, rows);
      return model ? [model] : [];
    });
  });
}

/** The latest fit, or null. */
export function latestExpectedModel(
  snapshot: Snapshot,
  registry: RegionRegistry,
  indicator: Indicator,
): ExpectedModel | null {
  return expectedModels(snapshot, registry, indicator).at(-1) ?? null;
}

/** One year's fit on the kommuner that have a value and every factor. */
export function fitExpectedModel(
  indicator: Indicator,
  year: string,
  factorYear: string,
  rows: { factors: KommunFactors; actual: number; example: boolean }[],
): ExpectedModel | null {
  const predictors = PREDICTORS.filter((predictor) => {
    const values = rows.map((row) => row.factors.values[predictor]);
    return Math.max(...values) - Math.min(...values) > 1e-9;
  });
  const result = weightedLeastSquares(
    rows.map((row) => ({
      x: predictors.map((predictor) => row.factors.values[predictor]),
      y: row.actual,
      weight: row.factors.population,
    })),
  );
  if (!result) return null;
  const differences = rows.map((row, index) => row.actual - (result.leaveOneOut[index] as number));
  const residualSpread = Math.sqrt(differences.reduce((sum, value) => sum + value ** 2, 0) / rows.length);
  const spreadShown = shownUnits(residualSpread, indicator.decimals);
  return {
    indicator: indicator.id,
    year,
    factorYear,
    predictors,
    intercept: result.intercept,
    coefficients: Object.fromEntries(predictors.map((predictor, index) => [predictor, result.coefficients[index]])),
    interceptError: result.interceptError,
    coefficientErrors: Object.fromEntries(
      predictors.map((predictor, index) => [predictor, result.coefficientErrors[index]]),
    ),
    rSquared: result.rSquared,
    residualSpread,
    values: rows.map((row, index) => {
      const difference = differences[index] as number;
      return {
        code: row.factors.code,
        actual: row.actual,
        expected: result.leaveOneOut[index] as number,
        difference,
        standing: standingAsShown(row.actual, result.leaveOneOut[index] as number, spreadShown, indicator.decimals),
        population: row.factors.population,
        factors: row.factors.values,
      };
    }),
    example: rows.some((row) => row.example),
  };
}

/**
 * Judged on the two values as shown, as every verdict here is: 8,6 % against 6,8 % is 1,8 above,
 * whatever the hidden decimals, and a difference printed as 1,2 is not outside a spread printed as 1,2.
 */
function standingAsShown(actual: number, expected: number, spreadShown: number, decimals: number): ExpectedStanding {
  const difference = shownUnits(actual, decimals) - shownUnits(expected, decimals);
  if (Math.abs(difference) <= spreadShown) return 'as-expected';
  return difference > 0 ? 'above' : 'below';
}

/**
 * The kommuner most alike on the model's factors, each standardised over all kommuner (mean 0,
 * standard deviation 1) and weighed alike. Size is always among them: weighing by the model's
 * coefficients alone lets size vanish, and Malmö's nearest became Ekerö and Knivsta in a trial.
 */
export function structuralPeers(model: ExpectedModel, code: string, count = 7): string[] {
  const own = model.values.find((value) => value.code === code);
  if (!own) return [];
  const scales = PREDICTORS.map((predictor) => {
    const values = model.values.map((value) => value.factors[predictor]);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
    return { predictor, sd };
  }).filter((scale) => scale.sd > 0);
  const distance = (other: ExpectedValue) =>
    Math.sqrt(
      scales.reduce(
        (sum, { predictor, sd }) => sum + ((other.factors[predictor] - own.factors[predictor]) / sd) ** 2,
        0,
      ),
    );
  return model.values
    .filter((value) => value.code !== code)
    .map((value) => ({ code: value.code, distance: distance(value) }))
    .sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code))
    .slice(0, count)
    .map((entry) => entry.code);
}
