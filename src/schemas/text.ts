/**
 * Text that people write into configuration and that reaches pages, SVG and downloads: names,
 * titles, labels. It may not start like a spreadsheet formula or hold control characters (they
 * made SVG downloads ill-formed XML).
 */
import { z } from 'zod';

/**
 * The one text rule: characters no field that reaches a page, SVG, CSV or terminal may hold. Control
 * characters (they made SVG ill-formed XML and can forge terminal lines), bidirectional overrides
 * and isolates (they reorder what a reader sees, U+202E), and noncharacters (U+FFFF stopped the PNG
 * renderer). A line break is allowed in longer texts only.
 */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\p{Noncharacter_Code_Point}]/gu;
/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a text's characters, or null: the first unsafe one, named by its code point. */
export function unsafeCharacter(text: string, lineBreaks = false): string | null {
  if (LONE_SURROGATE.test(text)) return 'innehåller en ensam surrogathalva (trasig UTF-16)';
  const found = [...text.matchAll(UNSAFE)].find((match) => !(lineBreaks && match[0] === '\n'));
  if (!found) return null;
  const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `innehåller tecknet U+${code}, som inte får finnas i text (styrtecken, riktningsstyrning eller icke-tecken)`;
}

/**
 * Every string anywhere in a parsed file that breaks the text rule, with its field path: one check
 * at load for configuration and frontmatter alike, so no field can be forgotten.
 */
export function unsafeTextFields(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; problem: string }[] {
  if (typeof value === 'string') {
    const problem = unsafeCharacter(value, true);
    return problem ? [{ path, problem }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => unsafeTextFields(item, [...path, index]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [
      ...(unsafeCharacter(key) ? [{ path: [...path, key], problem: `namnet ${unsafeCharacter(key)}` }] : []),
      ...unsafeTextFields(item, [...path, key]),
    ]);
  return [];
}

export const PlainTextSchema = z
  .string()
  .min(1)
  .refine((text) => !/^[=+\-@\t\r]/.test(text), {
    message: 'får inte börja med =, +, -, @, tabb eller radbrytning (Excel kan läsa det som en formel)',
  })
  .refine((text) => unsafeCharacter(text) === null, {
    message: 'får inte innehålla styrtecken, riktningsstyrning eller icke-tecken',
  });

/** A link to a page for people: https only, so no `javascript:`, `data:` or `file:` link can reach a page. */
export const HttpsUrlSchema = z.url({ protocol: /^https$/, error: 'väntade en https-adress' });

/**
 * An API's base address: https, or http on this machine only (the tests' loopback server).
 */
export const ApiUrlSchema = z
  .url({ protocol: /^https?$/, error: 'väntade en https-adress' })
  .refine((url) => url.startsWith('https:') || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url), {
    message: 'väntade en https-adress (http bara till 127.0.0.1)',
  });
