/**
 * Files offered for download: the page's data as CSV (two dialects), the open-data CSV of an
 * indicator for every region in the snapshot, the catalogue, and standalone chart files.
 */
import type { Indicator } from '../schemas/indicator.ts';
import { isProtected, type ObservationStatus, type Sex } from '../schemas/observation.ts';
import { roundTo, toCsv, type CsvValue } from '../formats/csv-out.ts';
import { escapeXml } from '../formats/escape.ts';
import { yearlySeries } from '../measures/series.ts';
import { regionArea } from '../measures/areas.ts';
import type { RegionRegistry } from '../config/regions.ts';
import type { Snapshot } from '../pipeline/snapshot-reader.ts';
import type { IndicatorView } from './indicator-view.ts';

const SEXES: Sex[] = ['total', 'women', 'men'];

function statusOut(status: ObservationStatus, value: number | null): string {
  return value === null && !isProtected(status) ? 'missing' : status;
}

const pageRows = new WeakMap<IndicatorView, { header: string[]; rows: CsvValue[][] }>();

/** The indicator page's own numbers: the förbund's areas, headline and splits, by sex. */
export function pageCsv(view: IndicatorView, snapshot: Snapshot, dialect: 'excel' | 'plain'): string {
  let table = pageRows.get(view);
  if (!table) {
    table = pageTable(view, snapshot);
    pageRows.set(view, table);
  }
  return toCsv(table.header, table.rows, dialect);
}

function pageTable(view: IndicatorView, snapshot: Snapshot): { header: string[]; rows: CsvValue[][] } {
  const { indicator } = view;
  const splitName = indicator.splits[0]?.name;
  const header = [
    'region_code',
    'region_name',
    'period',
    'sex',
    ...(splitName ? [splitName] : []),
    'value',
    'unit',
    'status',
  ];
  const rows: CsvValue[][] = [];
  const categories = indicator.splits[0]?.categories.map((category) => category.code) ?? [null];
  for (const summary of view.summaries) {
    for (const sex of indicator.bySex ? SEXES : (['total'] as Sex[])) {
      for (const category of categories) {
        const selection =
          category === null || !splitName ? indicator.headline : { ...indicator.headline, [splitName]: category };
        for (const point of yearlySeries(snapshot, indicator, summary.area, sex, selection) ?? []) {
          rows.push([
            summary.area.kind === 'forbund' ? `forbund:${summary.area.id}` : summary.area.id,
            summary.area.name,
            point.period,
            sex,
            ...(splitName ? [category] : []),
            roundTo(point.value, indicator.decimals),
            indicator.unit,
            statusOut(point.status, point.value),
          ]);
        }
      }
    }
  }
  return { header, rows };
}

/** `/data/<id>.csv`: every region in the snapshot (riket, län, kommuner), yearly, all splits and sexes. */
export function openDataCsv(indicator: Indicator, snapshot: Snapshot, registry: RegionRegistry): string {
  const { header, rows } = openDataTable(indicator, snapshot, registry);
  return toCsv(header, rows, 'plain');
}

/** The open data of an indicator as rows, for its CSV and for the catalogue's periods. */
export function openDataTable(
  indicator: Indicator,
  snapshot: Snapshot,
  registry: RegionRegistry,
): { header: string[]; rows: CsvValue[][] } {
  const split = indicator.splits[0];
  const header = [
    'region_code',
    'region_name',
    'period',
    'sex',
    ...(split ? [split.name] : []),
    'value',
    'unit',
    'status',
  ];
  const rows: CsvValue[][] = [];
  for (const region of registry.all) {
    const area = regionArea(region.code, registry);
    for (const sex of indicator.bySex ? SEXES : (['total'] as Sex[])) {
      for (const category of split ? split.categories.map((entry) => entry.code) : [null]) {
        const selection =
          category === null || !split ? indicator.headline : { ...indicator.headline, [split.name]: category };
        for (const point of yearlySeries(snapshot, indicator, area, sex, selection) ?? []) {
          if (point.value === null && point.status === 'missing') continue;
          rows.push([
            region.code,
            region.name,
            point.period,
            sex,
            ...(split ? [category] : []),
            roundTo(point.value, indicator.decimals),
            indicator.unit,
            statusOut(point.status, point.value),
          ]);
        }
      }
    }
  }
  return { header, rows };
}

/** A chart as a file of its own: namespaced, with the type styling the site's stylesheet gives it on the page. */
export function standaloneSvg(svg: string, title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg
    .replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ')
    .replace(/font-family="inherit"/, 'font-family="DejaVu Sans, Arial, sans-serif"')
    .replace(/(<svg[^>]*>)/, `$1<title>${escapeXml(title)}</title><rect width="100%" height="100%" fill="white"/>`)}\n`;
}
