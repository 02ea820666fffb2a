/** Example Kolada v3 pages for every KPI the catalogue names. */
import type { ProjectConfig } from '../config/load.ts';
import { chunk, MAX_IDS_PER_SEGMENT } from '../fetch/kolada.ts';
import type { RawStore } from '../fetch/raw-store.ts';
import { rawPaths } from '../schemas/raw-layout.ts';
import { koladaValue, population2064 } from './models.ts';
import { EXAMPLE_RETRIEVED_AT, kommunerOf, sumOver } from './scb-tables.ts';

const encoder = new TextEncoder();

const KPI_MODELS: Record<string, { level: number; spread: number; trend: number; title: string }> = {
  N31807: {
    level: 4.2,
    spread: 0.3,
    trend: -0.08,
    title: 'Invånare som någon gång under året erhållit ekonomiskt bistånd, andel (%)',
  },
  N31816: {
    level: 1.4,
    spread: 0.35,
    trend: -0.03,
    title: 'Vuxna biståndsmottagare med långvarigt ekonomiskt bistånd, andel (%) av befolkningen',
  },
  N03926: { level: 2.6, spread: 0.3, trend: -0.05, title: 'Långtidsarbetslöshet 25-64 år, andel (%) av befolkningen' },
  N00957: { level: 27, spread: 0.15, trend: -0.6, title: 'Ohälsotal, dagar' },
};

/**
 * Kolada's population counts, the denominators of its shares: the förbund's figure of a share is
 * the members' shares weighted by them. Invented around the example's 20–64 population.
 */
const POPULATION_MODELS: Record<string, { perPerson2064: number; title: string }> = {
  N01951: { perPerson2064: 1.8, title: 'Invånare totalt, antal' },
  N02104: { perPerson2064: 1.38, title: 'Invånare 18+, antal' },
};

function populationValue(kpi: string, kommun: string, year: number, gender: 'T' | 'K' | 'M'): number {
  const { perPerson2064 } = POPULATION_MODELS[kpi]!;
  const sexes =
    gender === 'T' ? (['men', 'women'] as const) : gender === 'K' ? (['women'] as const) : (['men'] as const);
  return Math.round(sumOver(sexes, (sex) => population2064(kommun, sex, year)) * perPerson2064);
}

export function writeKolada(config: ProjectConfig, store: RawStore, toYear: number): void {
  const { baseUrl, fromYear, perPage } = config.sources.kolada;
  const kpis = config.sources.kolada.kpis
    .map((kpi) => kpi.kpi)
    .filter((kpi): kpi is string => kpi !== null && (kpi in KPI_MODELS || kpi in POPULATION_MODELS));
  store.write(
    rawPaths.koladaCatalogue(0),
    encoder.encode(
      JSON.stringify({
        count: kpis.length,
        values: kpis.map((id) => ({
          id,
          title: KPI_MODELS[id]?.title ?? POPULATION_MODELS[id]?.title ?? id,
          is_divided_by_gender: true,
          municipality_type: 'K',
          operating_area: 'Exempel',
        })),
      }),
    ),
    {
      source: 'kolada',
      url: `${baseUrl}/kpi/${kpis.join(',')}`,
      query: null,
      retrievedAt: EXAMPLE_RETRIEVED_AT,
      example: true,
    },
  );
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, index) => fromYear + index);
  const kommuner = config.registry.kommuner();
  const ids = config.registry.all.map((region) =>
    region.level === 'riket' ? '0000' : region.level === 'lan' ? `00${region.code}` : region.code,
  );
  for (const kpiChunk of chunk(kpis, MAX_IDS_PER_SEGMENT)) {
    const items = kpiChunk.flatMap((kpi) =>
      years.flatMap((year) =>
        ids.map((id) => {
          const members =
            id === '0000'
              ? kommuner.map((region) => region.code)
              : id.startsWith('00')
                ? kommunerOf(id.slice(2), kommuner)
                : [id];
          const model = KPI_MODELS[kpi] as { level: number; spread: number; trend: number };
          const value = (gender: 'T' | 'K' | 'M') =>
            kpi in POPULATION_MODELS
              ? sumOver(members, (kommun) => populationValue(kpi, kommun, year, gender))
              : Math.round(
                  (sumOver(members, (kommun) =>
                    koladaValue(kpi, kommun, year, gender, model.level, model.spread, model.trend),
                  ) /
                    members.length) *
                    10,
                ) / 10;
          const hidden =
            !(kpi in POPULATION_MODELS) &&
            id.length === 4 &&
            !id.startsWith('00') &&
            population2064(id, 'men', year) < 1000 &&
            isHiddenInExample(kpi, id, year);
          return {
            kpi,
            municipality: id,
            period: year,
            values: (['T', 'K', 'M'] as const).map((gender) => ({
              gender,
              count: 1,
              status: hidden ? 'Uppgift saknas' : '',
              value: hidden ? null : value(gender),
              isdeleted: false,
            })),
          };
        }),
      ),
    );
    const pages = chunk(items, perPage);
    pages.forEach((values, index) => {
      const url = `${baseUrl}/data/kpi/${kpiChunk.join(',')}/year/${years.join(',')}?per_page=${perPage}${index > 0 ? `&page=${index + 1}` : ''}`;
      const next =
        index + 1 < pages.length
          ? `${baseUrl}/data/kpi/${kpiChunk.join(',')}/year/${years.join(',')}?per_page=${perPage}&page=${index + 2}`
          : null;
      // As v3 answers: count is the rows on this page.
      const body = { values, count: values.length, next_url: next, previous_url: index > 0 ? url : null };
      store.write(rawPaths.koladaPage(`${kpiChunk[0]}-${years[0]}`, index + 1), encoder.encode(JSON.stringify(body)), {
        source: 'kolada',
        url,
        query: null,
        retrievedAt: EXAMPLE_RETRIEVED_AT,
        example: true,
      });
    });
  }
}

function isHiddenInExample(kpi: string, id: string, year: number): boolean {
  return (kpi.charCodeAt(5) + Number(id) + year) % 7 === 0;
}
