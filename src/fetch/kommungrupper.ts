/**
 * SKR's kommungrupper as Kolada publishes them (`/v3/municipality_groups`, read in
 * `formats/kolada.ts`). The nine groups are found by title, never guessed: every group must match exactly one Kolada group, the groups
 * must not overlap, and together they must hold every kommun.
 */
import { KOMMUNGRUPP_NAMES, KommungruppSchema, type Kommungrupp } from '../schemas/region.ts';
import type { MunicipalityGroup } from '../formats/kolada.ts';
import { normaliseLabel } from '../formats/content-codes.ts';
import type { RegionRegistry } from '../config/regions.ts';

/** A title names the group when it is the group's name, alone or after a prefix ending in ":" or " - ", with any "(…)" left out. */
function namesGroup(title: string, name: string): boolean {
  const bare = normaliseLabel(title.replace(/\([^)]*\)/g, ' '));
  const wanted = normaliseLabel(name);
  return bare === wanted || bare.endsWith(`: ${wanted}`) || bare.endsWith(`:${wanted}`) || bare.endsWith(`- ${wanted}`);
}

/**
 * Kolada group id per kommungrupp: pinned ids as they are; the rest by title, preferring titles
 * that carry the classification's year when several classifications share the names.
 */
export function resolveKommungruppIds(
  groups: MunicipalityGroup[],
  pinned: Partial<Record<Kommungrupp, string | null>>,
  classification: string | null,
): Record<Kommungrupp, string> {
  const problems: string[] = [];
  const resolved = {} as Record<Kommungrupp, string>;
  for (const code of KommungruppSchema.options) {
    const name = KOMMUNGRUPP_NAMES[code];
    const pin = pinned[code];
    if (pin) {
      if (!groups.some((group) => group.id === pin)) problems.push(`${code}: gruppen ${pin} finns inte längre`);
      resolved[code] = pin;
      continue;
    }
    const named = groups.filter((group) => namesGroup(group.title, name));
    const ofYear = classification ? named.filter((group) => group.title.includes(classification)) : [];
    const candidates = ofYear.length > 0 ? ofYear : named;
    if (candidates.length === 1 && candidates[0]) resolved[code] = candidates[0].id;
    else if (candidates.length === 0) problems.push(`${code}: ingen grupp heter "${name}"`);
    else
      problems.push(
        `${code} "${name}" kan vara flera: ${candidates.map((group) => `${group.id} "${group.title}"`).join(', ')}`,
      );
  }
  if (problems.length > 0)
    throw new Error(
      `Kolada: kommungrupperna kunde inte bestämmas: ${problems.join('; ')}. Fäst rätt grupp-id i data/config/sources.json (kolada.kommungrupper.groups).`,
    );
  return resolved;
}

/** Kommungrupp per kommun; throws when groups overlap, name an unknown kommun, or leave a kommun out. */
export function kommungruppPerKommun(
  groups: MunicipalityGroup[],
  ids: Record<Kommungrupp, string>,
  registry: RegionRegistry,
): Record<string, Kommungrupp> {
  const problems: string[] = [];
  const byKommun: Record<string, Kommungrupp> = {};
  for (const code of KommungruppSchema.options) {
    const group = groups.find((candidate) => candidate.id === ids[code]);
    if (!group?.members) {
      problems.push(`${code} (${ids[code]}) saknar medlemslista`);
      continue;
    }
    for (const member of group.members) {
      if (registry.get(member)?.level !== 'kommun') problems.push(`${code}: okänd kommunkod ${member}`);
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
  if (problems.length > 0) throw new Error(`Kolada: kommungrupperna stämmer inte: ${problems.join('; ')}`);
  return byKommun;
}
