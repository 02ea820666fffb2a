/**
 * The expected value as a sceptical statistician would check it, without the project's code: each
 * factor of a kommun recomputed from the raw SCB files, the model refitted from the published CSV
 * with a least squares of our own (Householder-free modified Gram–Schmidt QR on √w-scaled rows),
 * and the kommun's leave-one-out expectation, the coefficients and their robust standard errors
 * compared with what the site publishes; then the pages checked to show those same numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dist, page, requireDist } from '../helpers/dist.ts';
import { cells, datasetFiles } from '../helpers/recompute.ts';

requireDist();

type Row = Record<string, string>;
const csv = (path: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(dist, path), 'utf8'), { header: true, skipEmptyLines: true }).data;
const values = csv('data/forvantat-varde.csv');
const models = csv('data/forvantat-varde-modell.csv');
const FACTORS = Object.keys(values[0]!).filter(
  (column) => column.endsWith('_pct') || column.startsWith('ln_') || column.startsWith('kommungrupp_'),
);

/** Least squares by QR (modified Gram–Schmidt) on rows scaled by √weight: another road than ours. */
function fit(rows: { x: number[]; y: number; w: number }[]): number[] {
  return fitWithR(rows).beta;
}

function fitWithR(rows: { x: number[]; y: number; w: number }[]): { beta: number[]; r: number[][] } {
  const columns = rows[0]!.x.length + 1;
  const q = rows.map((row) => [1, ...row.x].map((value) => value * Math.sqrt(row.w)));
  const y = rows.map((row) => row.y * Math.sqrt(row.w));
  const r = Array.from({ length: columns }, () => new Array<number>(columns).fill(0));
  for (let j = 0; j < columns; j++) {
    for (let k = 0; k < j; k++) {
      const dot = q.reduce((sum, row) => sum + row[k]! * row[j]!, 0);
      r[k]![j] = dot;
      for (const row of q) row[j]! -= dot * row[k]!;
    }
    const norm = Math.sqrt(q.reduce((sum, row) => sum + row[j]! ** 2, 0));
    r[j]![j] = norm;
    for (const row of q) row[j]! /= norm;
  }
  const qty = Array.from({ length: columns }, (_, j) => q.reduce((sum, row, i) => sum + row[j]! * y[i]!, 0));
  const beta = new Array<number>(columns).fill(0);
  for (let j = columns - 1; j >= 0; j--)
    beta[j] = (qty[j]! - r[j]!.slice(j + 1).reduce((sum, value, k) => sum + value * beta[j + 1 + k]!, 0)) / r[j]![j]!;
  return { beta, r };
}

/**
 * Robust (HC1) standard errors from the QR: (X′WX)⁻¹ = R⁻¹R⁻ᵀ, and the sandwich
 * (X′WX)⁻¹ · Σ wᵢ²eᵢ²xᵢxᵢ′ · (X′WX)⁻¹ · n / (n − k) on the design as published (not centred).
 */
function robustErrors(rows: { x: number[]; y: number; w: number }[]): number[] {
  const { beta, r } = fitWithR(rows);
  const k = beta.length;
  // R⁻¹ by back substitution, column by column.
  const rInverse = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let column = 0; column < k; column++)
    for (let row = column; row >= 0; row--) {
      const unit = row === column ? 1 : 0;
      let rest = 0;
      for (let m = row + 1; m <= column; m++) rest += r[row]![m]! * rInverse[m]![column]!;
      rInverse[row]![column] = (unit - rest) / r[row]![row]!;
    }
  const bread = rInverse.map((row) =>
    rInverse.map((other) => row.reduce((sum, value, m) => sum + value * other[m]!, 0)),
  );
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const row of rows) {
    const x = [1, ...row.x];
    const e = row.y - x.reduce((sum, value, j) => sum + value * beta[j]!, 0);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) meat[a]![b]! += (row.w * e) ** 2 * x[a]! * x[b]!;
  }
  const times = (left: number[][], right: number[][]) =>
    left.map((row) => right.map((_, column) => row.reduce((sum, value, m) => sum + value * right[m]![column]!, 0)));
  const covariance = times(times(bread, meat), bread);
  return covariance.map((row, j) => Math.sqrt((row[j]! * rows.length) / (rows.length - k)));
}

