import { z } from 'zod';

/** Where one raw file came from. Written beside the raw file when it is fetched or imported. */
export const ProvenanceSchema = z.object({
  /** Stable id, referenced by observations: the raw file's path under `data/`. */
  id: z.string().min(1),
  /** Source family. */
  source: z.enum(['scb', 'kolada', 'export']),
  /** URL fetched, or the export's file name. */
  url: z.string().min(1),
  /** The query sent (POST body or query string), if any. */
  query: z.string().nullable(),
  /** ISO timestamp of the fetch or import. */
  retrievedAt: z.iso.datetime({ offset: true }),
  /** SHA-256 of the raw bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** True when the file was written by the example generator, not fetched. */
  example: z.boolean(),
  /**
   * A real response that another public project fetched and recorded, which the example carries as
   * real: the project and file. Absent for files fetched here and for invented ones.
   */
  recordedBy: z.string().optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** `data/raw/provenance.json`: every raw file with its provenance, and what the fetch resolved. */
export const RawManifestSchema = z.object({
  /**
   * True when data/raw is the example dataset: every file invented by the example generator or a
   * real response recorded by another project that the example carries. False after a fetch.
   */
  example: z.boolean(),
  files: z.array(ProvenanceSchema),
  /** Content codes resolved by label at fetch time, per table: label → code. */
  contentCodes: z.record(z.string(), z.record(z.string(), z.string())),
  /** Tables found by search at fetch time, per dataset: dataset → table id. */
  tables: z.record(z.string(), z.string().regex(/^TAB\d+$/)).default({}),
  /** Values matched by label at fetch time, per dataset and variable: configured code → the table's code. */
  valueCodes: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.string()))).default({}),
});
export type RawManifest = z.infer<typeof RawManifestSchema>;
