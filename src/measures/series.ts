/**
 * Published series of an indicator for any area (a kommun, a förbund, a län, riket or any group),
 * made from snapshot observations by the indicator's measure. Aggregates sum counts over the
 * area's kommuner and divide sums, never averaging shares.
 */
import { measureDatasets, type Indicator } from '../schemas/indicator.ts';
import {
  combineStatus,
  isProtected,
  worseStatus,
  type ObservationStatus,
  type Point,
  type Sex,
} from '../schemas/observation.ts';
import type { SnapshotSeries } from '../schemas/snapshot.ts';
import { ratio, yearlyFromMonth, yearlyMeanOfMonths, yearlyMeanOfQuarters } from './index.ts';
import { seriesKey, type IndexedFile, type Snapshot } from '../pipeline/snapshot-reader.ts';
import { remembered } from '../formats/remembered.ts';
import { aggregateWithheld, sexToAlsoWithhold } from '../pipeline/disclosure.ts';

export interface Area {
  /** Region code for kommun/län/riket; the förbund id for a förbund. */
  id: string;
  name: string;
  kind: 'kommun' | 'forbund' | 'lan' | 'riket' | 'group';
  /** Region code the sources may publish directly (kommun, län, riket), or null for groups. */
  regionCode: string | null;
  /** Kommuner summed when the source has no value for the area itself. */
  kommuner: string[];
  /**
   * A published region with exactly the same kommuner (a förbund of a whole län): where the
   * source gives a rate for it, that rate is the area's, as the publisher made it.
   */
  publishedAs?: string;
}

export interface ValuePoint extends Point {
  numerator: number | null;
  denominator: number | null;
}

/** The point of a series at a period, or null. */
export function pointAt<P extends Point>(series: P[] | null | undefined, period: string | null): P | null {
  return period === null ? null : (series?.find((point) => point.period === period) ?? null);
}

/** Sum of one series over several regions, period by period; null where any part is missing. */
function summed(file: IndexedFile, regions: string[], sex: Sex, breakdown: Record<string, string>): Point[] | null {
  const parts = regions.map((region) => file.series(region, sex, breakdown));
  if (parts.length === 0 || parts.some((part) => part === null)) return null;
  // One pass over the stored arrays, no point objects per kommun: a national förbund sums 290 of them.
  const periods = file.file.periods;
  const values: (number | null)[] = new Array<number | null>(periods.length).fill(0);
  const statuses: ObservationStatus[] = new Array<ObservationStatus>(periods.length).fill('final');
  const examples: boolean[] = new Array<boolean>(periods.length).fill(false);
  for (const part of parts as SnapshotSeries[]) {
    const partExamples = file.examples(part);
    for (let index = 0; index < periods.length; index++) {
      const sum = values[index] ?? null;
      const value = part.values[index] ?? null;
      values[index] = sum === null || value === null ? null : sum + value;
      statuses[index] = worseStatus(statuses[index] ?? 'final', file.statusAt(part, index));
      examples[index] ||= partExamples[index] ?? false;
    }
  }
  return periods.map((period, index) => ({
    period,
    value: values[index] ?? null,
    status: statuses[index] ?? 'final',
    example: examples[index] ?? false,
  }));
}

/** The area's own series if the source publishes it, else the sum over its kommuner. */
function areaPoints(
  file: IndexedFile,
  area: Area,
  sex: Sex,
  breakdown: Record<string, string>,
  allowSum: boolean,
): Point[] | null {
  if (area.regionCode !== null && file.regions.has(area.regionCode))
    return file.points(area.regionCode, sex, breakdown);
  if (!allowSum || area.kommuner.length === 0) return null;
  // Several indicators share a count (BAS's labour force is a numerator of one and a denominator of another).
  const key = seriesKey(areaKey(area), sex, breakdown);
  return remembered(sumCache, file, key, () => summed(file, area.kommuner, sex, breakdown));
}

