import { z } from 'zod';
import { SexSchema } from './observation.ts';
import { ApiUrlSchema } from './text.ts';
import { MAX_CELLS } from '../formats/jsonstat.ts';

/** A content (ContentsCode) the fetch wants: pinned by code, or resolved once by label. */
/** How often a source publishes new figures: a page says when the next update is to be expected. */
export const ReleaseRhythmSchema = z.enum(['month', 'quarter', 'half-year', 'year']);
export type ReleaseRhythm = z.infer<typeof ReleaseRhythmSchema>;

export const ContentItemSchema = z.strictObject({
  /** Pinned SCB content code; null until resolved from the table's metadata by label. */
  code: z.string().nullable(),
  /** SCB's own label, typos included; matched ignoring case, dashes and spacing when `code` is null. */
  label: z.string(),
  /** Observation indicator the values go to. */
  indicator: z.string(),
  breakdown: z.record(z.string(), z.string()),
  /** SCB publishes missing values as 0 for this content: flag zeros as possibly missing. */
  zeroMayBeMissing: z.boolean().default(false),
});
export type ContentItem = z.infer<typeof ContentItemSchema>;

export const ScbTableSchema = z
  .object({
    /** Dataset name used for raw files and the snapshot (`he`, `bas`). */
    dataset: z.string().regex(/^[a-z0-9-]+$/),
    /** Pinned table id; null for a table found online with `find` (a table whose id SCB has changed). */
    table: z
      .string()
      .regex(/^TAB\d+$/)
      .nullable(),
    /**
     * Finds the table with `GET /tables?query=…` when `table` is null: the one candidate whose
     * metadata has every variable and value this entry needs. Recorded in provenance once found.
     */
    find: z
      .object({
        query: z.string().min(1),
        /** Only tables under this folder of SCB's database (e.g. `AM0210D`), where the search answer names the folders. */
        folder: z.string().nullable().default(null),
      })
      .nullable()
      .default(null),
    title: z.string(),
    /** How often SCB publishes the table. */
    release: ReleaseRhythmSchema.optional(),
    /** Status of every value in the table: BAS monthly is preliminary. */
    status: z.enum(['final', 'preliminary']),
    geo: z.strictObject({ variable: z.string(), levels: z.array(z.enum(['riket', 'lan', 'kommun'])).min(1) }),
    /** Periods from `from` through `to` (inclusive; null = the latest): two tables stitch into one series without overlap. */
    time: z.strictObject({ variable: z.string(), from: z.string(), to: z.string().nullable().default(null) }),
    sex: z.strictObject({ variable: z.string(), codes: z.partialRecord(SexSchema, z.string()) }),
    contents: z.strictObject({ variable: z.string(), items: z.array(ContentItemSchema).min(1) }),
    /** Variables kept as observation breakdowns, with the breakdown name. */
    breakdowns: z.array(z.strictObject({ variable: z.string(), name: z.string() })),
    /**
     * Single-year ages summed into bands at build time (TAB638 has no 20–64 total). Sums run over the
     * whole dataset, since the query may be split across calls by age.
     */
    ageBands: z
      .object({
        variable: z.string(),
        name: z.string(),
        bands: z.record(z.string(), z.strictObject({ from: z.number().int().min(0), to: z.number().int().min(0) })),
      })
      .nullable()
      .default(null),
    /** The table has men and women but no total: add the total as their sum. */
    sumSexes: z.boolean().default(false),
    /**
     * The codes named in `sex.codes` and `queries` are not verified against the real table: each is
     * matched to a value by code or, failing that, by label (`20-64` finds "20–64 år", `1+2` finds
     * "totalt"), exactly and never ambiguously. The mapping is recorded in provenance.
     */
    codesByLabel: z.boolean().default(false),
    /** One or more selections; variables not in geo/time/contents are chosen here. */
    queries: z
      .array(
        z.strictObject({
          name: z.string().regex(/^[a-z0-9-]+$/),
          select: z.record(z.string(), z.array(z.string()).min(1)),
        }),
      )
      .min(1),
  })
  .refine((table) => table.table !== null || table.find !== null, {
    message: 'ange table (TAB-id) eller find (sökord för /tables)',
    path: ['table'],
  });
export type ScbTable = z.infer<typeof ScbTableSchema>;

export const KoladaKpiSchema = z.strictObject({
  /** Pinned KPI id; null until looked up online by `titleQuery`. */
  kpi: z
    .string()
    .regex(/^[NU]\d{5}$/)
    .nullable(),
  titleQuery: z.string(),
  /** Catalogue indicator the values go to. */
  indicator: z.string(),
});

export const SourcesConfigSchema = z.strictObject({
  scb: z.strictObject({
    baseUrl: ApiUrlSchema,
    lang: z.enum(['sv', 'en']),
    /** Cells one raw data file may hold; checked before anything walks them (fetch, build, inspect). */
    maxCellsPerFile: z.number().int().positive().default(MAX_CELLS),
    /**
     * Cells one table's fetch may ask for in all (the largest here, BAS by month, is about 3 million):
     * metadata claiming a far larger cube stops the fetch instead of starting thousands of calls.
     */
    maxCellsPerTable: z.number().int().positive().default(20_000_000),
    tables: z.array(ScbTableSchema),
    /**
     * SKR's kommungrupper as SCB publishes them: an aggregation code list of the Region variable
     * (`agg_RegionKommungrupp2023-`), whose values are the group codes with a prefix (`2023_A1`).
     */
    kommungrupper: z
      .object({ codelist: z.string().min(1), prefix: z.string() })
      .nullable()
      .default(null),
  }),
  kolada: z.strictObject({
    /** Kolada's KPIs are yearly. */
    release: ReleaseRhythmSchema.optional(),
    baseUrl: ApiUrlSchema,
    fromYear: z.number().int().min(1990),
    perPage: z.number().int().min(1).max(5000),
    requestsPerSecond: z.number().positive().max(5),
    kpis: z.array(KoladaKpiSchema),
    /**
     * Kolada's "Liknande kommuner" peer groups to fetch, one per area: `title` is the start of the
     * group titles ("Liknande kommuner arbetsmarknad" for "…, Umeå, 2024"); indicators name `area`.
     */
    peerGroups: z
      .array(
        z.strictObject({
          area: z.string().regex(/^[a-z][a-z-]*$/),
          title: z.string().min(1),
        }),
      )
      .default([]),
  }),
});
export type SourcesConfig = z.infer<typeof SourcesConfigSchema>;
