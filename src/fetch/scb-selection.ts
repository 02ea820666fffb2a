/**
 * What to ask an SCB table for, checked against the table's own metadata. Shared by the fetcher
 * and the example generator, so the example is written exactly as a real fetch would be.
 */
import type { JsonStatCube, JsonStatDimension } from '../formats/jsonstat.ts';
import { normaliseLabel, resolveContentCodes } from '../formats/content-codes.ts';
import { comparePeriodCodes, normalisePeriodCode, parsePeriod } from '../formats/period.ts';
import type { RegionRegistry } from '../config/regions.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { Selection } from './planner.ts';

export interface TablePlan {
  /** Resolved content code per configured content item, in order. */
  contentCodes: string[];
  /** For `codesByLabel` tables: per variable, the configured code → the table's code (identity where they agree). */
  valueCodes: Record<string, Record<string, string>>;
  /** One full selection per configured query, before splitting under the cell limit. */
  queries: { name: string; selection: Selection }[];
  /** Dimension order of the table. */
  dimensionOrder: string[];
}

/** Labels SCB gives the sexes across tables, for matching a configured sex code by label. */
const SEX_LABELS: Record<string, string[]> = {
  '1+2': ['totalt', 'män och kvinnor', 'män och kvinnor totalt', 'totalt, samtliga män och kvinnor', 'samtliga'],
  '1': ['män'],
  '2': ['kvinnor'],
};

/**
 * The table's value for a configured code: the same code, else the one value whose label equals
 * the code (or "<code> år", SCB's age labels, or a known sex label) after dash and case folding.
 */
function matchValue(dimension: JsonStatDimension, wanted: string): { code: string } | { problem: string } {
  if (dimension.codes.includes(wanted)) return { code: wanted };
  const targets = new Set([wanted, `${wanted} år`, ...(SEX_LABELS[wanted] ?? [])].map(normaliseLabel));
  const found = dimension.codes.filter((code) => targets.has(normaliseLabel(dimension.labels.get(code) ?? '')));
  if (found.length === 1 && found[0] !== undefined) return { code: found[0] };
  const values = dimension.codes.map((code) => `${code} "${dimension.labels.get(code) ?? ''}"`).join('; ');
  return {
    problem: `${dimension.id}: ${found.length === 0 ? `hittar inget värde för ${wanted}` : `${wanted} kan vara flera (${found.join(', ')})`}; variabelns värden: ${values}`,
  };
}

export function planTable(
  table: ScbTable,
  metadata: JsonStatCube,
  registry: RegionRegistry,
  tableId: string | null = table.table,
): TablePlan {
  const name = tableId ?? table.dataset;
  const problems: string[] = [];
  const valueCodes: Record<string, Record<string, string>> = {};
  const dimension = (id: string): JsonStatDimension | undefined => {
    const found = metadata.dimensions.find((candidate) => candidate.id === id);
    if (!found)
      problems.push(`variabeln ${id} saknas (tabellen har ${metadata.dimensions.map((d) => d.id).join(', ')})`);
    return found;
  };
  /** The table's codes for configured codes: pinned codes must exist; unverified ones are matched by label. */
  const tableCodes = (variable: string, codes: string[], byLabel: boolean): string[] => {
    const found = dimension(variable);
    if (!found) return codes;
    if (!byLabel) {
      const missing = codes.filter((code) => !found.codes.includes(code));
      if (missing.length > 0) problems.push(`${variable} saknar koderna ${missing.join(', ')}`);
      return codes;
    }
    return codes.map((code) => {
      const match = matchValue(found, code);
      if ('problem' in match) {
        problems.push(match.problem);
        return code;
      }
      (valueCodes[variable] ??= {})[code] = match.code;
      return match.code;
    });
  };

  const regionCodes = registry.all
    .filter((region) => table.geo.levels.includes(region.level))
    .map((region) => region.code);
  tableCodes(table.geo.variable, regionCodes, false);
  const sexCodes = tableCodes(table.sex.variable, [...new Set(Object.values(table.sex.codes))], table.codesByLabel);
  const from = normalisePeriodCode(table.time.from);
  const to = table.time.to === null ? null : normalisePeriodCode(table.time.to);
  // Periods of another kind (a monthly table found when a yearly one was wanted) never count.
  const kind = from === null ? null : parsePeriod(from)?.kind;
  const timeCodes = (dimension(table.time.variable)?.codes ?? []).filter((code) => {
    const canonical = normalisePeriodCode(code);
    if (canonical === null || from === null || parsePeriod(canonical)?.kind !== kind) return false;
    return comparePeriodCodes(canonical, from) >= 0 && (to === null || comparePeriodCodes(canonical, to) <= 0);
  });
  if (timeCodes.length === 0)
    problems.push(
      `${table.time.variable} har inga perioder från ${table.time.from}${table.time.to ? ` till ${table.time.to}` : ''}`,
    );
  const selects = table.queries.map((query) =>
    Object.fromEntries(
      Object.entries(query.select).map(([variable, codes]) => [
        variable,
        tableCodes(variable, codes, table.codesByLabel),
      ]),
    ),
  );
  const contentsDimension = dimension(table.contents.variable);
  if (problems.length > 0) throw new Error(`${name} (${table.title}): ${problems.join('; ')}`);

  const contentCodes = contentsDimension ? resolveContentCodes(name, contentsDimension, table.contents.items) : [];
  const base: Selection = {
    [table.geo.variable]: regionCodes,
    [table.sex.variable]: sexCodes,
    [table.contents.variable]: contentCodes,
    [table.time.variable]: timeCodes,
  };
  const dimensionOrder = metadata.dimensions.map((candidate) => candidate.id);
  const queries = table.queries.map((query, index) => {
    const selection: Selection = { ...base, ...selects[index] };
    // A variable PxWeb can eliminate is left out and summed by SCB (Civilstånd in TAB638).
    const unselected = dimensionOrder.filter(
      (id) => !(id in selection) && !metadata.dimensions.find((dimension) => dimension.id === id)?.eliminable,
    );
    if (unselected.length > 0) throw new Error(`${name}, fråga ${query.name}: välj koder för ${unselected.join(', ')}`);
    return {
      name: query.name,
      selection: Object.fromEntries(
        dimensionOrder.filter((id) => id in selection).map((id) => [id, selection[id] ?? []]),
      ),
    };
  });
  return { contentCodes, valueCodes, queries, dimensionOrder };
}

/** The POST body PxWebApi 2.0 expects for a selection. */
export function selectionBody(selection: Selection): string {
  return JSON.stringify({
    selection: Object.entries(selection).map(([variableCode, valueCodes]) => ({ variableCode, valueCodes })),
  });
}
