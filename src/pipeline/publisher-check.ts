/**
 * Our shares against the publisher's own. SCB publishes its share beside the counts it is made of
 * (TAB1386 "Andel av befolkningen", BAS "arbetslöshet" …); every share we can compute from the same
 * counts must round to it. A difference means a wrong numerator, denominator or label match, and
 * stops the build before any figure is published.
 */
import type { Indicator } from '../schemas/indicator.ts';
import type { SnapshotFile } from '../schemas/snapshot.ts';
import { IndexedFile } from './snapshot-reader.ts';

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

/** A numerator's or denominator's file, read as the measure reads it, with its periods' places. */
interface Part {
  file: IndexedFile;
  periodIndex: Map<string, number>;
}

/** Every computed share that has a published twin, compared: how many, and which differ. */
export function checkShares(
  indicators: Indicator[],
  files: Map<string, SnapshotFile>,
): { compared: number; mismatches: ShareMismatch[] } {
  const mismatches: ShareMismatch[] = [];
  // Several indicators share a numerator or denominator file.
  const parts = new Map<SnapshotFile, Part>();
  const partOf = (file: SnapshotFile): Part => {
    let part = parts.get(file);
    if (!part) {
      part = {
        file: new IndexedFile(file),
        periodIndex: new Map(file.periods.map((period, index) => [period, index])),
      };
      parts.set(file, part);
    }
    return part;
  };
  let compared = 0;
  for (const indicator of indicators) {
    const measure = indicator.measure;
    if (measure.kind !== 'ratio' || !measure.published) continue;
    const published = files.get(measure.published.indicator);
    const numerator = files.get(measure.numerator.indicator);
    const denominator = files.get(measure.denominator.indicator);
    if (!published || !numerator || !denominator) continue;
    const numerators = partOf(numerator);
    const denominators = partOf(denominator);
    const wanted = Object.entries(measure.published.breakdown);
    for (const series of published.series) {
      if (!wanted.every(([name, code]) => series.breakdown[name] === code)) continue;
      // The breakdown the measure itself would read (`series.ts`), so the check tests what is published.
      const part = ({ file }: Part, own: Record<string, string>) =>
        file.series(series.region, series.sex, file.breakdownFor(own, series.breakdown));
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
