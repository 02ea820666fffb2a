/**
 * Weighted least squares, small and checkable: the normal equations solved by Gaussian elimination
 * with partial pivoting, on predictors centred at their weighted means (which keeps the system
 * well conditioned without changing the fit). Each row's leave-one-out prediction comes from the
 * hat matrix, ŷ₋ᵢ = yᵢ − eᵢ / (1 − hᵢᵢ), which for fixed weights is exactly the prediction of the
 * same model fitted without that row (tests refit to show it). Standard errors are robust (HC1,
 * the sandwich with n / (n − k)): kommuner differ in how far they scatter around the fit, and the
 * classical formula would assume they do not.
 */

export interface Observation {
  x: number[];
  y: number;
  /** The row's weight (population); positive. */
  weight: number;
}

export interface LeastSquaresFit {
  /** Intercept, then one coefficient per predictor, in the predictors' own units. */
  intercept: number;
  coefficients: number[];
  /** Per row: the fit with every row, and the prediction of the fit without the row. */
  fitted: number[];
  leaveOneOut: number[];
  /** Weighted R² of the full fit. */
  rSquared: number;
  /** Robust (HC1) standard errors of the intercept and of each coefficient, in the same order. */
  interceptError: number;
  coefficientErrors: number[];
}

/** Solves A·b = c; null where A is singular (a predictor that is a sum of others, or constant). */
export function solve(matrix: number[][], right: number[]): number[] | null {
  const size = right.length;
  const rows = matrix.map((row, index) => [...row, right[index] as number]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++)
      if (Math.abs(rows[row]![column]!) > Math.abs(rows[pivot]![column]!)) pivot = row;
    const scale = Math.max(...rows.map((row) => Math.abs(row[column]!)));
    if (Math.abs(rows[pivot]![column]!) <= 1e-12 * Math.max(scale, 1)) return null;
    [rows[column], rows[pivot]] = [rows[pivot]!, rows[column]!];
    for (let row = 0; row < size; row++) {
      if (row === column) continue;
      const factor = rows[row]![column]! / rows[column]![column]!;
      for (let k = column; k <= size; k++) rows[row]![k]! -= factor * rows[column]![k]!;
    }
  }
  return rows.map((row, index) => row[size]! / row[index]!);
}

/** The inverse of a small symmetric matrix, column by column; null where it is singular. */
function inverse(matrix: number[][]): number[][] | null {
  const columns: number[][] = [];
  for (let index = 0; index < matrix.length; index++) {
    const column = solve(
      matrix,
      matrix.map((_, row) => (row === index ? 1 : 0)),
    );
    if (!column) return null;
    columns.push(column);
  }
  return matrix.map((_, row) => columns.map((column) => column[row]!));
}

export function weightedLeastSquares(observations: Observation[]): LeastSquaresFit | null {
  const count = observations[0]?.x.length ?? 0;
  const totalWeight = observations.reduce((sum, row) => sum + row.weight, 0);
  if (observations.length <= count + 1 || totalWeight <= 0) return null;
  const means = Array.from(
    { length: count },
    (_, j) => observations.reduce((sum, row) => sum + row.weight * row.x[j]!, 0) / totalWeight,
  );
  const design = observations.map((row) => [1, ...row.x.map((value, j) => value - means[j]!)]);
  const size = count + 1;
  const normal = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const right = new Array<number>(size).fill(0);
  observations.forEach((row, i) => {
    const x = design[i]!;
    for (let a = 0; a < size; a++) {
      right[a]! += row.weight * x[a]! * row.y;
      for (let b = 0; b < size; b++) normal[a]![b]! += row.weight * x[a]! * x[b]!;
    }
  });
  const inverted = inverse(normal);
  if (!inverted) return null;
  const beta = inverted.map((row) => row.reduce((sum, value, index) => sum + value * right[index]!, 0));
  const fitted = design.map((x) => x.reduce((sum, value, index) => sum + value * beta[index]!, 0));
  const leaveOneOut = observations.map((row, i) => {
    const x = design[i]!;
    let leverage = 0;
    for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) leverage += x[a]! * inverted[a]![b]! * x[b]!;
    leverage *= row.weight;
    return row.y - (row.y - fitted[i]!) / (1 - leverage);
  });
  const meanY = observations.reduce((sum, row) => sum + row.weight * row.y, 0) / totalWeight;
  const residual = observations.reduce((sum, row, i) => sum + row.weight * (row.y - fitted[i]!) ** 2, 0);
  const spread = observations.reduce((sum, row) => sum + row.weight * (row.y - meanY) ** 2, 0);
  const coefficients = beta.slice(1);
  const covariance = robustCovariance(observations, design, inverted, fitted);
  // The intercept in the predictors' own units is b₀ − Σ bⱼ·meanⱼ: its variance is a′·V·a.
  const toIntercept = [1, ...means.map((mean) => -mean)];
  const interceptVariance = toIntercept.reduce(
    (sum, a, row) => sum + toIntercept.reduce((inner, b, column) => inner + a * covariance[row]![column]! * b, 0),
    0,
  );
  return {
    intercept: beta[0]! - coefficients.reduce((sum, value, j) => sum + value * means[j]!, 0),
    coefficients,
    fitted,
    leaveOneOut,
    rSquared: spread > 0 ? 1 - residual / spread : 0,
    interceptError: Math.sqrt(interceptVariance),
    coefficientErrors: coefficients.map((_, j) => Math.sqrt(covariance[j + 1]![j + 1]!)),
  };
}

/** (X′WX)⁻¹ · Σ wᵢ² eᵢ² xᵢxᵢ′ · (X′WX)⁻¹ · n / (n − k), on the centred design. */
function robustCovariance(
  observations: Observation[],
  design: number[][],
  inverted: number[][],
  fitted: number[],
): number[][] {
  const size = inverted.length;
  const meat = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  observations.forEach((row, i) => {
    const x = design[i]!;
    const scaled = (row.weight * (row.y - fitted[i]!)) ** 2;
    for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) meat[a]![b]! += scaled * x[a]! * x[b]!;
  });
  const correction = observations.length / (observations.length - size);
  const product = (left: number[][], right: number[][]) =>
    left.map((row) => right[0]!.map((_, column) => row.reduce((sum, value, k) => sum + value * right[k]![column]!, 0)));
  return product(product(inverted, meat), inverted).map((row) => row.map((value) => value * correction));
}
