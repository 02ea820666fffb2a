import { z } from 'zod';
import { PlainTextSchema } from './text.ts';

/**
 * `data/content/dialog/<kommunkod>.md`: the förbund's own words for a kommun's dialogue deck.
 * Frontmatter fields below; the Markdown body is the local context shown on its own slide.
 */
export const DialogueContentSchema = z.strictObject({
  /** The kommun the file is about; must equal the file name. */
  kommun: z.string().regex(/^\d{4}$/),
  /** The day of the dialogue meeting (YYYY-MM-DD), named on the title slide. */
  meeting: z.iso.date({ error: 'väntade ett datum som 2026-12-04' }).optional(),
  /** Heading of the local-context slide. */
  title: PlainTextSchema.default('Lokalt sammanhang'),
  /** Questions for the discussion, shown on the closing slide before the computed ones. */
  questions: z.array(z.string().min(1)).default([]),
});
export type DialogueContent = z.infer<typeof DialogueContentSchema>;
