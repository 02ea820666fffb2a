/** The areas a förbund's pages compare: each member, the förbund as a whole, its län, the members' kommungrupper and riket. */
import type { Forbund } from '../schemas/forbund.ts';
import { KOMMUNGRUPP_NAMES, KommungruppSchema, type Kommungrupp } from '../schemas/region.ts';
import type { Area } from './series.ts';
import type { RegionRegistry } from '../config/regions.ts';

/** Above this many members an indicator page offers no per-kommun highlighted variants (a national build would need thousands). */
export const MAX_HIGHLIGHT_MEMBERS = 25;

export interface ForbundAreas {
  members: Area[];
  forbund: Area;
  lan: Area[];
  /** SKR kommungrupper of the members, each summed over all its kommuner (when the förbund compares with them and the data has them). */
  kommungrupper: Area[];
  riket: Area | null;
}

/** A kommun, a län or riket as an area: the kommuner its sums run over. */
export function regionArea(code: string, registry: RegionRegistry): Area {
  const region = registry.mustGet(code);
  const kommuner =
    region.level === 'kommun'
      ? [code]
      : (region.level === 'lan' ? registry.kommunerInLan(code) : registry.kommuner()).map((kommun) => kommun.code);
  return { id: code, name: region.name, kind: region.level, regionCode: code, kommuner };
}

export function forbundAreas(forbund: Forbund, registry: RegionRegistry): ForbundAreas {
  const members = forbund.members.map((member) => regionArea(member.code, registry));
  const kommuner = members.map((member) => member.id);
  const lan = wholeLan(kommuner, registry);
  return {
    members,
    forbund: {
      id: forbund.id,
      name: forbund.name,
      kind: 'forbund',
      regionCode: null,
      kommuner,
      ...(lan ? { publishedAs: lan } : {}),
    },
    lan: forbund.comparisons.lan.map((code) => regionArea(code, registry)),
    kommungrupper: forbund.comparisons.kommungrupper ? kommungruppAreas(members, registry) : [],
    riket: forbund.comparisons.riket ? regionArea('00', registry) : null,
  };
}

/** The län whose kommuner are exactly these, if any. */
function wholeLan(kommuner: string[], registry: RegionRegistry): string | null {
  const lan = kommuner[0]?.slice(0, 2);
  if (!lan || kommuner.some((code) => !code.startsWith(lan))) return null;
  const all = registry.kommunerInLan(lan).map((region) => region.code);
  return all.length === kommuner.length && all.every((code) => kommuner.includes(code)) ? lan : null;
}

/** The area id of a kommungrupp, as views and profiles look it up. */
export function kommungruppAreaId(code: Kommungrupp): string {
  return `kommungrupp-${code}`;
}

function kommungruppAreas(members: Area[], registry: RegionRegistry): Area[] {
  const groups = new Set(members.map((member) => registry.mustGet(member.id).kommungrupp));
  return KommungruppSchema.options
    .filter((code) => groups.has(code))
    .map((code) => ({
      id: kommungruppAreaId(code),
      name: `Kommungrupp ${KOMMUNGRUPP_NAMES[code].toLowerCase()}`,
      kind: 'group',
      regionCode: null,
      kommuner: registry
        .kommuner()
        .filter((kommun) => kommun.kommungrupp === code)
        .map((kommun) => kommun.code),
    }));
}

export function allAreas(areas: ForbundAreas): Area[] {
  return [...areas.members, areas.forbund, ...areas.lan, ...areas.kommungrupper, ...(areas.riket ? [areas.riket] : [])];
}
