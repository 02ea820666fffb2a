import { z } from 'zod';
import { StrategicAreaSchema } from './indicator.ts';
import { HttpsUrlSchema, PlainTextSchema } from './text.ts';

const KommunCode = z.string().regex(/^\d{4}$/, 'väntade en fyrsiffrig kommunkod, t.ex. "2480"');

/**
 * A goal of the yearly agreement: an indicator judged against the previous year in the direction
 * `indicators.json` gives it, the one source of every verdict.
 */
export const GoalSchema = z.strictObject({
  indicator: z.string(),
  /** The agreement's wording, shown as written. */
  text: z.string(),
});

export const ForbundSchema = z.strictObject({
  /** Slug used in URLs: `/<id>/`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: PlainTextSchema,
  /** Short description of the förbund for the start page. */
  description: PlainTextSchema,
  members: z.array(z.strictObject({ code: KommunCode, role: z.enum(['huvudort', 'kranskommun', 'medlem']) })).min(1),
  /** Comparison regions: the län code(s), riket, and optionally SKR kommungrupper. */
  comparisons: z.strictObject({
    lan: z.array(z.string().regex(/^\d{2}$/)),
    riket: z.boolean(),
    kommungrupper: z.boolean(),
  }),
  effectGoals: z.array(GoalSchema),
  strategicAreas: z.array(
    z.strictObject({ area: StrategicAreaSchema, title: PlainTextSchema, goals: z.array(GoalSchema) }),
  ),
  contact: z.strictObject({ email: z.email() }),
});
export type Forbund = z.infer<typeof ForbundSchema>;
export type Goal = z.infer<typeof GoalSchema>;

/** A web origin (`https://host` or `https://host:port`), as `frame-ancestors` names one. */
const HttpsOriginSchema = z
  .string()
  .regex(/^https:\/\/[a-z0-9.-]+(:\d+)?$/, 'väntade ett ursprung som https://www.exempel.se (utan sökväg)');

/** `data/config/site.json`: which förbund this deployment publishes. */
export const SiteConfigSchema = z
  .strictObject({
    forbund: z.array(z.string()).min(1),
    /** Counts below this are suppressed. */
    suppressionThreshold: z.number().int().min(1),
    /** The site's own address, for the embed code it offers; without it the code holds a path. */
    url: HttpsUrlSchema.optional(),
    /** Websites that may show the site's charts in a frame (`/inbaddning/`); none by default. */
    embedOrigins: z.array(HttpsOriginSchema).default([]),
    /** An export delivered longer ago than this is overdue for `npm run data:status`, whatever its rhythm. */
    exportMaxAgeDays: z.number().int().positive().default(400),
    /**
     * `npm run refresh` holds back a value that moves by more than this factor (revised, or against
     * the year before) until a person confirms it: more often a broken table than news.
     */
    revisionFactor: z.number().gt(1).default(3),
  })
  .superRefine((site, context) => {
    // Listed twice, a förbund would be built and linked twice.
    site.forbund.forEach((id, index) => {
      if (site.forbund.indexOf(id) !== index)
        context.addIssue({ code: 'custom', path: ['forbund', index], message: `förbundet ${id} står två gånger` });
    });
    // Code with a bare path, pasted into another site, would load that site's own page.
    if (site.embedOrigins.length > 0 && !site.url)
      context.addIssue({
        code: 'custom',
        path: ['url'],
        message:
          'embedOrigins låter andra webbplatser visa diagrammen; ange då också url, webbplatsens egen adress ' +
          '(https://…), så att koden de klistrar in pekar hit',
      });
  });
export type SiteConfig = z.infer<typeof SiteConfigSchema>;
