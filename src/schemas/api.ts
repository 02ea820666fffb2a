/**
 * What SCB's PxWebApi 2.0 and Kolada's v3 answer, as far as the fetch reads it: each schema keeps
 * only the fields the fetch uses and lets the rest pass (`loose`), as the APIs add fields.
 */
import { z } from 'zod';

/** SCB's `/config`: how many cells one call may hold and how many calls a time window allows. */
export const ScbConfigSchema = z
  .object({
    maxDataCells: z.number().int().positive(),
    maxCallsPerTimeWindow: z.number().int().positive(),
    timeWindow: z.number().positive(),
  })
  .loose();
export type ScbLimits = z.infer<typeof ScbConfigSchema>;

/** One page of `GET /tables?query=…` (PxWebApi 2.0 TablesResponse); only what the choice needs. */
export const TablesPageSchema = z
  .object({
    tables: z.array(
      z
        .object({
          id: z.string(),
          label: z.string().optional(),
          discontinued: z.boolean().nullable().optional(),
          /** The folders leading to the table, as lists of `{id, label}`; not every server sends them. */
          paths: z.array(z.array(z.object({ id: z.string() }).loose())).optional(),
        })
        .loose(),
    ),
    page: z.object({ pageNumber: z.number().int(), totalPages: z.number().int() }).loose().optional(),
  })
  .loose();

/** Kolada's `/kpi` answers: the KPIs asked for, or found by title. */
export const KpiListSchema = z
  .object({ values: z.array(z.object({ id: z.string(), title: z.string() }).loose()) })
  .loose();
