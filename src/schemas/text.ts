/**
 * Text that people write into configuration and that reaches pages, SVG and downloads: names,
 * titles, labels. It may not start like a spreadsheet formula or hold control characters (they
 * made SVG downloads ill-formed XML).
 */
import { z } from 'zod';

export const PlainTextSchema = z
  .string()
  .min(1)
  .refine((text) => !/^[=+\-@\t\r]/.test(text), {
    message: 'får inte börja med =, +, -, @, tabb eller radbrytning (Excel kan läsa det som en formel)',
  })
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), { message: 'får inte innehålla styrtecken' });

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
