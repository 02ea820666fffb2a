/**
 * What to ask an SCB table for, checked against the table's own metadata. Shared by the fetcher
 * and the example generator, so the example is written exactly as a real fetch would be.
 */
import type { JsonStatCube, JsonStatDimension } from './jsonstat.ts';
import { resolveContentCodes } from './content-codes.ts';
import { comparePeriodCodes, normalisePeriodCode } from './period.ts';
import type { RegionRegistry } from './regions.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { Selection } from '../fetch/planner.ts';

export interface TablePlan {
  /** Resolved content code per configured content item, in order. */
  contentCodes: string[];
  /** One full selection per configured query, before splitting under the cell limit. */
  queries: { name: string; selection: Selection }[];
  /** Dimension order of the table. */
  dimensionOrder: string[];
}

export function planTable(table: ScbTable, metadata: JsonStatCube, registry: RegionRegistry): TablePlan {
  const problems: string[] = [];
  const dimension = (id: string): JsonStatDimension | undefined => {
    const found = metadata.dimensions.find((candidate) => candidate.id === id);
    if (!found) problems.push(`variabeln ${id} saknas (tabellen har ${metadata.dimensions.map((d) => d.id).join(', ')})`);
    return found;
  };
  const requireCodes = (variable: string, codes: string[]) => {
    const found = dimension(variable);
    if (!found) return;
    const missing = codes.filter((code) => !found.codes.includes(code));
    if (missing.length > 0) problems.push(`${variable} saknar koderna ${missing.join(', ')}`);
  };

  const regionCodes = registry.all.filter((region) => table.geo.levels.includes(region.level)).map((region) => region.code);
  requireCodes(table.geo.variable, regionCodes);
  const sexCodes = [...new Set(Object.values(table.sex.codes))];
  requireCodes(table.sex.variable, sexCodes);
  const from = normalisePeriodCode(table.time.from);
  const timeCodes = (dimension(table.time.variable)?.codes ?? []).filter((code) => {
    const canonical = normalisePeriodCode(code);
    return canonical !== null && from !== null && comparePeriodCodes(canonical, from) >= 0;
  });
  if (timeCodes.length === 0) problems.push(`${table.time.variable} har inga perioder från ${table.time.from}`);
  for (const query of table.queries) {
    for (const [variable, codes] of Object.entries(query.select)) requireCodes(variable, codes);
  }
  const contentsDimension = dimension(table.contents.variable);
  if (problems.length > 0) throw new Error(`${table.table} (${table.title}): ${problems.join('; ')}`);

  const contentCodes = contentsDimension ? resolveContentCodes(table.table, contentsDimension, table.contents.items) : [];
  const base: Selection = {
    [table.geo.variable]: regionCodes,
    [table.sex.variable]: sexCodes,
    [table.contents.variable]: contentCodes,
    [table.time.variable]: timeCodes,
  };
  const dimensionOrder = metadata.dimensions.map((candidate) => candidate.id);
  const queries = table.queries.map((query) => {
    const selection: Selection = { ...base, ...query.select };
    // A variable PxWeb can eliminate is left out and summed by SCB (Civilstånd in TAB638).
    const unselected = dimensionOrder.filter((id) => !(id in selection) && !metadata.dimensions.find((dimension) => dimension.id === id)?.eliminable);
    if (unselected.length > 0) throw new Error(`${table.table}, fråga ${query.name}: välj koder för ${unselected.join(', ')}`);
    return { name: query.name, selection: Object.fromEntries(dimensionOrder.filter((id) => id in selection).map((id) => [id, selection[id] ?? []])) };
  });
  return { contentCodes, queries, dimensionOrder };
}

/** The POST body PxWebApi 2.0 expects for a selection. */
export function selectionBody(selection: Selection): string {
  return JSON.stringify({ selection: Object.entries(selection).map(([variableCode, valueCodes]) => ({ variableCode, valueCodes })) });
}
