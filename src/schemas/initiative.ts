import { z } from 'zod';
import { StrategicAreaSchema } from './indicator.ts';
import { PlainTextSchema } from './text.ts';

const Dated = z.object({
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'väntade ett datum som 2023-06 eller 2023-11-30'),
  text: z.string().min(1),
});

/**
 * One joint initiative (samverkansinitiativ) of a förbund: `data/content/initiativ/<förbund>/<nr>-<namn>.md`,
 * these fields as YAML frontmatter and the initiative's description as the Markdown body.
 */
export const InitiativeSchema = z.object({
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
    .array(z.union([z.object({ id: z.string().min(1) }), z.object({ local: z.string().min(1) })]))
    .default([]),
  feasibility: z.object({ effort: z.enum(['lätt', 'medel', 'svår']), time: z.enum(['kort', 'lång']) }),
  state: z.enum(['ej påbörjat', 'under start', 'pågående', 'genomfört', 'avslutat']),
  /** The analysis group's judgement of the effect on helårsekvivalenter, 1–5, or null for "ej bedömd". */
  effect: z.object({ score: z.number().int().min(1).max(5).nullable(), note: z.string().nullable().default(null) }),
  statusNotes: z.array(Dated).default([]),
  boardComments: z.array(Dated).default([]),
});
export type Initiative = z.infer<typeof InitiativeSchema>;
export const INITIATIVE_STATES = InitiativeSchema.shape.state.options;
