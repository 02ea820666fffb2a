/**
 * Our shares against the publisher's own. SCB publishes its share beside the counts it is made of
 * (TAB1386 "Andel av befolkningen", BAS "arbetslöshet" …); every share we can compute from the same
 * counts must round to it. A difference means a wrong numerator, denominator or label match, and
 * stops the build before any figure is published.
 */
import type { Indicator } from '../schemas/indicator.ts';
import type { SnapshotFile, SnapshotSeries } from '../schemas/snapshot.ts';
import { seriesKey } from './snapshot-reader.ts';

/** SCB publishes these shares with one decimal: ours may differ by half of that, no more. */
export const PUBLISHED_SHARE_TOLERANCE = 0.05;

export interface ShareMismatch {
  indicator: string;
  region: string;
  sex: string;
  breakdown: string;
  period: string;
  computed: number;
  published: number;
}

export class PublisherCheckError extends Error {
  readonly mismatches: ShareMismatch[];
  constructor(mismatches: ShareMismatch[]) {
    const shown = mismatches.slice(0, 50).map(describe);
    const more = mismatches.length > shown.length ? [`… och ${mismatches.length - shown.length} till`] : [];
    super(
      `${mismatches.length} andelar skiljer sig från SCB:s egna mer än avrundningen (${PUBLISHED_SHARE_TOLERANCE}):\n${[...shown, ...more].join('\n')}`,
    );
    this.mismatches = mismatches;
  }
}

function describe(mismatch: ShareMismatch): string {
  const breakdown = mismatch.breakdown ? ` ${mismatch.breakdown}` : '';
  return `  ${mismatch.indicator} ${mismatch.region} ${mismatch.sex}${breakdown} ${mismatch.period}: beräknat ${mismatch.computed.toFixed(3)}, SCB ${mismatch.published}`;
}

/** The file's breakdown for a part of the measure: its own, plus the published series' where the file has them. */
function partBreakdown(
  names: Set<string>,
  own: Record<string, string>,
  published: Record<string, string>,
): Record<string, string> {
  const chosen = { ...own };
  for (const [name, code] of Object.entries(published)) if (names.has(name) && !(name in own)) chosen[name] = code;
  return chosen;
}

interface IndexedPart {
  series: Map<string, SnapshotSeries>;
  breakdownNames: Set<string>;
  periodIndex: Map<string, number>;
}

function indexed(file: SnapshotFile): IndexedPart {
  return {
    series: new Map(file.series.map((series) => [seriesKey(series.region, series.sex, series.breakdown), series])),
    breakdownNames: new Set(file.series.flatMap((series) => Object.keys(series.breakdown))),
    periodIndex: new Map(file.periods.map((period, index) => [period, index])),
  };
}

/** Every computed share that has a published twin, compared: how many, and which differ. */
export function checkShares(
  indicators: Indicator[],
  files: Map<string, SnapshotFile>,
): { compared: number; mismatches: ShareMismatch[] } {
  const mismatches: ShareMismatch[] = [];
  // Several indicators share a numerator or denominator file.
  const indexes = new Map<SnapshotFile, IndexedPart>();
  const index = (file: SnapshotFile) => indexes.get(file) ?? indexes.set(file, indexed(file)).get(file)!;
  let compared = 0;
  for (const indicator of indicators) {
    const measure = indicator.measure;
    if (measure.kind !== 'ratio' || !measure.published) continue;
    const published = files.get(measure.published.indicator);
    const numerator = files.get(measure.numerator.indicator);
    const denominator = files.get(measure.denominator.indicator);
    if (!published || !numerator || !denominator) continue;
    const numerators = index(numerator);
    const denominators = index(denominator);
    const wanted = Object.entries(measure.published.breakdown);
    for (const series of published.series) {
      if (!wanted.every(([name, code]) => series.breakdown[name] === code)) continue;
      const part = (index: IndexedPart, own: Record<string, string>) =>
        index.series.get(
          seriesKey(series.region, series.sex, partBreakdown(index.breakdownNames, own, series.breakdown)),
        );
      const above = part(numerators, measure.numerator.breakdown);
      const below = part(denominators, measure.denominator.breakdown);
      if (!above || !below) continue;
      published.periods.forEach((period, index) => {
        const theirs = series.values[index] ?? null;
        const top = above.values[numerators.periodIndex.get(period) ?? -1] ?? null;
        const bottom = below.values[denominators.periodIndex.get(period) ?? -1] ?? null;
        if (theirs === null || top === null || bottom === null || bottom === 0) return;
        const ours = (top / bottom) * measure.scale;
        compared++;
        if (Math.abs(ours - theirs) > PUBLISHED_SHARE_TOLERANCE + 1e-9)
          mismatches.push({
            indicator: indicator.id,
            region: series.region,
            sex: series.sex,
            breakdown: Object.entries(series.breakdown)
              .map(([name, code]) => `${name}=${code}`)
              .join(' '),
            period,
            computed: ours,
            published: theirs,
          });
      });
    }
  }
  return { compared, mismatches };
}
