import { z } from 'zod';
import { StrategicAreaSchema } from './indicator.ts';
import { PlainTextSchema } from './text.ts';

/** A real calendar month or day: `2023-13-99` is refused, not published as "99 undefined 2023". */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number | undefined];
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const Dated = z.strictObject({
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'väntade ett datum som 2023-06 eller 2023-11-30')
    .refine(isCalendarDate, 'väntade ett datum som finns i kalendern'),
  text: z.string().min(1),
});

/**
 * One joint initiative (samverkansinitiativ) of a förbund: `data/content/initiativ/<förbund>/<nr>-<namn>.md`,
 * these fields as YAML frontmatter and the initiative's description as the Markdown body.
 */
/** Strict: a misspelt field (boardComment) is an error, never silently dropped. */
export const InitiativeSchema = z.strictObject({
  number: z.number().int().positive(),
  name: PlainTextSchema,
  /** Agreement year the initiative belongs to. */
  year: z.number().int().min(2000).max(2100),
  area: StrategicAreaSchema.exclude(['overgripande']),
  parties: z.array(z.string().min(1)).min(1),
  /** Who convenes (sammankallande), is responsible and follows up; null where the agreement names none. */
  convener: z.string().min(1),
  responsible: z.string().min(1).nullable().default(null),
  followUp: z.string().min(1).nullable().default(null),
  activities: z.array(z.string().min(1)).default([]),
  goals: z.array(z.string().min(1)).default([]),
  /** Catalogue indicators by id, or named local indicators with no data yet. */
  indicators: z
    .array(z.union([z.strictObject({ id: z.string().min(1) }), z.strictObject({ local: z.string().min(1) })]))
    .default([]),
  feasibility: z.strictObject({ effort: z.enum(['lätt', 'medel', 'svår']), time: z.enum(['kort', 'lång']) }),
  state: z.enum(['ej påbörjat', 'under start', 'pågående', 'genomfört', 'avslutat']),
  /** The analysis group's judgement of the effect on helårsekvivalenter, 1–5, or null for "ej bedömd". */
  effect: z.strictObject({
    score: z.number().int().min(1).max(5).nullable(),
    note: z.string().nullable().default(null),
  }),
  statusNotes: z.array(Dated).default([]),
  boardComments: z.array(Dated).default([]),
});
export type Initiative = z.infer<typeof InitiativeSchema>;
export const INITIATIVE_STATES = InitiativeSchema.shape.state.options;
