/**
 * The expected value: each kommun's is the fit without it, a difference within the typical
 * deviation (as shown) is "som förväntat", a factor alike in every kommun is left out, the closest
 * kommuner on the factors always weigh size, and counts are never modelled.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { expectedModels, fitExpectedModel, structuralPeers, type ExpectedModel } from '../../src/measures/expected.ts';
import { weightedLeastSquares } from '../../src/measures/least-squares.ts';
import { PREDICTORS, type KommunFactors, type Predictor } from '../../src/measures/structure.ts';
import { Snapshot } from '../../src/pipeline/snapshot-reader.ts';
import { IndicatorCatalogueSchema, type Indicator } from '../../src/schemas/indicator.ts';
import { shownUnits } from '../../src/measures/index.ts';
import { expectedHeadline } from '../../src/views/text/sentences.ts';

const root = join(import.meta.dirname, '../..');
const snapshot = new Snapshot(join(root, 'data/snapshot'));
const config = loadConfig(root, snapshot.kommungrupper());
const modelled = config.indicators.filter((indicator) => indicator.expected);

function factors(code: string, values: Partial<Record<Predictor, number>>, population = 10000): KommunFactors {
  const all = Object.fromEntries(PREDICTORS.map((predictor) => [predictor, values[predictor] ?? 0])) as Record<
    Predictor,
    number
  >;
  return { code, values: all, population, example: false };
}

describe('the models of the committed snapshot', () => {
  it('model the three rates the configuration names, every year with factors from the year before', () => {
    expect(modelled.map((indicator) => indicator.id).sort()).toEqual([
      'bas-arbetsloshet',
      'bas-sysselsattningsgrad',
      'helarsekvivalenter',
    ]);
    for (const indicator of modelled) {
      const models = expectedModels(snapshot, config.registry, indicator);
      expect(models.length).toBeGreaterThan(0);
      for (const model of models) expect(Number(model.factorYear)).toBe(Number(model.year) - 1);
    }
  });

  it('give each kommun the prediction of the same fit made without it, and say so as shown', () => {
    const indicator = modelled.find((entry) => entry.id === 'helarsekvivalenter')!;
    const model = expectedModels(snapshot, config.registry, indicator).at(-1)!;
    const rows = model.values.map((value) => ({
      x: model.predictors.map((predictor) => value.factors[predictor]),
      y: value.actual,
      weight: value.population,
    }));
    for (const code of ['2480', '2460', '0180']) {
      const index = model.values.findIndex((value) => value.code === code);
      const without = weightedLeastSquares(rows.filter((_, other) => other !== index))!;
      const own = rows[index]!;
      const refit = without.intercept + own.x.reduce((sum, value, j) => sum + value * without.coefficients[j]!, 0);
      expect(model.values[index]!.expected).toBeCloseTo(refit, 8);
    }
    // Judged on the values as shown: the reader's own subtraction of the two printed values.
    for (const value of model.values) {
      const shown = shownUnits(value.actual, indicator.decimals) - shownUnits(value.expected, indicator.decimals);
      const within = Math.abs(shown) <= shownUnits(model.residualSpread, indicator.decimals);
      expect(value.standing === 'as-expected').toBe(within);
      if (!within) expect(value.standing).toBe(shown > 0 ? 'above' : 'below');
    }
    const spread = Math.sqrt(model.values.reduce((sum, value) => sum + value.difference ** 2, 0) / model.values.length);
    expect(model.residualSpread).toBeCloseTo(spread, 10);
  });
});

describe('fitting one year', () => {
  const indicator = { id: 'x', decimals: 1 } as Indicator;
  const rows = Array.from({ length: 40 }, (_, index) => {
    const values = { 'low-education': 5 + (index % 9), 'born-abroad': 10 + ((index * 7) % 13), size: 8 + index / 10 };
    return {
      factors: factors(String(1000 + index), values),
      actual: 2 + 0.5 * values['low-education'] + 0.1 * values['born-abroad'] + 0.01 * (index % 3),
      example: false,
    };
  });

  it('leaves out a factor that is alike in every kommun, and finds the others', () => {
    const model = fitExpectedModel(indicator, '2025', '2024', rows)!;
    expect(model.predictors).toEqual(['low-education', 'born-abroad', 'size']);
    expect(model.coefficients['young-adults']).toBeUndefined();
    expect(model.coefficients['low-education']).toBeCloseTo(0.5, 2);
    expect(model.coefficients['born-abroad']).toBeCloseTo(0.1, 2);
    expect(model.example).toBe(false);
    expect(
      fitExpectedModel(indicator, '2025', '2024', [{ ...rows[0]!, example: true }, ...rows.slice(1)])!.example,
    ).toBe(true);
  });

  it('names the closest kommuner on the standardised factors, size among them', () => {
    // One kommun alike in everything but size, three a little apart in education only: once each
    // factor is standardised, the size gap (4 of sd 1,6) is the larger, so size keeps its weight.
    const value = (code: string, education: number, size: number) => ({
      code,
      actual: 0,
      expected: 0,
      difference: 0,
      standing: 'as-expected' as const,
      population: 1,
      factors: factors(code, { 'low-education': education, size }).values,
    });
    const model = {
      values: [
        value('own', 10, 10),
        value('big', 10, 14),
        value('b', 10.5, 10),
        value('c', 10.5, 10),
        value('d', 10.5, 10),
      ],
    } as unknown as ExpectedModel;
    expect(structuralPeers(model, 'own', 3).sort()).toEqual(['b', 'c', 'd']);
    expect(structuralPeers(model, 'own', 7)).toHaveLength(4);
    expect(structuralPeers(model, 'own', 7)).not.toContain('own');
    expect(structuralPeers(model, 'nowhere')).toEqual([]);
  });
});

describe('configuration', () => {
  it('refuses an expected value for a count', () => {
    const count = config.indicators.find((indicator) => indicator.unit === 'count')!;
    const result = IndicatorCatalogueSchema.safeParse([{ ...count, expected: true }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/antal/);
  });
});

describe('the deck headline', () => {
  const standing = (title: string, value: 'above' | 'below' | 'as-expected') => ({ title, standing: value });
  it('counts above, below and as expected, says "ingen" for none, and names a single indicator', () => {
    expect(
      expectedHeadline('Vännäs', [
        standing('Försörjs av ersättningar', 'above'),
        standing('Arbetslöshet', 'as-expected'),
        standing('Sysselsättningsgrad', 'as-expected'),
      ]),
    ).toBe(
      'Vännäs ligger över det förväntade utifrån sin struktur på 1 av 3 indikatorer, under på ingen och som förväntat på 2.',
    );
    expect(expectedHeadline('Umeå', [standing('A', 'as-expected'), standing('B', 'as-expected')])).toBe(
      'Umeå ligger som förväntat utifrån sin struktur på alla 2 indikatorer.',
    );
    expect(expectedHeadline('Umeå', [standing('Arbetslöshet', 'below')])).toBe(
      'Umeå ligger under det förväntade utifrån sin struktur i arbetslöshet.',
    );
    expect(expectedHeadline('Umeå', [])).toBe('För Umeå finns inget förväntat värde att jämföra med.');
  });
});
