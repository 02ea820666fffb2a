/**
 * Example municipality groups in the shape Kolada's `/v3/municipality_groups` is read in: SKR's
 * nine groups, in two classifications that share their names (as 2017 and 2023 do), beside
 * groups of other kinds. Membership is invented (by the example's population size), like every
 * example figure.
 */
import type { ProjectConfig } from '../config/load.ts';
import { kommungruppPerKommun, resolveKommungruppIds } from '../fetch/kommungrupper.ts';
import { readMunicipalityGroupsPage } from '../formats/kolada.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { KOMMUNGRUPP_NAMES, KommungruppSchema } from '../schemas/region.ts';
import { EXAMPLE_RETRIEVED_AT } from './scb-tables.ts';
import { population2064 } from './models.ts';

/** How many kommuner each group gets, largest kommuner first (sums to 290). */
const GROUP_SIZES = [3, 40, 20, 50, 20, 30, 55, 40, 32];

export function writeKommungrupper(config: ProjectConfig, store: RawStore): void {
  const { baseUrl, perPage, kommungrupper: settings } = config.sources.kolada;
  if (!settings) return;
  const bySize = config.registry
    .kommuner()
    .map((kommun) => ({
      code: kommun.code,
      title: kommun.name,
      size: population2064(kommun.code, 'men', 2024) + population2064(kommun.code, 'women', 2024),
    }))
    .sort((a, b) => b.size - a.size || a.code.localeCompare(b.code));
  let start = 0;
  const skr = KommungruppSchema.options.flatMap((code, index) => {
    const size = index === GROUP_SIZES.length - 1 ? bySize.length - start : (GROUP_SIZES[index] ?? 0);
    const members = bySize
      .slice(start, start + size)
      .map(({ code: id, title }) => ({ id, title }))
      .sort((a, b) => a.id.localeCompare(b.id));
    start += size;
    const name = KOMMUNGRUPP_NAMES[code];
    return [
      { id: `G${String(124000 + index)}`, title: `Kommungruppsindelning 2017: ${name}`, members: members.slice(1) },
      { id: `G${String(224000 + index)}`, title: `Kommungruppsindelning 2023: ${name}`, members },
    ];
  });
  const other = [
    {
      id: 'G33993',
      title: 'Alla kommuner i Västerbottens län',
      members: config.registry.kommunerInLan('24').map((kommun) => ({ id: kommun.code, title: kommun.name })),
    },
  ];
  const values = [...other, ...skr];
  const url = `${baseUrl}/municipality_groups?per_page=${perPage}`;
  const bytes = new TextEncoder().encode(
    JSON.stringify({ values, count: values.length, next_url: null, previous_url: null }),
  );
  store.write('kolada/municipality_groups-page-001.json', bytes, {
    source: 'kolada',
    url,
    query: null,
    retrievedAt: EXAMPLE_RETRIEVED_AT,
    example: true,
  });
  // Found exactly as a fetch finds them.
  const groups = readMunicipalityGroupsPage(JSON.parse(new TextDecoder().decode(bytes)), url).values;
  const ids = resolveKommungruppIds(groups, settings.groups, settings.classification);
  kommungruppPerKommun(groups, ids, config.registry);
  store.recordKommungrupper(ids);
}