const sumCache = new WeakMap<IndexedFile, Map<string, Point[] | null>>();

/** An area as a cache knows it: two areas of one id (a förbund, a national set) differ by kind and size. */
function areaKey(area: Area): string {
  return `${area.kind}:${area.id}:${area.kommuner.length}`;
}

function toYearly(indicator: Indicator, points: Point[]): Point[] {
  switch (indicator.yearly.kind) {
    case 'mean-of-months':
      return yearlyMeanOfMonths(points);
    case 'mean-of-quarters':
      return yearlyMeanOfQuarters(points);
    case 'month':
      return yearlyFromMonth(points, indicator.yearly.month);
    case 'as-published':
      return points;
  }
}

/** Which series: an indicator's, for an area and sex, at a breakdown selection (e.g. `{benefit: 'summa'}`). */
export interface SeriesRequest {
  indicator: Indicator;
  area: Area;
  sex: Sex;
  selection: Record<string, string>;
}

type SeriesMaker = (snapshot: Snapshot, request: SeriesRequest) => ValuePoint[] | null;

/**
 * Pages, downloads and open data ask for the same series many times: the maker, wrapped so that
 * each series is made once per snapshot.
 */
function madeOnce(make: SeriesMaker): SeriesMaker {
  const caches = new WeakMap<Snapshot, Map<string, ValuePoint[] | null>>();
  return (snapshot, request) => {
    const key = `${request.indicator.id}|${seriesKey(areaKey(request.area), request.sex, request.selection)}`;
    return remembered(caches, snapshot, key, () => make(snapshot, request));
  };
}

/**
 * Yearly series of the indicator for an area, sex and breakdown selection (e.g. `{benefit: 'summa'}`).
 * Returns null when the snapshot cannot give this area a value (e.g. a förbund aggregate of shares).
 */
export const yearlySeries: SeriesMaker = madeOnce(protectedSeries);

/*
 * Secondary suppression, by the rules of pipeline/disclosure.ts. Kommun points are settled first,
 * aggregates then read them, and the sex rule runs last on each.
 */

function withheld(point: ValuePoint): ValuePoint {
  return { ...point, value: null, numerator: null, denominator: null, status: 'withheld' };
}

const protectedCache = new WeakMap<Snapshot, Map<string, boolean>>();

/** Whether the indicator's data hold any protected value at all; if not, nothing needs hiding. */
function mayHoldProtected(snapshot: Snapshot, indicator: Indicator): boolean {
  return remembered(protectedCache, snapshot, indicator.id, () => holdsProtected(snapshot, indicator));
}

function holdsProtected(snapshot: Snapshot, indicator: Indicator): boolean {
  return measureDatasets(indicator.measure).some((id) => {
    const file = snapshot.file(id);
    return !!file && file.file.series.some((series) => Object.values(series.status).some(isProtected));
  });
}

/**
 * The series with every aggregate point withheld where one of the area's kommuner is protected;
 * made once per area, sex and selection (the sex rule reads all three sexes of each area).
 */
const membersChecked: SeriesMaker = madeOnce(checkMembers);

function checkMembers(snapshot: Snapshot, { indicator, area, sex, selection }: SeriesRequest): ValuePoint[] | null {
  const own = rawYearlySeries(snapshot, { indicator, area, sex, selection });
  if (!own || area.kind === 'kommun') return own;
  const members = area.kommuner.map((code) =>
    yearlySeries(snapshot, {
      indicator,
      area: { id: code, name: code, kind: 'kommun', regionCode: code, kommuner: [code] },
      sex,
      selection,
    }),
  );
  // A sum with a hidden part is withheld, not "<5": the sum inherits its part's status, and a
  // förbund of 114 marked as suppressed would claim it is a count from 1 to 4.
  return own.map((point) =>
    aggregateWithheld(members.map((member) => pointAt(member, point.period)?.status ?? null)) ? withheld(point) : point,
  );
}

