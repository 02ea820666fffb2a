/**
 * Files offered for download: the page's data as CSV (two dialects), the open-data CSV of an
 * indicator for every region in the snapshot, the catalogue, and standalone chart files.
 */
import type { Indicator } from '../../schemas/indicator.ts';
import { isProtected, type ObservationStatus, type Sex } from '../../schemas/observation.ts';
import { roundTo, toCsv, type CsvValue } from '../../formats/csv-out.ts';
import { escapeXml } from '../../formats/escape.ts';
import { pointAt, yearlySeries, type ValuePoint } from '../../measures/series.ts';
import { shownChange, verdict } from '../../measures/index.ts';
import { regionArea } from '../../measures/areas.ts';
import { isPlaceable } from '../../measures/national.ts';
import type { RegionRegistry } from '../../config/regions.ts';
import type { Snapshot } from '../../pipeline/snapshot-reader.ts';
import type { IndicatorView } from '../model/indicator-view.ts';
import { t } from '../../i18n/index.ts';
import { cellText, sourceText } from '../text/labels.ts';
import { forbundMethod } from '../text/lead.ts';
import { rememberedFor } from '../../formats/remembered.ts';

const SEXES: Sex[] = ['total', 'women', 'men'];

/** Rows of a download, and beside each whether its value was made from invented example data. */
export interface DataRows {
  header: string[];
  rows: CsvValue[][];
  examples: boolean[];
  /** A row's own source where it is not the indicator's (the förbund's figure, computed by us). */
  sources?: (string | null)[];
}

function statusOut(status: ObservationStatus, value: number | null): string {
  return value === null && !isProtected(status) ? 'missing' : status;
}

/**
 * A year's value, unit and status, and the change and verdict a reader of the page sees: from last
 * year's value, as shown.
 */
function pointCells(indicator: Indicator, series: ValuePoint[], point: ValuePoint): CsvValue[] {
  const before = pointAt(series, String(Number(point.period) - 1))?.value ?? null;
  return [
    roundTo(point.value, indicator.decimals),
    indicator.unit,
    statusOut(point.status, point.value),
    roundTo(shownChange(point.value, before, indicator.decimals), indicator.decimals),
    verdict(point.value, before, indicator.direction, indicator.decimals),
  ];
}

const pageRows = new WeakMap<IndicatorView, Map<'rows', { value: DataRows; left: number }>>();
/** The page's data is offered in two dialects, and then no longer needed. */
const DIALECTS = 2;

/** The indicator page's own numbers: the förbund's areas, headline and splits, by sex. */
export function pageCsv(view: IndicatorView, snapshot: Snapshot, dialect: 'excel' | 'plain'): string {
  const table = rememberedFor(pageRows, view, 'rows', DIALECTS, () => pageTable(view, snapshot));
  return toCsv(...marked(table, view.indicator), dialect);
}

/**
 * Every row says where it comes from and whether the figures are the example's, so that a file
 * sent on never looks real when it is not.
 */
function marked(table: DataRows, indicator: Indicator): [string[], CsvValue[][]] {
  const source = sourceText(indicator).text;
  return [
    [...table.header, 'source', 'example'],
    table.rows.map((row, index) => [
      ...row,
      table.sources?.[index] ?? source,
      table.examples[index] ? 'true' : 'false',
    ]),
  ];
}

/** The förbund row's source where the figure is ours or a län's: never the source's name alone. */
function forbundSourceText(view: IndicatorView): string | null {
  return forbundMethod(view);
}

function pageTable(view: IndicatorView, snapshot: Snapshot): DataRows {
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
    'change',
    'verdict',
  ];
  const rows: CsvValue[][] = [];
  const examples: boolean[] = [];
  const sources: (string | null)[] = [];
  const forbundSource = forbundSourceText(view);
  const categories = indicator.splits[0]?.categories.map((category) => category.code) ?? [null];
  for (const summary of view.summaries) {
    for (const sex of indicator.bySex ? SEXES : (['total'] as Sex[])) {
      for (const category of categories) {
        const selection =
          category === null || !splitName ? indicator.headline : { ...indicator.headline, [splitName]: category };
        const series = yearlySeries(snapshot, { indicator, area: summary.area, sex, selection }) ?? [];
        for (const point of series) {
          rows.push([
            summary.area.kind === 'forbund' ? `forbund:${summary.area.id}` : summary.area.id,
            summary.area.name,
            point.period,
            sex,
            ...(splitName ? [category] : []),
            ...pointCells(indicator, series, point),
          ]);
          examples.push(point.example === true);
          sources.push(summary.area.kind === 'forbund' ? forbundSource : null);
        }
      }
    }
  }
  return { header, rows, examples, sources };
}

/** `/data/<id>.csv`: every region in the snapshot (riket, län, kommuner), yearly, all splits and sexes. */
export function openDataCsv(indicator: Indicator, snapshot: Snapshot, registry: RegionRegistry): string {
  return toCsv(...marked(openDataTable(indicator, snapshot, registry), indicator), 'plain');
}

