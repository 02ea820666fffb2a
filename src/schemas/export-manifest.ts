import { z } from 'zod';
import { UnitSchema } from './indicator.ts';

/**
 * Describes one analyst export: `x.csv` or `x.xlsx` is described by `x.manifest.json` beside it.
 * Column names are the file's own header texts. Who publishes the indicator is said once, in the
 * catalogue (`indicators.json`). Unknown keys are errors, so a misspelt key is never ignored.
 */
export const ExportManifestSchema = z.strictObject({
  /** Catalogue indicator the values belong to. */
  indicator: z.string(),
  /** Unit of the values; must equal the catalogue's unit for the indicator. */
  unit: UnitSchema,
  /** Date the export was delivered or taken out (YYYY-MM-DD). */
  delivered: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The workbook sheet to read; needed only when a workbook has more than one visible sheet. */
  sheet: z.string().min(1).optional(),
  /** True for files written by the example generator. */
  example: z.boolean().default(false),
  columns: z.strictObject({
    region: z.string(),
    period: z.string(),
    value: z.string(),
    /** Sex column (Totalt/Kvinnor/Män or T/K/M); without it every row is a total. */
    sex: z.string().nullable().default(null),
    /** Optional column with the kommun's name: read and ignored. */
    name: z.string().nullable().default(null),
    /** Optional unit column; every row must then state the manifest's unit. */
    unit: z.string().nullable().default(null),
  }),
});
export type ExportManifest = z.infer<typeof ExportManifestSchema>;
