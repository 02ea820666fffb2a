/**
 * A configuration for every förbund of Sweden, for the national build and its bench: each län's
 * kommuner, in code order, split into förbund of about `size` (Sweden's ~80 förbund hold about four
 * kommuner each, within one län). No real list of förbund is at hand, so this stands in for one.
 */
import type { Forbund } from '../schemas/forbund.ts';
import type { RegionRegistry } from './regions.ts';

export function nationalForbund(registry: RegionRegistry, template: Forbund, size = 4): Forbund[] {
  const lanList = registry.all.filter((region) => region.level === 'lan');
  return lanList.flatMap((lan) => {
    const kommuner = registry.kommunerInLan(lan.code).sort((a, b) => a.code.localeCompare(b.code));
    const count = Math.max(1, Math.round(kommuner.length / size));
    return Array.from({ length: count }, (_, index): Forbund => {
      // Even shares: 13 kommuner in 3 förbund are 4, 4 and 5, never 4, 4, 4 and 1.
      const members = kommuner.slice(
        Math.floor((index * kommuner.length) / count),
        Math.floor(((index + 1) * kommuner.length) / count),
      );
      return {
        ...template,
        id: `lan-${lan.code}-${index + 1}`,
        name: `Samordningsförbundet ${lan.name} ${index + 1}`,
        description: `Exempelförbund för den nationella mätningen: ${members.map((kommun) => kommun.name).join(', ')}.`,
        members: members.map((kommun, position) => ({
          code: kommun.code,
          role: position === 0 ? 'huvudort' : 'kranskommun',
        })),
        comparisons: { lan: [lan.code], riket: true, kommungrupper: true },
      };
    });
  });
}
