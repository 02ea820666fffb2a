/**
 * Example kommungrupper in the shape of SCB's code list `agg_RegionKommungrupp2023-`: the nine
 * groups with their real codes and names, but invented membership (by the example's population
 * size), since the real list is not in reach here. The profile says so.
 */
import type { ProjectConfig } from '../config/load.ts';
import { kommungruppPerKommun } from '../config/kommungrupper.ts';
import { rawPaths } from '../schemas/raw-layout.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { readCodeList } from '../formats/scb-codelist.ts';
import { KOMMUNGRUPP_NAMES, KommungruppSchema } from '../schemas/region.ts';
import { EXAMPLE_RETRIEVED_AT } from './scb-tables.ts';
import { population2064 } from './models.ts';

/** How many kommuner each group gets, largest kommuner first (sums to 290). */
const GROUP_SIZES = [3, 40, 20, 50, 20, 30, 55, 40, 32];

export function writeKommungrupper(config: ProjectConfig, store: RawStore): void {
  const settings = config.sources.scb.kommungrupper;
  if (!settings) return;
  const bySize = config.registry
    .kommuner()
    .map((kommun) => ({
      code: kommun.code,
      size: population2064(kommun.code, 'men', 2024) + population2064(kommun.code, 'women', 2024),
    }))
    .sort((a, b) => b.size - a.size || a.code.localeCompare(b.code));
  let start = 0;
  const values = KommungruppSchema.options.map((code, index) => {
    const size = index === GROUP_SIZES.length - 1 ? bySize.length - start : (GROUP_SIZES[index] ?? 0);
    const valueMap = bySize
      .slice(start, start + size)
      .map((kommun) => kommun.code)
      .sort();
    start += size;
    return { code: `${settings.prefix}${code}`, label: KOMMUNGRUPP_NAMES[code], valueMap };
  });
  const { baseUrl, lang } = config.sources.scb;
  const url = `${baseUrl}/codelists/${encodeURIComponent(settings.codelist)}?lang=${lang}`;
  const codelist = {
    id: settings.codelist,
    label: 'Kommungrupper (SKR:s) 2023',
    language: lang,
    languages: ['sv', 'en'],
    elimination: false,
    type: 'Aggregation',
    values,
    links: [],
  };
  const bytes = new TextEncoder().encode(JSON.stringify(codelist));
  // Checked exactly as a fetch checks it, before it is written.
  kommungruppPerKommun(readCodeList(codelist, url), settings.prefix, config.registry);
  store.write(rawPaths.kommungrupper(), bytes, {
    source: 'scb',
    url,
    query: null,
    retrievedAt: EXAMPLE_RETRIEVED_AT,
    example: true,
  });
}
