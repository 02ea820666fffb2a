/**
 * PxWebApi 2.0 code lists (`GET /codelists/{id}`): a value set or an aggregation, each value with
 * the codes of the original variable it stands for (`valueMap`). SCB publishes SKR's kommungrupper
 * this way (`agg_RegionKommungrupp2023-`: `2023_A1` … `2023_C9`, each mapping to its kommuner).
 */
import { z } from 'zod';
import { issueLines } from './zod-issues.ts';

export const CodeListSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    type: z.string(),
    values: z.array(z.object({ code: z.string(), label: z.string(), valueMap: z.array(z.string()) }).loose()),
  })
  .loose();
export type CodeList = z.infer<typeof CodeListSchema>;

export function readCodeList(input: unknown, source: string): CodeList {
  const parsed = CodeListSchema.safeParse(input);
  if (!parsed.success) throw new Error(`${source}: ingen kodlista från SCB (${issueLines(parsed.error).join('; ')})`);
  return parsed.data;
}
