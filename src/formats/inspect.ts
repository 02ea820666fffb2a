/**
 * `data:inspect`: any raw file as tidy CSV on stdout. JSON-stat2: the dimension ids in file order,
 * then value and status, one row per cell in row-major order, codes not labels. Kolada pages, SCB
 * code lists and exports get the same treatment with their own columns.
 */
import { forEachCell, readJsonStat } from './jsonstat.ts';
import { readKoladaPage } from './kolada.ts';
import { readCodeList } from './scb-codelist.ts';
import { toCsv, type CsvValue } from './csv-out.ts';

export function inspectJsonStat(json: unknown, maxCells?: number): string {
  const cube = readJsonStat(json, maxCells === undefined ? {} : { maxCells });
  const rows: CsvValue[][] = [];
  forEachCell(cube, (codes, value, status) => rows.push([...codes, value, status]));
  return toCsv([...cube.dimensions.map((dimension) => dimension.id), 'value', 'status'], rows, 'plain');
}

export function inspectKolada(json: unknown): string {
  const page = readKoladaPage(json);
  const rows: CsvValue[][] = page.values.flatMap((item) =>
    item.values.map((entry) => [
      item.kpi,
      item.municipality,
      item.period,
      entry.gender,
      entry.value,
      entry.status ?? '',
    ]),
  );
  return toCsv(['kpi', 'municipality', 'period', 'gender', 'value', 'status'], rows, 'plain');
}

/** An SCB code list (SKR's kommungrupper): one row per value and member. */
export function inspectCodeList(json: unknown): string {
  const codelist = readCodeList(json, 'kodlista');
  const rows: CsvValue[][] = codelist.values.flatMap((value) =>
    value.valueMap.map((member) => [value.code, value.label, member]),
  );
  return toCsv(['code', 'label', 'member'], rows, 'plain');
}

/** Decides the format from the JSON's own shape: JSON-stat2 says so in `class`, a code list in `type`. */
/** Any raw file as CSV; `maxCells` is the configured cap of a JSON-stat file's cells. */
export function inspectJson(json: unknown, maxCells?: number): string {
  if (json !== null && typeof json === 'object' && 'class' in json) return inspectJsonStat(json, maxCells);
  if (json !== null && typeof json === 'object' && 'type' in json && 'values' in json) return inspectCodeList(json);
  if (json !== null && typeof json === 'object' && 'values' in json) return inspectKolada(json);
  throw new Error('Varken JSON-stat2 (saknar "class"), en kodlista från SCB eller ett Kolada-svar (saknar "values")');
}
