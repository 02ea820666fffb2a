/**
 * SCB JSON-stat2 cells → observations. Region, time, sex and contents are mapped by the table's
 * configuration; breakdown variables keep their codes (SCB's `060-64` becomes `60-64`); variables
 * with one selected code are dropped. A status symbol on a null value means missing; on a value it
 * is a note and is kept verbatim. Null is never turned into zero.
 */
import { forEachCell, type JsonStatCube } from '../lib/jsonstat.ts';
import { normalisePeriodCode } from '../lib/period.ts';
import type { ObservationStatus, Sex } from '../schemas/observation.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { SnapshotBuilder } from './snapshot-builder.ts';

export function normaliseAgeCode(code: string): string {
  return code.replace(/^0+(\d)/, '$1');
}

export function normaliseScbCube(cube: JsonStatCube, table: ScbTable, contentCodes: string[], provenance: string, builder: SnapshotBuilder): number {
  const axis = (variable: string): number => {
    const index = cube.dimensions.findIndex((dimension) => dimension.id === variable);
    if (index < 0) throw new Error(`${provenance}: variabeln ${variable} saknas i svaret`);
    return index;
  };
  const regionAxis = axis(table.geo.variable);
  const timeAxis = axis(table.time.variable);
  const sexAxis = axis(table.sex.variable);
  const contentAxis = axis(table.contents.variable);
  const breakdownAxes = table.breakdowns.map((breakdown) => ({ name: breakdown.name, index: axis(breakdown.variable) }));
  const sexByCode = new Map(Object.entries(table.sex.codes).map(([sex, code]) => [code, sex as Sex]));
  const itemByCode = new Map(table.contents.items.map((item, index) => [contentCodes[index] ?? '', item]));
  const periodCache = new Map<string, string>();
  let count = 0;
  forEachCell(cube, (codes, value, symbol) => {
    const item = itemByCode.get(codes[contentAxis] ?? '');
    const sex = sexByCode.get(codes[sexAxis] ?? '');
    if (!item || !sex) return;
    const rawPeriod = codes[timeAxis] ?? '';
    let period = periodCache.get(rawPeriod);
    if (period === undefined) {
      const normalised = normalisePeriodCode(rawPeriod);
      if (normalised === null) throw new Error(`${provenance}: okänd period "${rawPeriod}"`);
      period = normalised;
      periodCache.set(rawPeriod, period);
    }
    const breakdown: Record<string, string> = { ...item.breakdown };
    for (const { name, index } of breakdownAxes) breakdown[name] = normaliseAgeCode(codes[index] ?? '');
    let status: ObservationStatus = table.status;
    if (value === null) status = 'missing';
    else if (value === 0 && item.zeroMayBeMissing) status = 'possibly-missing';
    builder.add(item.indicator, table.status, codes[regionAxis] ?? '', sex, breakdown, period, value, status, symbol, provenance);
    count++;
  });
  return count;
}
