import { z } from 'zod';

/** SKR kommungrupp (2023 classification). */
export const KommungruppSchema = z.enum(['A1', 'A2', 'B3', 'B4', 'B5', 'C6', 'C7', 'C8', 'C9']);
export type Kommungrupp = z.infer<typeof KommungruppSchema>;

/** SKR's 2023 classification: code → name. */
export const KOMMUNGRUPP_NAMES: Record<Kommungrupp, string> = {
  A1: 'Storstäder',
  A2: 'Pendlingskommun nära storstad',
  B3: 'Större stad',
  B4: 'Pendlingskommun nära större stad',
  B5: 'Lågpendlingskommun nära större stad',
  C6: 'Mindre stad/tätort',
  C7: 'Pendlingskommun nära mindre stad/tätort',
  C8: 'Landsbygdskommun',
  C9: 'Landsbygdskommun med besöksnäring',
};

export const RegionSchema = z.object({
  /** SCB code: `00` riket, `LL` län, `LLKK` kommun. Always a string, leading zeros kept. */
  code: z.string().regex(/^(00|\d{2}|\d{4})$/),
  /** Swedish name as SCB writes it ("Umeå", "Västerbottens län", "Riket"). */
  name: z.string().min(1),
  level: z.enum(['riket', 'lan', 'kommun']),
  /** Län code of a kommun (first two digits); the län's own code for a län; null for riket. */
  lan: z
    .string()
    .regex(/^\d{2}$/)
    .nullable(),
  /** SKR kommungrupp where known. */
  kommungrupp: KommungruppSchema.nullable(),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionRegistrySchema = z.array(RegionSchema);
