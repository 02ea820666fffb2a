import { z } from 'zod';
import {
  ObservationStatusSchema,
  PeriodCodeSchema,
  SexSchema,
  type ObservationStatus,
  type Sex,
} from './observation.ts';
import { ProvenanceSchema } from './provenance.ts';

/**
 * One series in a snapshot file: a region × sex × breakdown, with one value per period of the
 * file's shared period axis. This is a compact encoding of tidy observations, not another model.
 */
export interface SnapshotSeries {
  region: string;
  sex: Sex;
  breakdown: Record<string, string>;
  /** Aligned with the file's `periods`; null for missing or suppressed. */
  values: (number | null)[];
  /** Sparse: period index → status, where it differs from the file's default. */
  status: Record<string, ObservationStatus>;
  /** Sparse: period index → the source's own flag, verbatim. */
  sourceStatus: Record<string, string>;
  /** Run-length provenance: `[first period index, index into the file's provenance list]`. */
  provenance: [number, number][];
}

const SEXES = new Set<unknown>(SexSchema.options);
const STATUSES = new Set<unknown>(ObservationStatusSchema.options);
const isRecordOf = (value: unknown, valid: (entry: unknown) => boolean) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(valid);
const isIndex = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/**
 * What is wrong with one series, as [path within the series, message] pairs. Plain loops: a zod
 * schema per series and per cell cost half a second a build on a national snapshot (53 000 series,
 * 3 million cells), read at every site build.
 */
function seriesProblems(series: SnapshotSeries, periods: number, provenance: number): [(string | number)[], string][] {
  const problems: [(string | number)[], string][] = [];
  if (typeof series !== 'object' || series === null) return [[[], 'väntade en serie']];
  if (typeof series.region !== 'string') problems.push([['region'], 'väntade en regionkod']);
  if (!SEXES.has(series.sex)) problems.push([['sex'], 'väntade total, women eller men']);
  if (!isRecordOf(series.breakdown, (entry) => typeof entry === 'string'))
    problems.push([['breakdown'], 'väntade namn → kod']);
  if (!Array.isArray(series.values)) return [...problems, [['values'], 'väntade en lista med värden']];
  if (series.values.length !== periods)
    problems.push([['values'], `${series.values.length} värden men ${periods} perioder`]);
  const bad = series.values.findIndex((value) => value !== null && !Number.isFinite(value));
  if (bad >= 0) problems.push([['values', bad], 'väntade ett tal eller null']);
  if (!isRecordOf(series.status, (entry) => STATUSES.has(entry))) problems.push([['status'], 'okänd status']);
  if (!isRecordOf(series.sourceStatus, (entry) => typeof entry === 'string'))
    problems.push([['sourceStatus'], 'väntade index → text']);
  const runs = Array.isArray(series.provenance) ? series.provenance : [];
  if (
    !Array.isArray(series.provenance) ||
    runs.some(
      (run) => !Array.isArray(run) || !isIndex(run[0]) || !isIndex(run[1]) || run[0] >= periods || run[1] >= provenance,
    )
  )
    problems.push([['provenance'], 'pekar utanför filen']);
  return problems;
}

export const SnapshotFileSchema = z
  .object({
    /** Observation indicator: `he`, `he-befolkning`, `bas`, or a catalogue id. */
    indicator: z.string(),
    defaultStatus: ObservationStatusSchema,
    periods: z.array(PeriodCodeSchema),
    /** Provenance ids referenced by the series. */
    provenance: z.array(z.string()),
    /** Checked series by series in the refinement below. */
    series: z.custom<SnapshotSeries[]>((value) => Array.isArray(value), 'väntade en lista med serier'),
  })
  .superRefine((file, context) => {
    file.series.forEach((series, index) => {
      for (const [path, message] of seriesProblems(series, file.periods.length, file.provenance.length))
        context.addIssue({ code: 'custom', path: ['series', index, ...path], message });
    });
  });
export type SnapshotFile = z.infer<typeof SnapshotFileSchema>;

export const SnapshotMetaSchema = z.object({
  /** True when any value comes from the example generator: every page must say so. */
  example: z.boolean(),
  /** The latest retrieval among the raw files: the data's own date, never the build's. */
  retrievedAt: z.string(),
  files: z.array(z.object({ indicator: z.string(), file: z.string(), observations: z.number().int() })),
  provenance: z.array(ProvenanceSchema),
  contentCodes: z.record(z.string(), z.record(z.string(), z.string())),
  /** Tables found by search at fetch time (those sources.json does not pin): dataset → table id. */
  tables: z.record(z.string(), z.string()).default({}),
  suppressionThreshold: z.number().int(),
  /** SHA-256 over every input, to tell whether a rebuild would change anything. */
  inputsSha256: z.string(),
});
export type SnapshotMeta = z.infer<typeof SnapshotMetaSchema>;

/** One dataset's changes against the previous snapshot. */
export const DatasetChangesSchema = z.object({
  dataset: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  newPeriods: z.array(PeriodCodeSchema),
  /** How many published values changed; the first ones are listed. */
  revised: z.number().int().min(0),
  revisions: z.array(
    z.object({
      region: z.string(),
      sex: z.string(),
      breakdown: z.string(),
      period: PeriodCodeSchema,
      from: z.number(),
      to: z.number(),
    }),
  ),
});
export type DatasetChanges = z.infer<typeof DatasetChangesSchema>;

/** What the latest data:build changed (`data/snapshot/changes.json`, published as /data/andringar.json). */
export const ChangeLogSchema = z.object({
  /** The snapshot compared with, or null for the first build. */
  comparedWith: z.object({ inputsSha256: z.string(), retrievedAt: z.string() }).nullable(),
  inputsSha256: z.string(),
  retrievedAt: z.string(),
  datasets: z.array(DatasetChangesSchema),
  tables: z.array(z.object({ dataset: z.string(), from: z.string().nullable(), to: z.string() })),
});
export type ChangeLog = z.infer<typeof ChangeLogSchema>;
