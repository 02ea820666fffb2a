/**
 * Derived measures, computed once here and nowhere else. Pages and charts only lay these out.
 * Conventions: null means "no value" and is never treated as zero; aggregates are sums of counts
 * over sums of denominators, never means of shares.
 */
import type { Direction } from '../schemas/indicator.ts';
import { worseStatus, type ObservationStatus, type Point } from '../schemas/observation.ts';

/** numerator / denominator × scale; null when either is missing or the denominator is zero. */
export function ratio(numerator: number | null, denominator: number | null, scale = 100): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * scale;
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
    let example = false;
    for (const point of points) {
      sum = sum === null || point.value === null ? null : sum + point.value;
      status = worseStatus(status, point.status);
      example ||= point.example === true;
    }
    yearly.push({ period: year, value: sum === null ? null : sum / partsPerYear, status, example });
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

/**
 * A value as a reader sees it, in units of its last published decimal (4,84 at one decimal is 48):
 * verdicts, changes, ranks and comparisons are made on this, so none contradicts the figures shown.
 */
export function shownUnits(value: number, decimals: number): number {
  // Rounded as the digits are printed (toFixed, like Intl, rounds the exact binary value): 1.15 is
  // 1.149999… and shows as 1,1, though 1.15 * 10 is 11.5 and would round up to 1,2.
  return Math.round(Number(value.toFixed(decimals)) * 10 ** decimals);
}

/** `not-judged`: the indicator has no desired direction (population), so a change is no verdict. */
export type Verdict = 'improving' | 'worsening' | 'unchanged' | 'no-data' | 'not-judged';

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
  if (direction === 'neutral') return 'not-judged';
  if (current === null || previous === null) return 'no-data';
  const difference = shownUnits(current, decimals) - shownUnits(previous, decimals);
  if (difference === 0) return 'unchanged';
  const better = direction === 'lower-is-better' ? difference < 0 : difference > 0;
  return better ? 'improving' : 'worsening';
}

/**
 * The change a reader computes from the two values as shown (rounded to the published decimals),
 * so that "3,5 % → 3,4 %" is −0,1 and never ±0,0 beside a verdict of improvement.
 */
export function shownChange(current: number | null, previous: number | null, decimals: number): number | null {
  if (current === null || previous === null) return null;
  return (shownUnits(current, decimals) - shownUnits(previous, decimals)) / 10 ** decimals;
}

/**
 * Rank 1 = best in the desired direction (lowest for lower-is-better). Ties share a rank; missing
 * values get no rank. For neutral indicators, rank 1 is the highest. With `decimals`, values are
 * compared as shown: two members both shown as "4,8 %" share a rank, as the reader would expect.
 */
export function rank<T>(
  items: T[],
  exactValueOf: (item: T) => number | null,
  direction: Direction,
  decimals: number | null = null,
): Map<T, number> {
  const valueOf = (item: T) => {
    const value = exactValueOf(item);
    return value === null || decimals === null ? value : shownUnits(value, decimals);
  };
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