const latest = (indicator: string) => {
  const years = models.filter((model) => model.indicator === indicator).map((model) => model.year);
  return years.sort().at(-1)!;
};
const rowsOf = (indicator: string, year: string) =>
  values.filter((row) => row.indicator === indicator && row.year === year);
/** The factors a fit used: a factor left out (all kommuner alike) has no coefficient. */
const usedFactors = (model: Row) => FACTORS.filter((factor) => model[factor] !== '');

describe('the expected value, refitted from the published data', () => {
  for (const indicator of [...new Set(models.map((model) => model.indicator!))]) {
    it(`${indicator}: Umeå's and Bjurholm's expectation is a fit without them, and the coefficients are the fit with all`, () => {
      const year = latest(indicator);
      const model = models.find((entry) => entry.indicator === indicator && entry.year === year)!;
      const factors = usedFactors(model);
      const rows = rowsOf(indicator, year).map((row) => ({
        code: row.region_code!,
        x: factors.map((factor) => Number(row[factor])),
        y: Number(row.actual),
        w: Number(row.weight_population_20_64),
        expected: Number(row.expected_leave_one_out),
      }));
      expect(rows.length).toBe(Number(model.kommuner));
      const all = fit(rows);
      expect(all[0]).toBeCloseTo(Number(model.intercept), 3);
      factors.forEach((factor, j) => expect(all[j + 1]).toBeCloseTo(Number(model[factor]), 3));
      // The robust standard errors, each within a thousandth of its own size.
      const errors = robustErrors(rows);
      expect(Number(model.intercept_se)).toBeGreaterThan(0);
      const close = (published: string | undefined, ours: number) =>
        expect(Math.abs(Number(published) - ours)).toBeLessThan(1e-3 * ours + 1e-6);
      close(model.intercept_se, errors[0]!);
      factors.forEach((factor, j) => close(model[`${factor}_se`], errors[j + 1]!));
      for (const code of ['2480', '2460']) {
        const own = rows.find((row) => row.code === code)!;
        const without = fit(rows.filter((row) => row.code !== code));
        const expected = without[0]! + own.x.reduce((sum, value, j) => sum + value * without[j + 1]!, 0);
        expect(Math.abs(expected - own.expected)).toBeLessThan(1e-3);
      }
    });
  }
});

