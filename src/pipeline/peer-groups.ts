/**
 * Kolada's "Liknande kommuner" groups → one peer group per kommun and area. Kolada keeps a group per
 * vintage ("…, Umeå, 2023", "…, Umeå, 2024"); the latest is used and its year is kept, so a page can
 * say whose judgement and which year the comparison rests on.
 */
import type { KoladaGroup } from '../formats/kolada.ts';
import type { RegionRegistry } from '../config/regions.ts';
import type { PeerArea, PeerGroup } from '../schemas/peers.ts';

export interface PeerGroupsRead {
  area: string;
  title: string;
  /** Each group with the raw file it came from, for errors that name it. */
  groups: { file: string; group: KoladaGroup }[];
}

export function peerArea({ area, title, groups }: PeerGroupsRead, registry: RegionRegistry): PeerArea {
  const byName = new Map(registry.kommuner().map((kommun) => [kommun.name, kommun.code]));
  const pattern = new RegExp(`^${escapeRegExp(title)}, (.+), (\\d{4})$`);
  const chosen: Record<string, PeerGroup> = {};
  for (const { file, group } of groups) {
    // Kolada's title filter matches anywhere in the title: other groups can come along.
    const match = pattern.exec(group.title);
    if (!match) continue;
    const [, name = '', year = ''] = match;
    const where = `${file}: ${group.id} "${group.title}"`;
    const code = byName.get(name);
    if (!code) throw new Error(`${where}: ingen kommun heter "${name}" i SCB:s regionlista`);
    const members = group.members.map((member) => member.member_id);
    const unknown = members.filter((member) => registry.get(member)?.level !== 'kommun');
    if (unknown.length > 0) throw new Error(`${where}: okända kommunkoder ${unknown.join(', ')}`);
    if (members.includes(code)) throw new Error(`${where}: kommunen är med bland sina egna liknande kommuner`);
    const earlier = chosen[code];
    if (earlier?.year === Number(year))
      throw new Error(`${where}: två grupper för ${name} ${year} (${earlier.id} och ${group.id})`);
    if (!earlier || earlier.year < Number(year))
      chosen[code] = { id: group.id, title: group.title, year: Number(year), members };
  }
  const groupsByCode = Object.fromEntries(Object.entries(chosen).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { area, title, groups: groupsByCode };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
