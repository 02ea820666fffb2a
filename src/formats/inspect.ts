/**
 * `data:inspect`: any raw file as tidy CSV on stdout. JSON-stat2: the dimension ids in file order,
 * then value and status, one row per cell in row-major order, codes not labels. Kolada pages and
 * exports get the same treatment with their own columns.
 */
import { forEachCell, readJsonStat } from './jsonstat.ts';
import { readKoladaPage, readMunicipalityGroupsPage } from './kolada.ts';
import { toCsv, type CsvValue } from './csv-out.ts';

export function inspectJsonStat(json: unknown): string {
  const cube = readJsonStat(json);
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

/** Kolada's municipality groups: one row per group and member. */
export function inspectMunicipalityGroups(json: unknown): string {
  const page = readMunicipalityGroupsPage(json, 'municipality_groups');
  const rows: CsvValue[][] = page.values.flatMap((group) =>
    (group.members ?? []).map((member) => [group.id, group.title, member]),
  );
  return toCsv(['group', 'title', 'member'], rows, 'plain');
}

/** Decides the format from the JSON's own shape: JSON-stat2 says so in `version`/`class`; Kolada's groups have members, not KPIs. */
export function inspectJson(json: unknown): string {
  if (json !== null && typeof json === 'object' && 'class' in json) return inspectJsonStat(json);
  const first =
    json !== null && typeof json === 'object' && 'values' in json && Array.isArray(json.values)
      ? (json.values[0] as unknown)
      : undefined;
  if (first !== null && typeof first === 'object' && 'members' in first && !('kpi' in first))
    return inspectMunicipalityGroups(json);
  if (json !== null && typeof json === 'object' && 'values' in json) return inspectKolada(json);
  throw new Error('Varken JSON-stat2 (saknar "class") eller ett Kolada-svar (saknar "values")');
}
