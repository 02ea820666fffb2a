/**
 * When an indicator's figures were last fetched or delivered, and when its source is next expected
 * to publish: from the snapshot's provenance and the release rhythm configured per source.
 */
import { MONTHS } from '../../formats/display.ts';
import { t } from '../../i18n/index.ts';
import { measureDatasets, type Indicator } from '../../schemas/indicator.ts';
import type { ReleaseRhythm, SourcesConfig } from '../../schemas/sources.ts';
import type { Snapshot } from '../../pipeline/snapshot-reader.ts';

export const MONTHS_BETWEEN: Record<ReleaseRhythm, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };

/** The source's rhythm: the export's own, Kolada's, or that of the SCB table still published. */
export function releaseRhythm(indicator: Indicator, sources: SourcesConfig): ReleaseRhythm | null {
  if (indicator.source.kind === 'export') return indicator.source.release ?? null;
  if (indicator.source.kind === 'kolada') return sources.kolada.release ?? null;
  const datasets = measureDatasets(indicator.measure);
  // A series stitched from two tables (TAB638 to 2024, TAB5557 after) follows the one without an end.
  const current = sources.scb.tables.find(
    (table) => table.time.to === null && table.contents.items.some((item) => datasets.includes(item.indicator)),
  );
  return current?.release ?? null;
}

/** The latest fetch or delivery of any raw file the indicator's figures come from. */
export function lastUpdated(indicator: Indicator, snapshot: Snapshot): string | null {
  const retrieved = new Map(snapshot.meta.provenance.map((entry) => [entry.id, entry.retrievedAt]));
  const dates = measureDatasets(indicator.measure).flatMap(
    (dataset) => snapshot.file(dataset)?.file.provenance.map((id) => retrieved.get(id) ?? '') ?? [],
  );
  return dates.filter(Boolean).sort().at(-1) ?? null;
}

/** "omkring december 2026 (SCB publicerar varje månad)": a rhythm after the last update. */
export function nextExpected(last: string, rhythm: ReleaseRhythm): string {
  const date = new Date(last);
  const month = date.getUTCMonth() + MONTHS_BETWEEN[rhythm];
  const year = date.getUTCFullYear() + Math.floor(month / 12);
  return t('release.next', { month: MONTHS[month % 12] ?? '', year, rhythm: t(`release.${rhythm}`) });
}
