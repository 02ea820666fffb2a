/**
 * The expected-value model as open data: every kommun's factors, actual and expected value per
 * modelled indicator and year, and each fit's coefficients, so that anyone can refit the model and
 * check a kommun's expectation without our code.
 */
import type { RegionRegistry } from '../../config/regions.ts';
import type { Snapshot } from '../../pipeline/snapshot-reader.ts';
import type { Indicator } from '../../schemas/indicator.ts';
import { expectedModels, type ExpectedModel } from '../../measures/expected.ts';
import { PREDICTORS, type Predictor } from '../../measures/structure.ts';
import { roundTo, toCsv, type CsvValue } from '../../formats/csv-out.ts';
import { t } from '../../i18n/index.ts';
import { sourceText } from '../text/labels.ts';

/** Whose figures: ours, computed from the indicator's source and SCB's structural tables. */
function sourceOf(indicator: Indicator): string {
  return t('model.csv-source', { source: sourceText(indicator).text });
}

/** Column names of the factors, with their unit: the names the method page explains. */
export const FACTOR_COLUMNS: Record<Predictor, string> = {
  'young-adults': 'young_adults_20_29_pct',
  'older-adults': 'older_adults_55_64_pct',
  'low-education': 'low_education_25_64_pct',
  'born-abroad': 'born_abroad_20_64_pct',
  size: 'ln_population_20_64',
  'group-a': 'kommungrupp_a',
  'group-b': 'kommungrupp_b',
  'labour-market': 'unemployment_rest_of_lan_pct',
};

const FACTOR_NAMES = PREDICTORS.map((predictor) => FACTOR_COLUMNS[predictor]);
const SOURCE_COLUMNS = ['source', 'example'];
const FACTOR_AND_SOURCE_COLUMNS = [...FACTOR_NAMES, ...SOURCE_COLUMNS];

/**
 * A row's cells under those columns: one number per factor (a value or a coefficient), any further
 * cells, then whose and whether invented.
 */
function perFactorAndSource(
  indicator: Indicator,
  model: ExpectedModel,
  number: (predictor: Predictor) => number | null,
  further: CsvValue[] = [],
): CsvValue[] {
  return [
    ...PREDICTORS.map((predictor) => roundTo(number(predictor), PRECISION)),
    ...further,
    sourceOf(indicator),
    model.example ? 'true' : 'false',
  ];
}

/** Enough digits to refit and reach the published expectation to its shown decimals. */
const PRECISION = 6;

export function expectedValuesCsv(indicators: Indicator[], snapshot: Snapshot, registry: RegionRegistry): string {
  const rows: CsvValue[][] = [];
  for (const indicator of indicators)
    for (const model of expectedModels(snapshot, registry, indicator))
      for (const value of model.values)
        rows.push([
          indicator.id,
          model.year,
          model.factorYear,
          value.code,
          registry.get(value.code)?.name ?? value.code,
          roundTo(value.actual, PRECISION),
          roundTo(value.expected, PRECISION),
          roundTo(value.difference, PRECISION),
          value.standing,
          value.population,
          ...perFactorAndSource(indicator, model, (predictor) => value.factors[predictor]),
        ]);
  return toCsv(
    [
      'indicator',
      'year',
      'factor_year',
      'region_code',
      'region_name',
      'actual',
      'expected_leave_one_out',
      'difference',
      'standing',
      'weight_population_20_64',
      ...FACTOR_AND_SOURCE_COLUMNS,
    ],
    rows,
    'plain',
  );
}

export function expectedModelsCsv(indicators: Indicator[], snapshot: Snapshot, registry: RegionRegistry): string {
  const rows: CsvValue[][] = [];
  for (const indicator of indicators)
    for (const model of expectedModels(snapshot, registry, indicator))
      rows.push([
        indicator.id,
        model.year,
        model.factorYear,
        model.values.length,
        roundTo(model.rSquared, PRECISION),
        roundTo(model.residualSpread, PRECISION),
        roundTo(model.intercept, PRECISION),
        ...perFactorAndSource(indicator, model, (predictor) => model.coefficients[predictor] ?? null, [
          roundTo(model.interceptError, PRECISION),
          ...PREDICTORS.map((predictor) => roundTo(model.coefficientErrors[predictor] ?? null, PRECISION)),
        ]),
      ]);
  return toCsv(
    [
      'indicator',
      'year',
      'factor_year',
      'kommuner',
      'r_squared_weighted',
      'residual_spread_leave_one_out',
      'intercept',
      ...FACTOR_NAMES,
      'intercept_se',
      ...FACTOR_NAMES.map((name) => `${name}_se`),
      ...SOURCE_COLUMNS,
    ],
    rows,
    'plain',
  );
}
