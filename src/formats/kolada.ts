/**
 * Kolada API v3 responses. A page is `{values, count, next_url|next_page, previous_url}`, where
 * `count` is the rows on that page, not a total; each value item carries one KPI, one municipality,
 * one year (a number, or a string in some answers) and entries per gender T/K/M. Entries marked
 * `isdeleted` are withdrawn values and are dropped here.
 */
import { z } from 'zod';
import { issueLines } from './zod-issues.ts';

export const KoladaGenderSchema = z.enum(['T', 'K', 'M']);

export const KoladaValueItemSchema = z.object({
  kpi: z.string().min(1),
  municipality: z.string().min(1),
  period: z.union([
    z.number().int(),
    z
      .string()
      .regex(/^\d{4}$/)
      .transform(Number),
  ]),
  values: z
    .array(
      z
        .object({
          gender: KoladaGenderSchema,
          value: z.number().nullable(),
          status: z.string().nullable().optional(),
          count: z.number().optional(),
          isdeleted: z.boolean().optional(),
        })
        .loose(),
    )
    .transform((entries) => entries.filter((entry) => entry.isdeleted !== true)),
});
export type KoladaValueItem = z.infer<typeof KoladaValueItemSchema>;

/** A v3 page of any list: its rows, how many are on it, and the links on and back. */
function pageOf<Item extends z.ZodType>(item: Item) {
  return z
    .object({
      values: z.array(item),
      count: z.number().int().nonnegative().optional(),
      next_url: z.string().nullable().optional(),
      next_page: z.string().nullable().optional(),
      previous_url: z.string().nullable().optional(),
    })
    .loose();
}

export const KoladaPageSchema = pageOf(KoladaValueItemSchema);
export type KoladaPage = z.infer<typeof KoladaPageSchema>;

export class KoladaFormatError extends Error {}

/** Validates one response page; throws with every problem when it is not a Kolada values page. */
export function readKoladaPage(input: unknown): KoladaPage {
  return readWith(KoladaPageSchema, 'Ogiltigt Kolada-svar', input);
}

function readWith<T>(schema: z.ZodType<T>, refusal: string, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = issueLines(parsed.error);
    throw new KoladaFormatError(`${refusal}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  return parsed.data;
}

/** The link to the next page, whichever name the server used, or null at the end. */
export function nextPageLink(page: {
  next_url?: string | null | undefined;
  next_page?: string | null | undefined;
}): string | null {
  return page.next_url ?? page.next_page ?? null;
}

/** Kolada municipality id → SCB region code: `0000` riket → `00`, `00LL` län → `LL`, kommun as is. */
export function koladaToScbRegion(id: string): string | null {
  if (id === '0000') return '00';
  if (/^00\d{2}$/.test(id)) return id.slice(2);
  if (/^\d{4}$/.test(id)) return id;
  return null;
}

export const KOLADA_SEX = { T: 'total', K: 'women', M: 'men' } as const;

/** One municipality group of v3 `/municipality_groups`: its members as `{member_id, member_title}`. */
export const KoladaGroupSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    members: z.array(z.object({ member_id: z.string().min(1), member_title: z.string() }).loose()),
  })
  .loose();
export type KoladaGroup = z.infer<typeof KoladaGroupSchema>;

export const KoladaGroupsPageSchema = pageOf(KoladaGroupSchema);
export type KoladaGroupsPage = z.infer<typeof KoladaGroupsPageSchema>;

/** Validates one page of municipality groups; throws with every problem otherwise. */
export function readKoladaGroupsPage(input: unknown): KoladaGroupsPage {
  return readWith(KoladaGroupsPageSchema, 'Ogiltigt Kolada-svar (kommungrupper)', input);
}