/**
 * `/data/jamforelse/<id>.csv`: the headline series of every kommun, total only: what a reader's
 * added kommun is drawn from. The open data of helårsekvivalenter is 8 MB with its sexes and
 * benefits; a phone asking for one kommun gets a few hundred kB instead. Each row also carries its
 * table cell as the page writes it (`shown`), so the script formats nothing itself.
 */
export function comparisonCsv(indicator: Indicator, snapshot: Snapshot, registry: RegionRegistry): string {
  const table = openDataTable(indicator, snapshot, registry);
  const column = (name: string) => table.header.indexOf(name);
  const [code, sex, value, status] = [column('region_code'), column('sex'), column('value'), column('status')];
  const split = indicator.splits[0];
  const splitColumn = split ? column(split.name) : -1;
  const headline = split ? indicator.headline[split.name] : undefined;
  const kept = table.rows.flatMap((row, index) =>
    /^\d{4}$/.test(String(row[code])) &&
    row[sex] === 'total' &&
    (splitColumn < 0 || headline === undefined || row[splitColumn] === headline)
      ? [index]
      : [],
  );
  const shown = (row: CsvValue[]) =>
    cellText(indicator, row[value] === null ? null : Number(row[value]), row[status] as ObservationStatus);
  return toCsv(
    ...marked(
      {
        header: [...table.header, 'shown'],
        rows: kept.map((index) => [...table.rows[index]!, shown(table.rows[index]!)]),
        examples: kept.map((index) => table.examples[index]!),
      },
      indicator,
    ),
    'plain',
  );
}

const openTables = new WeakMap<Indicator, Map<Snapshot, { value: DataRows; left: number }>>();

/**
 * The open data of an indicator as rows, made once per indicator and snapshot, over the build's one
 * region registry. The build reads it for the catalogue (once for all indicators), the open data
 * file and, for an indicator placed among all kommuner, the comparison file: all early in the build.
 * Forgotten after the last of them, it is not held through the rest (about 100 MB nationally).
 */
export function openDataTable(indicator: Indicator, snapshot: Snapshot, registry: RegionRegistry): DataRows {
  const uses = isPlaceable(indicator) ? 3 : 2;
  return rememberedFor(openTables, indicator, snapshot, uses, () => makeOpenDataTable(indicator, snapshot, registry));
}

function makeOpenDataTable(indicator: Indicator, snapshot: Snapshot, registry: RegionRegistry): DataRows {
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
    'change',
    'verdict',
  ];
  const rows: CsvValue[][] = [];
  const examples: boolean[] = [];
  for (const region of registry.all) {
    const area = regionArea(region.code, registry);
    for (const sex of indicator.bySex ? SEXES : (['total'] as Sex[])) {
      for (const category of split ? split.categories.map((entry) => entry.code) : [null]) {
        const selection =
          category === null || !split ? indicator.headline : { ...indicator.headline, [split.name]: category };
        const series = yearlySeries(snapshot, { indicator, area, sex, selection }) ?? [];
        for (const point of series) {
          if (point.value === null && point.status === 'missing') continue;
          rows.push([
            region.code,
            region.name,
            point.period,
            sex,
            ...(split ? [category] : []),
            ...pointCells(indicator, series, point),
          ]);
          examples.push(point.example === true);
        }
      }
    }
  }
  return { header, rows, examples };
}

const FILE_FONT = 14;

/**
 * A chart as a file of its own (the SVG download, and the PNG drawn from it): the chart with its
 * title above and its source below, and the example mark when the figures are invented, so that a
 * file sent on by e-mail never looks real when it is not. The page's chart sits inside unchanged.
 */
export function standaloneSvg(
  chart: { svg: string; title: string; caption: string; note?: string },
  source: string,
  example: boolean,
): string {
  // A chart mixing real and invented values says so instead of calling it all invented.
  const mark = chart.note ?? t('example.title');
  const [, width = '760', height = '380'] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(chart.svg) ?? [];
  const top = FILE_FONT * 3;
  const bottom = FILE_FONT * (example ? 4 : 2.5);
  const total = Number(height) + top + bottom;
  const inner = chart.svg
    .replace('<svg ', `<svg x="0" y="${top}" `)
    .replace(/font-family="inherit"/, 'font-family="DejaVu Sans, Arial, sans-serif"');
  const line = (y: number, text: string, bold = false) =>
    `<text x="${FILE_FONT / 2}" y="${y}"${bold ? ' font-weight="bold"' : ''}>${escapeXml(text)}</text>`;
  const below = Number(height) + top + FILE_FONT * 1.5;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" font-family="DejaVu Sans, Arial, sans-serif" font-size="${FILE_FONT}" fill="#1A1A1A">`,
    `<title>${escapeXml(`${chart.title}. ${chart.caption}`)}</title>`,
    '<rect width="100%" height="100%" fill="white"/>',
    line(FILE_FONT * 1.5, chart.title, true),
    inner,
    line(below, t('deck.source', { source })),
    example ? line(below + FILE_FONT * 1.5, mark, true) : '',
    '</svg>',
    '',
  ].join('\n');
}
