import { z } from 'zod';
import { PlainTextSchema } from './text.ts';

/**
 * A known break in a series (`data/config/breaks.json`): from `period` the figures are made another
 * way (a new register, a new table, a new method), so a change across it is partly the method's.
 * Each is drawn on the indicator's charts, listed in its caveats and the deck's notes, and carried
 * into the catalogue.
 */
export const SeriesBreakSchema = z.strictObject({
  /** The indicators whose series break. */
  indicators: z.array(z.string()).min(1),
  /** The first year of the new way. */
  period: z.string().regex(/^\d{4}$/, 'väntade ett år, t.ex. 2025'),
  /** A few words for the chart's marker ("Cell Key-metoden"). */
  label: PlainTextSchema.max(40),
  /** What changed, as a sentence for the caveats. */
  description: PlainTextSchema,
  /** Kommuner affected (a changed classification); absent: every area. */
  regions: z.array(z.string().regex(/^\d{4}$/)).optional(),
});
export type SeriesBreak = z.infer<typeof SeriesBreakSchema>;

export const SeriesBreaksSchema = z.array(SeriesBreakSchema);
