import { z } from 'zod';
import { ObservationStatusSchema, PeriodCodeSchema, SexSchema } from './observation.ts';
import { ProvenanceSchema } from './provenance.ts';

/**
 * One series in a snapshot file: a region × sex × breakdown, with one value per period of the
 * file's shared period axis. This is a compact encoding of tidy observations, not another model:
 * `expandObservations` turns it back into rows.
 */
export const SnapshotSeriesSchema = z.object({
  region: z.string(),
  sex: SexSchema,
  breakdown: z.record(z.string(), z.string()),
  /** Aligned with the file's `periods`; null for missing or suppressed. */
  values: z.array(z.number().nullable()),
  /** Sparse: period index → status, where it differs from the file's default. */
  status: z.record(z.string(), ObservationStatusSchema),
  /** Sparse: period index → the source's own flag, verbatim. */
  sourceStatus: z.record(z.string(), z.string()),
  /** Run-length provenance: `[first period index, index into the file's provenance list]`. */
  provenance: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
export type SnapshotSeries = z.infer<typeof SnapshotSeriesSchema>;

export const SnapshotFileSchema = z.object({
  /** Observation indicator: `he`, `he-befolkning`, `bas`, or a catalogue id. */
  indicator: z.string(),
  defaultStatus: ObservationStatusSchema,
  periods: z.array(PeriodCodeSchema),
  /** Provenance ids referenced by the series. */
  provenance: z.array(z.string()),
  series: z.array(SnapshotSeriesSchema),
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
  /** Tables found by search at fetch time: dataset → table id (SCB's CKM population table). */
  tables: z.record(z.string(), z.string()).default({}),
  suppressionThreshold: z.number().int(),
  /** SHA-256 over every input, to tell whether a rebuild would change anything. */
  inputsSha256: z.string(),
});
export type SnapshotMeta = z.infer<typeof SnapshotMetaSchema>;
