/** The areas a förbund's pages compare: each member, the förbund as a whole, its län and riket. */
import type { Forbund } from '../schemas/forbund.ts';
import type { Area } from './indicator-series.ts';
import type { RegionRegistry } from './regions.ts';

/** Above this many members an indicator page offers no per-kommun highlighted variants (a national build would need thousands). */
export const MAX_HIGHLIGHT_MEMBERS = 25;

export interface ForbundAreas {
  members: Area[];
  forbund: Area;
  lan: Area[];
  riket: Area | null;
}

export function kommunArea(code: string, registry: RegionRegistry): Area {
  const region = registry.mustGet(code);
  return { id: code, name: region.name, kind: 'kommun', regionCode: code, kommuner: [code] };
}

export function forbundAreas(forbund: Forbund, registry: RegionRegistry): ForbundAreas {
  const members = forbund.members.map((member) => kommunArea(member.code, registry));
  return {
    members,
    forbund: { id: forbund.id, name: forbund.name, kind: 'forbund', regionCode: null, kommuner: members.map((member) => member.id) },
    lan: forbund.comparisons.lan.map((code) => ({ id: code, name: registry.mustGet(code).name, kind: 'lan', regionCode: code, kommuner: registry.kommunerInLan(code).map((region) => region.code) })),
    riket: forbund.comparisons.riket ? { id: '00', name: 'Riket', kind: 'riket', regionCode: '00', kommuner: registry.kommuner().map((region) => region.code) } : null,
  };
}

export function allAreas(areas: ForbundAreas): Area[] {
  return [...areas.members, areas.forbund, ...areas.lan, ...(areas.riket ? [areas.riket] : [])];
}
