/**
 * Derived measures, computed once here and nowhere else. Pages and charts only lay these out.
 * Conventions: null means "no value" and is never treated as zero; aggregates are sums of counts
 * over sums of denominators, never means of shares.
 */
import type { Direction } from '../schemas/indicator.ts';
import { combineStatus, worseStatus, type ObservationStatus, type Point } from '../schemas/observation.ts';

/** numerator / denominator × scale; null when either is missing or the denominator is zero. */
export function ratio(numerator: number | null, denominator: number | null, scale = 100): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * scale;
}

/** Sum of values; null as soon as one part is null, because a partial sum would be silently wrong. */
export function sumOrNull(values: (number | null)[]): number | null {
  let sum = 0;
  for (const value of values) {
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

/** Mean of values; null when any is missing or there are none. */
export function meanOrNull(values: (number | null)[]): number | null {
  if (values.length === 0) return null;
  const sum = sumOrNull(values);
  return sum === null ? null : sum / values.length;
}

/**
 * Yearly values from monthly points: the mean of the year's 12 months; a year with fewer than 12
 * months present gives no value.
 */
export function yearlyMeanOfMonths(monthly: Point[]): Point[] {
  return yearlyMean(monthly, 12);
}

/** Yearly values from quarterly points: the mean of the year's four quarters, or none if one is missing. */
export function yearlyMeanOfQuarters(quarterly: Point[]): Point[] {
  return yearlyMean(quarterly, 4);
}

function yearlyMean(parts: Point[], partsPerYear: number): Point[] {
  const byYear = new Map<string, Point[]>();
  for (const point of parts) {
    const year = point.period.slice(0, 4);
    const months = byYear.get(year);
    if (months) months.push(point);
    else byYear.set(year, [point]);
  }
  // Loops rather than map/filter: this runs for every series of every region in a national build.
  const yearly: Point[] = [];
  for (const [year, points] of byYear) {
    if (points.length !== partsPerYear) continue;
    let sum: number | null = 0;
    let status: ObservationStatus = 'final';
    for (const point of points) {
      sum = sum === null || point.value === null ? null : sum + point.value;
      status = worseStatus(status, point.status);
    }
    yearly.push({ period: year, value: sum === null ? null : sum / partsPerYear, status });
  }
  return yearly;
}

/** Yearly values from monthly points: the value of one month (BAS goals are measured in October). */
export function yearlyFromMonth(monthly: Point[], month: number): Point[] {
  const suffix = `M${String(month).padStart(2, '0')}`;
  return monthly
    .filter((point) => point.period.endsWith(suffix))
    .map((point) => ({ ...point, period: point.period.slice(0, 4) }));
}

/** Rolling 12-month mean at each month that has 11 months before it. */
export function rolling12(monthly: Point[]): Point[] {
  const out: Point[] = [];
  for (let index = 11; index < monthly.length; index++) {
    const window = monthly.slice(index - 11, index + 1);
    out.push({
      period: monthly[index]?.period ?? '',
      value: meanOrNull(window.map((point) => point.value)),
      status: combineStatus(window.map((point) => point.status)),
    });
  }
  return out;
}

/** Change of each point against the point `lag` steps earlier (1 = previous period, 12 = same month a year earlier). */
export function changeAgainst(points: Point[], lag: number): { period: string; change: number | null }[] {
  return points.map((point, index) => {
    const earlier = points[index - lag];
    return {
      period: point.period,
      change: earlier && point.value !== null && earlier.value !== null ? point.value - earlier.value : null,
    };
  });
}

export type Verdict = 'improving' | 'worsening' | 'unchanged' | 'no-data';

/**
 * Judges a change in the indicator's desired direction. Differences that vanish at the published
 * number of decimals count as unchanged, so the verdict never contradicts the figures shown.
 */
export function verdict(
  current: number | null,
  previous: number | null,
  direction: Direction,
  decimals: number,
): Verdict {
  if (current === null || previous === null) return 'no-data';
  const factor = 10 ** decimals;
  const difference = Math.round(current * factor) - Math.round(previous * factor);
  if (difference === 0 || direction === 'neutral') return 'unchanged';
  const better = direction === 'lower-is-better' ? difference < 0 : difference > 0;
  return better ? 'improving' : 'worsening';
}

/**
 * Rank 1 = best in the desired direction (lowest for lower-is-better). Ties share a rank; missing
 * values get no rank. For neutral indicators, rank 1 is the highest.
 */
export function rank<T>(items: T[], valueOf: (item: T) => number | null, direction: Direction): Map<T, number> {
  const present = items.filter((item) => valueOf(item) !== null);
  const sign = direction === 'lower-is-better' ? 1 : -1;
  const sorted = [...present].sort((a, b) => sign * ((valueOf(a) as number) - (valueOf(b) as number)));
  const ranks = new Map<T, number>();
  sorted.forEach((item, index) => {
    const previous = sorted[index - 1];
    ranks.set(
      item,
      previous !== undefined && valueOf(previous) === valueOf(item) ? (ranks.get(previous) ?? index + 1) : index + 1,
    );
  });
  return ranks;
}