function protectedSeries(snapshot: Snapshot, { indicator, area, sex, selection }: SeriesRequest): ValuePoint[] | null {
  if (!mayHoldProtected(snapshot, indicator)) return rawYearlySeries(snapshot, { indicator, area, sex, selection });
  const own = membersChecked(snapshot, { indicator, area, sex, selection });
  if (!own || !indicator.bySex) return own;
  const [total, women, men] = (['total', 'women', 'men'] as const).map((which) =>
    which === sex ? own : membersChecked(snapshot, { indicator, area, sex: which, selection }),
  );
  return own.map((point) => {
    const trio = {
      total: pointAt(total, point.period),
      women: pointAt(women, point.period),
      men: pointAt(men, point.period),
    };
    const hidden = (Object.keys(trio) as Sex[]).filter((which) => {
      const other = trio[which];
      return other !== null && isProtected(other.status);
    });
    return sexToAlsoWithhold(hidden) === sex && !isProtected(point.status) ? withheld(point) : point;
  });
}

/**
 * The publisher's own yearly shares for a kommun, where the yearly figure is one published cell
 * (a final yearly table, or October of a monthly one); a mean of months is ours to make.
 */
function publishedShares(
  snapshot: Snapshot,
  { indicator, area, sex, selection }: SeriesRequest,
): Map<string, Point> | null {
  const measure = indicator.measure;
  if (measure.kind !== 'ratio' || !measure.published || area.kind !== 'kommun' || area.regionCode === null) return null;
  if (indicator.yearly.kind !== 'as-published' && indicator.yearly.kind !== 'month') return null;
  const file = snapshot.file(measure.published.indicator);
  const points = file?.points(area.regionCode, sex, file.breakdownFor(measure.published.breakdown, selection));
  if (!points) return null;
  return new Map(
    toYearly(indicator, points)
      .filter((point) => point.value !== null)
      .map((point) => [point.period, point]),
  );
}

/** The series as the data give it, before secondary suppression. */
const rawYearlySeries: SeriesMaker = madeOnce(computeYearlySeries);

function computeYearlySeries(
  snapshot: Snapshot,
  { indicator, area, sex, selection }: SeriesRequest,
): ValuePoint[] | null {
  const measure = indicator.measure;
  if (measure.kind === 'ratio') {
    const numeratorFile = snapshot.file(measure.numerator.indicator);
    const denominatorFile = snapshot.file(measure.denominator.indicator);
    if (!numeratorFile || !denominatorFile) return null;
    const numerator = areaPoints(
      numeratorFile,
      area,
      sex,
      numeratorFile.breakdownFor(measure.numerator.breakdown, selection),
      true,
    );
    const denominator = areaPoints(
      denominatorFile,
      area,
      sex,
      denominatorFile.breakdownFor(measure.denominator.breakdown, selection),
      true,
    );
    if (!numerator || !denominator) return null;
    const yearlyNumerator = toYearly(indicator, numerator);
    const yearlyDenominator = new Map(toYearly(indicator, denominator).map((point) => [point.period, point]));
    const published = publishedShares(snapshot, { indicator, area, sex, selection });
    return yearlyNumerator.flatMap((point) => {
      const below = yearlyDenominator.get(point.period);
      if (!below) return [];
      const ours = ratio(point.value, below.value, measure.scale);
      // data:build has checked that our share rounds to theirs; the kommun's figure is theirs. Where
      // we have no share (a missing or protected count), theirs is not shown either.
      const theirs = ours === null ? undefined : published?.get(point.period);
      return [
        {
          period: point.period,
          numerator: point.value,
          denominator: below.value,
          value: theirs?.value ?? ours,
          status: rateStatus(combineStatus([point.status, below.status])),
          example: theirs ? theirs.example === true : point.example === true || below.example === true,
        },
      ];
    });
  }
  const file = snapshot.file(measure.indicator);
  if (!file) return null;
  const rate = forbundRateMethod(snapshot, indicator, area);
  if (rate === 'published' && area.publishedAs) {
    const points = file.points(area.publishedAs, sex, file.breakdownFor(measure.breakdown, selection));
    return points && toYearly(indicator, points).map((point) => ({ ...point, numerator: null, denominator: null }));
  }
  if (rate === 'weighted') return weightedMean(snapshot, indicator, file, area, sex, selection);
  // Only counts add up; a förbund value of a share cannot be made from members' shares.
  const points = areaPoints(
    file,
    area,
    sex,
    file.breakdownFor(measure.breakdown, selection),
    indicator.unit === 'count',
  );
  if (!points) return null;
  return toYearly(indicator, points).map((point) => ({
    ...point,
    value: isProtected(point.status) ? null : point.value,
    numerator: null,
    denominator: null,
  }));
}

