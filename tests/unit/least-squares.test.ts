/**
 * The expected-value model's least squares: known coefficients come back from generated data, the
 * hat-matrix shortcut equals a real refit without the row, and a singular design is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve, weightedLeastSquares, type Observation } from '../../src/measures/least-squares.ts';

/** Equal within a relative 1e-6: sums of squares of values in the hundreds lose digits. */
function near(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
}

/** Rows from known coefficients, with a little noise where asked. */
function generated(intercept: number, slopes: number[], rows: number[][], weights: number[], noise: number[]) {
  return rows.map((x, index): Observation => ({
    x,
    y: intercept + x.reduce((sum, value, j) => sum + value * (slopes[j] as number), 0) + (noise[index] ?? 0),
    weight: weights[index] as number,
  }));
}

const design = fc.integer({ min: 1, max: 4 }).chain((width) =>
  fc.record({
    intercept: fc.double({ min: -50, max: 50, noNaN: true }),
    // Slopes away from zero and factors on the scale of shares in percent with one decimal, as the
    // model's are: a design of near-zeros is no design a kommun table can give.
    slopes: fc.array(
      fc.oneof(fc.double({ min: -5, max: -0.01, noNaN: true }), fc.double({ min: 0.01, max: 5, noNaN: true })),
      { minLength: width, maxLength: width },
    ),
    rows: fc.array(
      fc.array(
        fc.integer({ min: 0, max: 600 }).map((value) => value / 10),
        { minLength: width, maxLength: width },
      ),
      { minLength: width + 8, maxLength: 40 },
    ),
  }),
);

describe('weighted least squares', () => {
  it('recovers the coefficients the data were made from, whatever the weights', () => {
    fc.assert(
      fc.property(
        design,
        fc.array(fc.double({ min: 1, max: 1e5, noNaN: true }), { minLength: 40, maxLength: 40 }),
        (d, weights) => {
          const fit = weightedLeastSquares(generated(d.intercept, d.slopes, d.rows, weights, []));
          // A random design can be singular (two identical columns): then there is nothing to recover.
          fc.pre(fit !== null);
          near(fit!.intercept, d.intercept);
          fit!.coefficients.forEach((value, j) => near(value, d.slopes[j] as number));
          expect(fit!.rSquared).toBeGreaterThan(1 - 1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives each row the prediction of the same fit made without it', () => {
    fc.assert(
      fc.property(
        design,
        fc.array(fc.double({ min: 1, max: 1e5, noNaN: true }), { minLength: 40, maxLength: 40 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 40, maxLength: 40 }),
        (d, weights, noise) => {
          const rows = generated(d.intercept, d.slopes, d.rows, weights, noise);
          const fit = weightedLeastSquares(rows);
          fc.pre(fit !== null);
          rows.forEach((row, index) => {
            const without = weightedLeastSquares(rows.filter((_, other) => other !== index));
            if (!without) return;
            const refit =
              without.intercept + row.x.reduce((sum, value, j) => sum + value * without.coefficients[j]!, 0);
            near(fit!.leaveOneOut[index]!, refit);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('weighs rows by their weight: a heavy row pulls the line towards itself', () => {
    const rows = [0, 1, 2, 3, 4].map((x) => ({ x: [x], y: x === 4 ? 10 : x, weight: 1 }));
    const light = weightedLeastSquares(rows)!;
    const heavy = weightedLeastSquares(rows.map((row) => (row.x[0] === 4 ? { ...row, weight: 100 } : row)))!;
    expect(Math.abs(heavy.fitted[4]! - 10)).toBeLessThan(Math.abs(light.fitted[4]! - 10));
  });

  it('gives robust (HC1) standard errors equal to the sandwich written out for one factor', () => {
    const x = [1, 2, 3, 4, 6, 7, 9, 10];
    const y = [3.1, 3.9, 6.2, 7.8, 11.5, 14.9, 17.2, 21.8];
    const w = [120, 80, 300, 45, 210, 60, 95, 150];
    const fit = weightedLeastSquares(x.map((value, i) => ({ x: [value], y: y[i]!, weight: w[i]! })))!;
    // The uncentred design [1, x]: A = X′WX and M = Σ wᵢ²eᵢ²·[1 x; x x²], V = A⁻¹MA⁻¹·n/(n − 2).
    const sum = (term: (i: number) => number) => x.reduce((total, _, i) => total + term(i), 0);
    const [a, b, d] = [sum((i) => w[i]!), sum((i) => w[i]! * x[i]!), sum((i) => w[i]! * x[i]! ** 2)];
    const det = a * d - b * b;
    const inverse = [
      [d / det, -b / det],
      [-b / det, a / det],
    ];
    const e = x.map((value, i) => y[i]! - fit.intercept - fit.coefficients[0]! * value);
    const meat = (p: number, q: number) => sum((i) => (w[i]! * e[i]!) ** 2 * x[i]! ** p * x[i]! ** q);
    const v = (r: number, c: number) =>
      [0, 1].reduce(
        (total, k) => total + [0, 1].reduce((inner, l) => inner + inverse[r]![k]! * meat(k, l) * inverse[l]![c]!, 0),
        0,
      ) *
      (x.length / (x.length - 2));
    near(fit.interceptError, Math.sqrt(v(0, 0)));
    near(fit.coefficientErrors[0]!, Math.sqrt(v(1, 1)));
    // A perfect fit has no uncertainty; scaling the outcome scales the errors.
    const exact = weightedLeastSquares(x.map((value, i) => ({ x: [value], y: 2 + 3 * value, weight: w[i]! })))!;
    expect(exact.coefficientErrors[0]).toBeLessThan(1e-9);
    const scaled = weightedLeastSquares(x.map((value, i) => ({ x: [value], y: -10 * y[i]!, weight: w[i]! })))!;
    near(scaled.coefficientErrors[0]!, 10 * fit.coefficientErrors[0]!);
  });

  it('refuses a singular design and too few rows', () => {
    expect(weightedLeastSquares([1, 2, 3, 4].map((x) => ({ x: [x, 2 * x], y: x, weight: 1 })))).toBeNull();
    expect(weightedLeastSquares([1, 2].map((x) => ({ x: [x], y: x, weight: 1 })))).toBeNull();
    expect(
      solve(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toBeNull();
    expect(
      solve(
        [
          [2, 1],
          [1, 3],
        ],
        [3, 5],
      ),
    ).toEqual([0.8, 1.4].map((value) => expect.closeTo(value, 12)));
  });
});
