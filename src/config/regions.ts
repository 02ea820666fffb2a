/**
 * The region registry: riket, 21 län and 290 kommuner, built from SCB's own code list (TAB638
 * metadata), with the SKR kommungrupp the snapshot holds for each kommun (from SCB's code list).
 */
import type { JsonStatCube } from '../formats/jsonstat.ts';
import type { Kommungrupp, Region } from '../schemas/region.ts';

export function regionsFromMetadata(cube: JsonStatCube, kommungrupper: Record<string, Kommungrupp>): Region[] {
  const geoId = cube.roles['geo']?.[0] ?? 'Region';
  const dimension = cube.dimensions.find((candidate) => candidate.id === geoId);
  if (!dimension) throw new Error(`Regionkodlistan saknar dimensionen ${geoId}`);
  return dimension.codes.map((code): Region => {
    const name = dimension.labels.get(code) ?? code;
    if (code === '00') return { code, name: 'Riket', level: 'riket', lan: null, kommungrupp: null };
    if (code.length === 2) return { code, name, level: 'lan', lan: code, kommungrupp: null };
    return { code, name, level: 'kommun', lan: code.slice(0, 2), kommungrupp: kommungrupper[code] ?? null };
  });
}

export class RegionRegistry {
  readonly all: readonly Region[];
  private readonly byCode: Map<string, Region>;

  constructor(regions: readonly Region[]) {
    this.all = regions;
    this.byCode = new Map(regions.map((region) => [region.code, region]));
  }

  get(code: string): Region | undefined {
    return this.byCode.get(code);
  }

  mustGet(code: string): Region {
    const region = this.byCode.get(code);
    if (!region) throw new Error(`Okänd regionkod "${code}"`);
    return region;
  }

  kommuner(): Region[] {
    return this.all.filter((region) => region.level === 'kommun');
  }

  kommunerInLan(lan: string): Region[] {
    return this.all.filter((region) => region.level === 'kommun' && region.lan === lan);
  }
}
