/**
 * Where each source stands: when its raw files were last fetched or delivered, the latest period
 * they hold, when the next release is due by its rhythm, and whether it is overdue. One model for
 * `npm run data:status` (which a scheduler acts on) and the table on Om statistiken.
 */
import type { Indicator } from '../../schemas/indicator.ts';
import type { ReleaseRhythm, SourcesConfig } from '../../schemas/sources.ts';
import type { Snapshot } from '../../pipeline/snapshot-reader.ts';
import { MONTHS_BETWEEN } from './release.ts';

export interface SourceStatus {
  /** "SCB TAB1386", "Kolada", "Export aktivitetsersattning-kartlaggning". */
  source: string;
  /** The source as a reader knows it: "Kommunerna (KAA-samordnare): Unga i KAA utan sysselsättning". */
  label: string;
  kind: 'scb' | 'kolada' | 'export';
  /** The latest fetch or delivery of its raw files (ISO date and time), or null. */
  updated: string | null;
  latestPeriod: string | null;
  rhythm: ReleaseRhythm | null;
  /** The first day of the month after the one the next release is expected in (ISO date): overdue from then. */
  dueBy: string | null;
  state: 'current' | 'overdue' | 'unknown';
  /** Why it is overdue, in a sentence; null when it is not. */
  reason: string | null;
}

/**
 * Every source's status at `now`. An export is also overdue when older than `exportMaxAgeDays`,
 * whatever its rhythm says: a member organisation that stopped delivering should be asked.
 */
export function sourceStatuses(
  sources: SourcesConfig,
  indicators: Indicator[],
  snapshot: Snapshot,
  now: Date,
  exportMaxAgeDays: number,
): SourceStatus[] {
  const retrieved = new Map(snapshot.meta.provenance.map((entry) => [entry.id, entry.retrievedAt]));
  /** What the observation files of these datasets hold, from raw files whose ids start with `prefix`. */
  const facts = (datasets: string[], prefix: string) => {
    const files = datasets.flatMap((dataset) => snapshot.file(dataset) ?? []);
    const updated =
      files
        .flatMap((file) => file.file.provenance.filter((id) => id.startsWith(prefix)))
        .map((id) => retrieved.get(id) ?? '')
        .filter(Boolean)
        .sort()
        .at(-1) ?? null;
    const latestPeriod =
      files
        .flatMap((file) =>
          file.file.periods.filter((_, index) => file.file.series.some((series) => series.values[index] != null)),
        )
        .sort()
        .at(-1) ?? null;
    return { updated, latestPeriod };
  };
  const judged = (
    base: Omit<SourceStatus, 'dueBy' | 'state' | 'reason'>,
    maxAgeDays: number | null = null,
  ): SourceStatus => {
    if (base.updated === null) return { ...base, dueBy: null, state: 'unknown', reason: null };
    const updated = new Date(base.updated);
    const dueBy = base.rhythm
      ? new Date(Date.UTC(updated.getUTCFullYear(), updated.getUTCMonth() + MONTHS_BETWEEN[base.rhythm] + 1, 1))
      : null;
    const age = Math.floor((now.getTime() - updated.getTime()) / 86_400_000);
    const reason =
      dueBy && now >= dueBy
        ? `nästa utgåva väntades före ${dueBy.toISOString().slice(0, 10)}`
        : maxAgeDays !== null && age > maxAgeDays
          ? `levererades för ${age} dagar sedan, mer än ${maxAgeDays}`
          : null;
    return {
      ...base,
      dueBy: dueBy?.toISOString().slice(0, 10) ?? null,
      state: reason ? 'overdue' : 'current',
      reason,
    };
  };
  const scb = sources.scb.tables
    // A table that has ended (TAB638 after 2024) publishes nothing more.
    .filter((table) => table.time.to === null)
    .map((table) =>
      judged({
        source: `SCB ${table.table ?? table.dataset}`,
        label: `SCB ${table.table ?? table.dataset}`,
        kind: 'scb',
        rhythm: table.release ?? null,
        ...facts([...new Set(table.contents.items.map((item) => item.indicator))], `raw/scb/${table.dataset}/`),
      }),
    );
  // A table asked for twice (TAB5557's groups and its single years) is one source.
  const tables = [...new Map(scb.map((status) => [status.source, status])).values()];
  const kolada = judged({
    source: 'Kolada',
    label: 'Kolada',
    kind: 'kolada',
    rhythm: sources.kolada.release ?? null,
    ...facts(
      sources.kolada.kpis.map((kpi) => kpi.indicator),
      'raw/kolada/',
    ),
  });
  const exported = [
    ...new Map(
      indicators.flatMap((indicator) =>
        indicator.source.kind === 'export' && indicator.measure.kind === 'value'
          ? [[indicator.source.dataset, indicator] as const]
          : [],
      ),
    ).values(),
  ].map((indicator) =>
    judged(
      {
        source: `Export ${indicator.id}`,
        label: `${indicator.source.kind === 'export' ? indicator.source.publisher : ''}: ${indicator.shortTitle}`,
        kind: 'export',
        rhythm: indicator.source.kind === 'export' ? (indicator.source.release ?? null) : null,
        ...facts([indicator.id], 'exports/'),
      },
      exportMaxAgeDays,
    ),
  );
  return [...tables, kolada, ...exported];
}
