/** `/data/catalog.json`: every indicator with what a re-user needs to find and read its file. */
import { openDataPath } from '../model/paths.ts';
import type { Indicator } from '../../schemas/indicator.ts';
import type { Snapshot } from '../../pipeline/snapshot-reader.ts';
import { sourceText } from '../text/labels.ts';
import { openDataTable, type DataRows } from './downloads.ts';
import type { RegionRegistry } from '../../config/regions.ts';
import type { SeriesBreak } from '../../schemas/series-break.ts';
import { remembered } from '../../formats/remembered.ts';

export interface CatalogEntry {
  id: string;
  title: string;
  unit: Indicator['unit'];
  decimals: number;
  source: string;
  source_url: string | null;
  periodicity: 'year';
  observed_periodicity: Indicator['periodicity'];
  direction: Indicator['direction'];
  first_period: string | null;
  last_period: string | null;
  /** Whether the rows are invented example data: every row, some (the CSV's `example` column says which) or none. */
  example: 'all' | 'some' | 'none';
  /** Known breaks in the series: from `period` the figures are made another way. */
  breaks: { period: string; label: string; description: string; regions: string[] | null }[];
  files: { csv: string; columns: string[] };
}

function exampleShare(examples: boolean[]): CatalogEntry['example'] {
  const invented = examples.filter(Boolean).length;
  return invented === 0 ? 'none' : invented === examples.length ? 'all' : 'some';
}

/** The years the indicator's open data hold, read off the very rows of its CSV. */
function publishedYears({ header, rows }: DataRows): string[] {
  const period = header.indexOf('period');
  return [...new Set(rows.map((row) => String(row[period])))].sort();
}

type Catalog = { example: boolean; retrieved_at: string; indicators: CatalogEntry[] };
const catalogs = new WeakMap<Snapshot, Map<Indicator[], Catalog>>();

/** Made once per build: the open-data page of every förbund shows it, and reading the years is not cheap. */
export function catalog(
  indicators: Indicator[],
  snapshot: Snapshot,
  registry: RegionRegistry,
  breaks: SeriesBreak[] = [],
): Catalog {
  return remembered(catalogs, snapshot, indicators, () => makeCatalog(indicators, snapshot, registry, breaks));
}

function makeCatalog(
  indicators: Indicator[],
  snapshot: Snapshot,
  registry: RegionRegistry,
  breaks: SeriesBreak[],
): Catalog {
  return {
    example: snapshot.meta.example,
    retrieved_at: snapshot.meta.retrievedAt,
    indicators: indicators.map((indicator) => {
      const table = openDataTable(indicator, snapshot, registry);
      const years = publishedYears(table);
      const source = sourceText(indicator);
      return {
        id: indicator.id,
        title: indicator.title,
        unit: indicator.unit,
        decimals: indicator.decimals,
        source: source.text,
        source_url: source.url,
        periodicity: 'year',
        observed_periodicity: indicator.periodicity,
        direction: indicator.direction,
        first_period: years[0] ?? null,
        last_period: years.at(-1) ?? null,
        example: exampleShare(table.examples),
        breaks: breaks
          .filter((entry) => entry.indicators.includes(indicator.id))
          .map(({ period, label, description, regions }) => ({ period, label, description, regions: regions ?? null })),
        files: {
          csv: openDataPath(indicator.id),
          columns: [
            'region_code',
            'region_name',
            'period',
            'sex',
            ...indicator.splits.slice(0, 1).map((split) => split.name),
            'value',
            'unit',
            'status',
            'source',
            'example',
          ],
        },
      };
    }),
  };
}
