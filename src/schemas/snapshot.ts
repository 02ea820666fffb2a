import { z } from 'zod';
import { ObservationStatusSchema, PeriodCodeSchema, SexSchema } from './observation.ts';
import { ProvenanceSchema } from './provenance.ts';

/**
 * One series in a snapshot file: a region × sex × breakdown, with one value per period of the
 * file's shared period axis. This is a compact encoding of tidy observations, not another model.
 */
export const SnapshotSeriesSchema = z.object({
  region: z.string(),
  sex: SexSchema,
  breakdown: z.record(z.string(), z.string()),
  /**
   * Aligned with the file's `periods`; null for missing or suppressed. Checked cell by cell in the
   * file's refinement below: a zod schema per cell costs half a second a build on 3 million cells.
   */
  values: z.custom<(number | null)[]>((value) => Array.isArray(value), 'väntade en lista med värden'),
  /** Sparse: period index → status, where it differs from the file's default. */
  status: z.record(z.string(), ObservationStatusSchema),
  /** Sparse: period index → the source's own flag, verbatim. */
  sourceStatus: z.record(z.string(), z.string()),
  /** Run-length provenance: `[first period index, index into the file's provenance list]`. */
  provenance: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
export type SnapshotSeries = z.infer<typeof SnapshotSeriesSchema>;

export const SnapshotFileSchema = z
  .object({
    /** Observation indicator: `he`, `he-befolkning`, `bas`, or a catalogue id. */
    indicator: z.string(),
    defaultStatus: ObservationStatusSchema,
    periods: z.array(PeriodCodeSchema),
    /** Provenance ids referenced by the series. */
    provenance: z.array(z.string()),
    series: z.array(SnapshotSeriesSchema),
  })
  .superRefine((file, context) => {
    file.series.forEach((series, index) => {
      const path = ['series', index];
      if (series.values.length !== file.periods.length)
        context.addIssue({
          code: 'custom',
          path: [...path, 'values'],
          message: `${series.values.length} värden men ${file.periods.length} perioder`,
        });
      const bad = series.values.findIndex((value) => value !== null && !Number.isFinite(value));
      if (bad >= 0)
        context.addIssue({ code: 'custom', path: [...path, 'values', bad], message: 'väntade ett tal eller null' });
      for (const [start, reference] of series.provenance)
        if (start >= file.periods.length || reference >= file.provenance.length)
          context.addIssue({ code: 'custom', path: [...path, 'provenance'], message: 'pekar utanför filen' });
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
  /** Tables found by search at fetch time: dataset → table id (SCB's CKM population table). */
  tables: z.record(z.string(), z.string()).default({}),
  suppressionThreshold: z.number().int(),
  /** SHA-256 over every input, to tell whether a rebuild would change anything. */
  inputsSha256: z.string(),
});
export type SnapshotMeta = z.infer<typeof SnapshotMetaSchema>;
