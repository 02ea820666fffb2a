/**
 * Where a kommun stands among all of Sweden's kommuner on a rate: its place and its quartile, as
 * Kolada colours its rankings (the best quarter, the middle half, the weakest quarter). Counts are
 * never placed: a large kommun's count is large because the kommun is. Protected and missing values
 * take no place; the number placed says how many had one.
 */
import type { RegionRegistry } from '../config/regions.ts';
import type { Snapshot } from '../pipeline/snapshot-reader.ts';
import type { Indicator } from '../schemas/indicator.ts';
import { isProtected } from '../schemas/observation.ts';
import { regionArea } from './areas.ts';
import { pointAt, yearlySeries } from './series.ts';
import { remembered } from '../formats/remembered.ts';

export interface KommunValue {
  code: string;
  value: number;
}

export interface NationalDistribution {
  period: string;
  /** Every kommun with a shown value, lowest first. */
  values: KommunValue[];
  /** The lower quartile, the median and the upper quartile (linear interpolation, as R's type 7). */
  quartiles: [number, number, number];
}

/** Which quarter a value falls in, counted from the best: 1 the best quarter, 4 the weakest. */
export type Quarter = 1 | 2 | 3 | 4;

/** Whether an indicator may be placed among all kommuner: a rate, not a count. */
export function isPlaceable(indicator: Pick<Indicator, 'unit'>): boolean {
  return indicator.unit !== 'count';
}

/** The p-quantile of sorted values, interpolated as R's type 7. */
export function quantile(sorted: number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (position - below);
}

const distributions = new WeakMap<Snapshot, Map<string, NationalDistribution | null>>();

/**
 * All kommuner's values in a period; null for a count, or where fewer than half the kommuner have
 * one: a figure only the förbund's partners deliver (an export) covers a few kommuner, and a place
 * "among all kommuner" would then be a place among those few.
 */
export function nationalDistribution(
  snapshot: Snapshot,
  registry: RegionRegistry,
  indicator: Indicator,
  period: string,
): NationalDistribution | null {
  if (!isPlaceable(indicator)) return null;
  return remembered(distributions, snapshot, `${indicator.id}|${period}`, () => {
    const values = registry.kommuner().flatMap((kommun): KommunValue[] => {
      const series = yearlySeries(snapshot, {
        indicator,
        area: regionArea(kommun.code, registry),
        sex: 'total',
        selection: indicator.headline,
      });
      const point = pointAt(series, period);
      return point && point.value !== null && !isProtected(point.status)
        ? [{ code: kommun.code, value: point.value }]
        : [];
    });
    if (values.length < registry.kommuner().length / 2) return null;
    values.sort((a, b) => a.value - b.value || a.code.localeCompare(b.code));
    const sorted = values.map((entry) => entry.value);
    return { period, values, quartiles: [quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75)] };
  });
}

/**
 * A kommun's place, 1 the best in the indicator's desired direction (the highest where there is
 * none), tied values sharing the better place; and its quarter from the best.
 */
export function nationalPlace(
  distribution: NationalDistribution,
  code: string,
  direction: Indicator['direction'],
): { place: number; of: number; quarter: Quarter } | null {
  const own = distribution.values.find((entry) => entry.code === code);
  if (!own) return null;
  const lowerIsBetter = direction === 'lower-is-better';
  const better = distribution.values.filter((entry) =>
    lowerIsBetter ? entry.value < own.value : entry.value > own.value,
  ).length;
  const [q1, median, q3] = distribution.quartiles;
  const inBest = lowerIsBetter ? own.value <= q1 : own.value >= q3;
  const inWeakest = lowerIsBetter ? own.value >= q3 : own.value <= q1;
  const betterHalf = lowerIsBetter ? own.value <= median : own.value >= median;
  const quarter: Quarter = inBest ? 1 : inWeakest ? 4 : betterHalf ? 2 : 3;
  return { place: better + 1, of: distribution.values.length, quarter };
}
