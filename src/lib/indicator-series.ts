/**
 * Published series of an indicator for any area (a kommun, a förbund, a län, riket or any group),
 * made from snapshot observations by the indicator's measure. Aggregates sum counts over the
 * area's kommuner and divide sums, never averaging shares.
 */
import type { Indicator } from '../schemas/indicator.ts';
import type { Sex } from '../schemas/observation.ts';
import { combineStatus, ratio, sumOrNull, yearlyFromMonth, yearlyMeanOfMonths, type Point } from './measures/index.ts';
import type { IndexedFile, Snapshot } from './snapshot.ts';

export interface Area {
  /** Region code for kommun/län/riket; the förbund id for a förbund. */
  id: string;
  name: string;
  kind: 'kommun' | 'forbund' | 'lan' | 'riket' | 'group';
  /** Region code the sources may publish directly (kommun, län, riket), or null for groups. */
  regionCode: string | null;
  /** Kommuner summed when the source has no value for the area itself. */
  kommuner: string[];
}

export interface ValuePoint extends Point {
  numerator: number | null;
  denominator: number | null;
}

/** Sum of one series over several regions, period by period; null where any part is missing. */
function summed(file: IndexedFile, regions: string[], sex: Sex, breakdown: Record<string, string>): Point[] | null {
  const parts = regions.map((region) => file.points(region, sex, breakdown));
  if (parts.length === 0 || parts.some((part) => part === null)) return null;
  const first = parts[0] as Point[];
  return first.map((point, index) => {
    const cells = parts.map((part) => (part as Point[])[index] as Point);
    return { period: point.period, value: sumOrNull(cells.map((cell) => cell.value)), status: combineStatus(cells.map((cell) => cell.status)) };
  });
}

/** The area's own series if the source publishes it, else the sum over its kommuner. */
function areaPoints(file: IndexedFile, area: Area, sex: Sex, breakdown: Record<string, string>, allowSum: boolean): Point[] | null {
  if (area.regionCode !== null && file.regions.has(area.regionCode)) return file.points(area.regionCode, sex, breakdown);
  if (!allowSum || area.kommuner.length === 0) return null;
  return summed(file, area.kommuner, sex, breakdown);
}

function pick(selection: Record<string, string>, file: IndexedFile, base: Record<string, string>): Record<string, string> {
  const chosen = { ...base };
  for (const [name, code] of Object.entries(selection)) if (file.breakdownNames.has(name)) chosen[name] = code;
  return chosen;
}

function toYearly(indicator: Indicator, points: Point[]): Point[] {
  switch (indicator.yearly.kind) {
    case 'mean-of-months':
      return yearlyMeanOfMonths(points);
    case 'month':
      return yearlyFromMonth(points, indicator.yearly.month);
    case 'as-published':
      return points;
  }
}

/**
 * Yearly series of the indicator for an area, sex and breakdown selection (e.g. `{benefit: 'summa'}`).
 * Returns null when the snapshot cannot give this area a value (e.g. a förbund aggregate of shares).
 */
export function yearlySeries(snapshot: Snapshot, indicator: Indicator, area: Area, sex: Sex, selection: Record<string, string>): ValuePoint[] | null {
  const measure = indicator.measure;
  if (measure.kind === 'ratio') {
    const numeratorFile = snapshot.file(measure.numerator.indicator);
    const denominatorFile = snapshot.file(measure.denominator.indicator);
    if (!numeratorFile || !denominatorFile) return null;
    const numerator = areaPoints(numeratorFile, area, sex, pick(selection, numeratorFile, measure.numerator.breakdown), true);
    const denominator = areaPoints(denominatorFile, area, sex, pick(selection, denominatorFile, measure.denominator.breakdown), true);
    if (!numerator || !denominator) return null;
    const yearlyNumerator = toYearly(indicator, numerator);
    const yearlyDenominator = new Map(toYearly(indicator, denominator).map((point) => [point.period, point]));
    return yearlyNumerator.flatMap((point) => {
      const below = yearlyDenominator.get(point.period);
      if (!below) return [];
      return [{ period: point.period, numerator: point.value, denominator: below.value, value: ratio(point.value, below.value, measure.scale), status: combineStatus([point.status, below.status]) }];
    });
  }
  const file = snapshot.file(measure.indicator);
  if (!file) return null;
  // Only counts add up; a förbund value of a share cannot be made from members' shares.
  const points = areaPoints(file, area, sex, pick(selection, file, measure.breakdown), indicator.unit === 'count');
  if (!points) return null;
  return toYearly(indicator, points).map((point) => ({
    ...point,
    value: point.status === 'suppressed' ? null : point.value,
    numerator: null,
    denominator: null,
  }));
}
