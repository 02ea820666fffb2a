import { z } from 'zod';
import { normalisePeriodCode } from '../formats/period.ts';

/** A canonical period code: `2023`, `2023H1`, `2024K1` or `2023M10`. */
export const PeriodCodeSchema = z.string().refine((code) => normalisePeriodCode(code) === code, {
  message: 'väntade en period som 2023, 2023H1, 2024K1 eller 2023M10',
});

export const SexSchema = z.enum(['total', 'women', 'men']);
export type Sex = z.infer<typeof SexSchema>;

/**
 * What a value is worth. `possibly-missing` marks zeros a source is known to publish for missing
 * values (SCB's ekonomiskt bistånd); `suppressed` values are never published exactly; `withheld`
 * values are not small themselves but would reveal a suppressed one by subtraction.
 */
export const ObservationStatusSchema = z.enum([
  'final',
  'preliminary',
  'suppressed',
  'withheld',
  'missing',
  'possibly-missing',
]);
export type ObservationStatus = z.infer<typeof ObservationStatusSchema>;

export interface Point {
  period: string;
  value: number | null;
  status: ObservationStatus;
  /** True when an observation the value was made from is invented example data, not a source's. */
  example?: boolean;
}

/** Status of a value made from several: the most severe of its parts. */
export function combineStatus(statuses: ObservationStatus[]): ObservationStatus {
  let worst: ObservationStatus = 'final';
  for (const status of statuses) worst = worseStatus(worst, status);
  return worst;
}

const SEVERITY: Record<ObservationStatus, number> = {
  final: 0,
  preliminary: 1,
  'possibly-missing': 2,
  missing: 3,
  withheld: 4,
  suppressed: 5,
};

/** A value that may not be published: small itself, or giving a small one away by subtraction. */
export function isProtected(status: ObservationStatus): boolean {
  return status === 'suppressed' || status === 'withheld';
}

/** The more severe of two statuses. */
export function worseStatus(a: ObservationStatus, b: ObservationStatus): ObservationStatus {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** One value in tidy long form. */
export const ObservationSchema = z.object({
  /** Dataset-level measure id: `he`, `he-befolkning`, `bas`, or a catalogue indicator id. */
  indicator: z.string().min(1),
  /** Region code (`00`, `LL`, `LLKK`). */
  region: z.string().regex(/^(00|\d{2}|\d{4})$/),
  period: PeriodCodeSchema,
  sex: SexSchema,
  /** Other breakdowns by name, e.g. `{benefit: 'sjukpenning'}` or `{age: '20-64', status: 'arbetslosa'}`. */
  breakdown: z.record(z.string(), z.string()),
  /** Null when missing or suppressed: never zero in their place. */
  value: z.number().nullable(),
  status: ObservationStatusSchema,
  /** The source's own flag, verbatim (SCB symbol, Kolada status), or empty. */
  sourceStatus: z.string(),
  /** Provenance id of the raw file the value came from. */
  provenance: z.string().min(1),
});
export type Observation = z.infer<typeof ObservationSchema>;
