/** `/data/catalog.json`: every indicator with what a re-user needs to find and read its file. */
import type { Indicator } from '../schemas/indicator.ts';
import type { Snapshot } from '../pipeline/snapshot-reader.ts';
import { sourceText } from './labels.ts';

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
  files: { csv: string; columns: string[] };
}

/** Years with a published yearly value somewhere in the snapshot, by the indicator's yearly rule. */
export function publishedYears(indicator: Indicator, snapshot: Snapshot): string[] {
  const fileId =
    indicator.measure.kind === 'ratio' ? indicator.measure.numerator.indicator : indicator.measure.indicator;
  const periods = snapshot.file(fileId)?.file.periods ?? [];
  if (indicator.periodicity !== 'month') return periods;
  const months = new Map<string, number>();
  for (const period of periods) months.set(period.slice(0, 4), (months.get(period.slice(0, 4)) ?? 0) + 1);
  const rule = indicator.yearly;
  return [...months.keys()].filter((year) =>
    rule.kind === 'month'
      ? periods.includes(`${year}M${String(rule.month).padStart(2, '0')}`)
      : months.get(year) === 12,
  );
}

export function catalog(
  indicators: Indicator[],
  snapshot: Snapshot,
): { example: boolean; retrieved_at: string; indicators: CatalogEntry[] } {
  return {
    example: snapshot.meta.example,
    retrieved_at: snapshot.meta.retrievedAt,
    indicators: indicators.map((indicator) => {
      const years = publishedYears(indicator, snapshot);
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
        files: {
          csv: `/data/${indicator.id}.csv`,
          columns: [
            'region_code',
            'region_name',
            'period',
            'sex',
            ...indicator.splits.slice(0, 1).map((split) => split.name),
            'value',
            'unit',
            'status',
          ],
        },
      };
    }),
  };
}
