/**
 * SKR's kommungrupper as SCB publishes them: one aggregation code list whose values are the nine
 * groups (`2023_A1` … `2023_C9`) and whose value maps list each group's kommuner. One call and no
 * title matching; the groups must not overlap and must together hold every kommun.
 */
import type { CodeList } from '../formats/scb-codelist.ts';
import type { RegionRegistry } from './regions.ts';
import { KommungruppSchema, type Kommungrupp } from '../schemas/region.ts';

/** Kommungrupp per kommun; throws naming every problem when the code list does not fit the registry. */
export function kommungruppPerKommun(
  codelist: CodeList,
  prefix: string,
  registry: RegionRegistry,
): Record<string, Kommungrupp> {
  const problems: string[] = [];
  const byKommun: Record<string, Kommungrupp> = {};
  for (const code of KommungruppSchema.options) {
    const group = codelist.values.find((value) => value.code === `${prefix}${code}`);
    if (!group) {
      problems.push(`${prefix}${code} saknas`);
      continue;
    }
    for (const member of group.valueMap) {
      if (registry.get(member)?.level !== 'kommun') problems.push(`${group.code}: okänd kommunkod ${member}`);
      else if (byKommun[member] && byKommun[member] !== code)
        problems.push(`${member} finns i både ${byKommun[member]} och ${code}`);
      else byKommun[member] = code;
    }
  }
  const missing = registry.kommuner().filter((kommun) => !byKommun[kommun.code]);
  if (missing.length > 0)
    problems.push(
      `${missing.length} kommuner saknar grupp (${missing
        .slice(0, 5)
        .map((kommun) => `${kommun.code} ${kommun.name}`)
        .join(', ')}${missing.length > 5 ? ' …' : ''})`,
    );
  if (problems.length > 0) throw new Error(`SCB ${codelist.id}: kommungrupperna stämmer inte: ${problems.join('; ')}`);
  return byKommun;
}
