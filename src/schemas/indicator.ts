import { z } from 'zod';
import { ReleaseRhythmSchema } from './sources.ts';
import { HttpsUrlSchema, PlainTextSchema } from './text.ts';

export const UnitSchema = z.enum([
  'percent',
  'count',
  'helarsekvivalenter',
  'months',
  'per-1000',
  'days',
  'kronor-per-invanare',
]);
export type Unit = z.infer<typeof UnitSchema>;

export const DirectionSchema = z.enum(['lower-is-better', 'higher-is-better', 'neutral']);
export type Direction = z.infer<typeof DirectionSchema>;

export const StrategicAreaSchema = z.enum([
  'overgripande',
  'ohalsa',
  'arbetsloshet',
  'ekonomiskt-bistand',
  'forebyggande',
  'samverkan',
]);
export type StrategicArea = z.infer<typeof StrategicAreaSchema>;

const BreakdownSelection = z.record(z.string(), z.string());

/**
 * How a published value is made from observations. `ratio` is a share of sums (aggregates are
 * sums of numerators over sums of denominators); `value` is the source's own value, which cannot be
 * aggregated unless it is a count.
 */
export const MeasureSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('ratio'),
    /** Observation indicator and breakdown of the numerator; `{breakdown}` is filled per split. */
    numerator: z.strictObject({ indicator: z.string(), breakdown: BreakdownSelection }),
    denominator: z.strictObject({ indicator: z.string(), breakdown: BreakdownSelection }),
    /** 100 for a percentage. */
    scale: z.number().positive(),
    /**
     * The publisher's own share beside the counts (SCB's "andel", "arbetslöshet"): `data:build`
     * checks every computed share against it, and a kommun's yearly figure is the publisher's
     * where that figure is one published cell. Aggregates stay shares of summed counts.
     */
    published: z.strictObject({ indicator: z.string(), breakdown: BreakdownSelection }).optional(),
  }),
  z.strictObject({
    kind: z.literal('value'),
    indicator: z.string(),
    breakdown: BreakdownSelection,
    /**
     * A rate the source publishes per kommun only (Kolada's ohälsotal): the förbund's figure is the
     * members' values weighted by the source's own denominator, or the nearest count we have of it,
     * as the publisher weights a län. `lag: 1` where the denominator is counted the year before
     * (Kolada's N03926 divides by the population of 31 December the year before).
     */
    weightedBy: z
      .object({
        indicator: z.string(),
        breakdown: BreakdownSelection,
        lag: z.union([z.literal(0), z.literal(1)]),
        /** What the weights count, in a sentence: "befolkningen 15–64 år (SCB)". */
        label: PlainTextSchema,
        /** How the weights differ from the source's own denominator, if they do. */
        differs: PlainTextSchema.optional(),
      })
      .strict()
      .optional(),
  }),
]);
export type Measure = z.infer<typeof MeasureSchema>;

/** The snapshot datasets a measure's figures are made from. */
export function measureDatasets(measure: Measure): string[] {
  return measure.kind === 'ratio' ? [measure.numerator.indicator, measure.denominator.indicator] : [measure.indicator];
}

/** How monthly or quarterly observations become the yearly figure the agreement is judged on. */
export const YearlyRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mean-of-months') }),
  z.strictObject({ kind: z.literal('mean-of-quarters') }),
  z.strictObject({ kind: z.literal('month'), month: z.number().int().min(1).max(12) }),
  z.strictObject({ kind: z.literal('as-published') }),
]);
export type YearlyRule = z.infer<typeof YearlyRuleSchema>;

export const SourceRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('scb'), table: z.string(), contents: z.array(z.string()), url: HttpsUrlSchema }),
  z.strictObject({ kind: z.literal('kolada'), kpi: z.string(), url: HttpsUrlSchema }),
  z.strictObject({
    kind: z.literal('export'),
    dataset: z.string(),
    publisher: PlainTextSchema,
    /** How often the member organisation delivers a new export. */
    release: ReleaseRhythmSchema.optional(),
  }),
]);