describe("a kommun's factors, recomputed from the raw SCB files", () => {
  const latestFactorYear = [...new Set(values.map((row) => row.factor_year!))].sort().at(-1)!;
  const umea = values.find((row) => row.region_code === '2480' && row.factor_year === latestFactorYear)!;
  const sum = (folder: string, keep: (cell: Record<string, string>) => boolean) => {
    let total = 0;
    for (const dataset of datasetFiles(folder))
      for (const [cell, value] of cells(dataset)) if (keep(cell) && value !== null) total += value;
    return total;
  };

  it('education, birth region, ages and the labour market around the kommun', () => {
    const at = latestFactorYear;
    const educated = (levels: string[]) =>
      sum(
        'utbildning',
        (cell) =>
          cell.Region === '2480' &&
          cell.Tid === at &&
          levels.includes(cell.UtbildningsNiva!) &&
          Number(cell.Alder) >= 25 &&
          Number(cell.Alder) <= 64,
      );
    const low = (100 * educated(['1', '2'])) / educated(['1', '2', '3', '4', '5', '6', '7']);
    expect(Number(umea.low_education_25_64_pct)).toBeCloseTo(low, 5);

    const born = (code: string) =>
      sum(
        'bas-fodelse',
        (cell) => cell.Region === '2480' && cell.Tid === at && cell.Kon === '1+2' && cell.Fodelseregion === code,
      );
    expect(Number(umea.born_abroad_20_64_pct)).toBeCloseTo((100 * born('ut')) / born('tot'), 5);

    const people = (from: number, to: number) =>
      sum(
        'befolkning',
        (cell) => cell.Region === '2480' && cell.Tid === at && Number(cell.Alder) >= from && Number(cell.Alder) <= to,
      );
    expect(Number(umea.young_adults_20_29_pct)).toBeCloseTo((100 * people(20, 29)) / people(20, 64), 5);
    expect(Number(umea.older_adults_55_64_pct)).toBeCloseTo((100 * people(55, 64)) / people(20, 64), 5);
    expect(Number(umea.ln_population_20_64)).toBeCloseTo(Math.log(people(20, 64)), 5);

    const around = (label: string) =>
      sum(
        'bas-slutlig',
        (cell) =>
          cell.Region!.length === 4 &&
          cell.Region!.startsWith('24') &&
          cell.Region !== '2480' &&
          cell.Tid === at &&
          cell.Kon === '1+2' &&
          cell.Alder === '20-64' &&
          cell['ContentsCode:label'] === label,
      );
    expect(Number(umea.unemployment_rest_of_lan_pct)).toBeCloseTo(
      (100 * around('antal arbetslösa')) / around('antal sysselsatta och arbetslösa (arbetskraften)'),
      5,
    );
  });
});

describe('the pages show the published model', () => {
  it("a member's page shows each member's actual and expected value as the CSV has them", () => {
    const year = latest('helarsekvivalenter');
    const shown = (value: string) => `${Number(value).toFixed(1).replace('.', ',')}\u00a0%`;
    const document = page('/umearegionen/indikator/helarsekvivalenter/2480/');
    const section = document.querySelector('section[aria-labelledby="forvantat-rubrik"]')!;
    expect(section.querySelector('caption')?.textContent).toContain(year);
    const umea = rowsOf('helarsekvivalenter', year).find((row) => row.region_code === '2480')!;
    const cellsOfRow = [...section.querySelectorAll('tbody tr')]
      .find((row) => row.querySelector('th')?.textContent?.trim() === 'Umeå')!
      .querySelectorAll('td');
    expect(cellsOfRow[0]!.textContent?.trim()).toBe(shown(umea.actual!));
    expect(cellsOfRow[1]!.textContent?.trim()).toBe(shown(umea.expected_leave_one_out!));
    // The difference in words is the reader's own subtraction of the two values as printed.
    const printed = (value: string) => Math.round(Number(Number(value).toFixed(1)) * 10);
    const difference = Math.abs(printed(umea.actual!) - printed(umea.expected_leave_one_out!)) / 10;
    expect(cellsOfRow[2]!.textContent).toContain(difference.toFixed(1).replace('.', ','));
    expect(section.textContent).toMatch(/Kommuner med mest lik struktur som Umeå/);
  });

  it('the method page lists every fit of the models file and links both files', () => {
    const document = page('/om-statistiken/forvantat-varde/');
    const text = document.body.textContent ?? '';
    for (const model of models) expect(text).toContain(Number(model.r_squared_weighted).toFixed(3).replace('.', ','));
    // A dot per kommun of the latest fit in each model's chart, at both widths.
    for (const indicator of new Set(models.map((model) => model.indicator!))) {
      const kommuner = rowsOf(indicator, latest(indicator)).length;
      expect(document.querySelectorAll(`#spridning-${indicator} .chart-wide circle`)).toHaveLength(kommuner);
      expect(document.querySelectorAll(`#spridning-${indicator} .chart-narrow circle`)).toHaveLength(kommuner);
    }
    const links = [...document.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['/data/forvantat-varde.csv', '/data/forvantat-varde-modell.csv']));
  });
});