/**
 * A rate of a count of 1 to 4 is no such count itself ("<5" would misread it), but it would give the
 * count away beside the population: it is withheld, and aggregates and the other sex follow as for
 * any protected value.
 */
function rateStatus(status: ObservationStatus): ObservationStatus {
  return status === 'suppressed' ? 'withheld' : status;
}

/**
 * How a förbund's figure of a rate the source publishes per region is made: the source's own for a
 * län of exactly its kommuner, else the members' rates weighted (where the catalogue gives a
 * weight), else none. Null for counts, ratios of counts and areas that are no förbund.
 */
export function forbundRateMethod(
  snapshot: Snapshot,
  indicator: Indicator,
  area: Area,
): 'published' | 'weighted' | 'none' | null {
  const { measure } = indicator;
  if (measure.kind !== 'value' || indicator.unit === 'count' || area.kind !== 'forbund') return null;
  if (area.publishedAs && snapshot.file(measure.indicator)?.regions.has(area.publishedAs)) return 'published';
  return measure.weightedBy ? 'weighted' : 'none';
}

/**
 * The members' rates weighted by the source's denominator (or the nearest count we have of it):
 * Σ rate × weight / Σ weight, which is the publisher's own rate for the area where the weight is its
 * denominator. A year without every member's rate and weight has no value.
 */
function weightedMean(
  snapshot: Snapshot,
  indicator: Indicator,
  file: IndexedFile,
  area: Area,
  sex: Sex,
  selection: Record<string, string>,
): ValuePoint[] | null {
  const measure = indicator.measure;
  if (measure.kind !== 'value' || !measure.weightedBy) return null;
  const { lag } = measure.weightedBy;
  const weightFile = snapshot.file(measure.weightedBy.indicator);
  if (!weightFile || area.kommuner.length === 0) return null;
  const weightBreakdown = weightFile.breakdownFor(measure.weightedBy.breakdown, {});
  const parts = area.kommuner.map((kommun) => ({
    values: new Map(
      toYearly(indicator, file.points(kommun, sex, file.breakdownFor(measure.breakdown, selection)) ?? []).map(
        (point) => [point.period, point],
      ),
    ),
    weights: new Map((weightFile.points(kommun, sex, weightBreakdown) ?? []).map((point) => [point.period, point])),
  }));
  const periods = [...(parts[0]?.values.keys() ?? [])];
  return periods.map((period) => {
    const weightYear = String(Number(period) - lag);
    let weighted = 0;
    let total = 0;
    let complete = true;
    const statuses: ObservationStatus[] = [];
    let example = false;
    for (const part of parts) {
      const value = part.values.get(period);
      const weight = part.weights.get(weightYear);
      if (value?.value == null || weight?.value == null || isProtected(value.status)) {
        complete = false;
        break;
      }
      weighted += value.value * weight.value;
      total += weight.value;
      statuses.push(value.status, weight.status);
      example ||= value.example === true || weight.example === true;
    }
    const value = complete && total > 0 ? weighted / total : null;
    return {
      period,
      value,
      numerator: null,
      denominator: null,
      status: value === null ? 'missing' : combineStatus(statuses),
      example,
    };
  });
}