/** A split the indicator page shows (benefit types, age bands). */
export const SplitSchema = z.strictObject({
  /** Breakdown name, e.g. `benefit`. */
  name: z.string(),
  /** Swedish heading for the split. */
  title: PlainTextSchema,
  /** Codes in display order with Swedish labels; the first is the total where there is one. */
  categories: z.array(z.strictObject({ code: z.string(), label: PlainTextSchema })).min(1),
  /** Whether the categories add up to the total (so a stacked chart is honest). */
  additive: z.boolean(),
});
export type Split = z.infer<typeof SplitSchema>;

/**
 * The part an indicator plays in every kommun's dialogue deck: the benefits slides, or one of the
 * three labour-market measures (participation also gives the slide by age).
 */
export const DialogueRoleSchema = z.enum(['benefits', 'participation', 'employment', 'unemployment']);
export type DialogueRole = z.infer<typeof DialogueRoleSchema>;

export const IndicatorSchema = z.strictObject({
  /** Stable id, used in URLs: `/indikator/<id>/`, `/data/<id>.csv`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: PlainTextSchema,
  shortTitle: PlainTextSchema,
  /**
   * What a sentence says the value is, in definite form ("Ohälsotalet", "Andelen elever i årskurs
   * 9 som …"), so every headline names its measure; the gender agrees the words that follow.
   */
  subject: z.strictObject({ text: PlainTextSchema, gender: z.enum(['common', 'neuter']) }),
  /** Plain-language definition in Swedish. */
  definition: z.string().min(1),
  unit: UnitSchema,
  decimals: z.number().int().min(0).max(3),
  area: StrategicAreaSchema,
  source: SourceRefSchema,
  /** Periodicity of the observations. */
  periodicity: z.enum(['year', 'half', 'quarter', 'month']),
  yearly: YearlyRuleSchema,
  direction: DirectionSchema,
  measure: MeasureSchema,
  /** Breakdown values that define the headline series (e.g. `{benefit: 'summa'}`). */
  headline: BreakdownSelection,
  splits: z.array(SplitSchema),
  bySex: z.boolean(),
  caveats: z.array(z.string()),
  dialogue: DialogueRoleSchema.optional(),
  /**
   * A count's rate per 1 000 of its age group (another indicator, a ratio with this count as its
   * numerator): shown beside the count, and compared and ranked there, as counts never are.
   */
  rate: z.string().optional(),
  /**
   * Which of Kolada's "Liknande kommuner" areas (`sources.json` kolada.peerGroups) a kommun is
   * compared with its peers in: ekonomiskt bistånd for the bistånd rates, arbetsmarknad for work.
   */
  peerArea: z.string().optional(),
  /**
   * Whether the site publishes each kommun's expected value on structural factors beside its actual
   * one (`measures/expected.ts`): for rates of kommuner only, never counts.
   */
  expected: z.boolean().optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorCatalogueSchema = z.array(IndicatorSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  const roles = new Set<string>();
  list.forEach((indicator, index) => {
    if (seen.has(indicator.id))
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `indikatorn ${indicator.id} finns två gånger` });
    seen.add(indicator.id);
    if (indicator.dialogue && roles.has(indicator.dialogue))
      ctx.addIssue({
        code: 'custom',
        path: [index, 'dialogue'],
        message: `rollen ${indicator.dialogue} i dialogpresentationen har redan en indikator`,
      });
    if (indicator.dialogue) roles.add(indicator.dialogue);
    if (indicator.expected && indicator.unit === 'count')
      ctx.addIssue({
        code: 'custom',
        path: [index, 'expected'],
        message: `${indicator.id} är ett antal: ett förväntat värde ges bara för andelar och tal per invånare`,
      });
  });
  list.forEach((indicator, index) => {
    if (indicator.rate === undefined) return;
    const rate = list.find((other) => other.id === indicator.rate);
    if (
      indicator.unit !== 'count' ||
      rate?.measure.kind !== 'ratio' ||
      indicator.measure.kind !== 'value' ||
      rate.measure.numerator.indicator !== indicator.measure.indicator
    )
      ctx.addIssue({
        code: 'custom',
        path: [index, 'rate'],
        message: `${indicator.rate} är ingen kvot med antalet ${indicator.id} i täljaren`,
      });
  });
});
