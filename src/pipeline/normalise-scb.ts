/**
 * SCB JSON-stat2 cells → observations. Region, time, sex and contents are mapped by the table's
 * configuration; breakdown variables keep their codes (SCB's `060-64` becomes `60-64`); variables
 * with one selected code are dropped. A status symbol on a null value means missing; on a value it
 * is a note and is kept verbatim. Null is never turned into zero.
 */
import { forEachCell, type JsonStatCube } from '../formats/jsonstat.ts';
import { normalisePeriodCode } from '../formats/period.ts';
import { worseStatus, type ObservationStatus, type Sex } from '../schemas/observation.ts';
import type { ScbTable } from '../schemas/sources.ts';
import type { Cell, CellSink, SnapshotBuilder } from './snapshot-builder.ts';

export function normaliseAgeCode(code: string): string {
  return code.replace(/^0+(\d)/, '$1');
}

/** The ages an SCB age code covers: `20` (one year, TAB638) or `20-24` (a group, TAB5557); null for totals. */
export function ageRange(code: string): { from: number; to: number } | null {
  const match = /^(\d+)(?:-(\d+))?$/.exec(code);
  if (!match) return null;
  const from = Number(match[1]);
  return { from, to: match[2] === undefined ? from : Number(match[2]) };
}

/**
 * Sums ages (single years or groups) into bands and men and women into a total, over a whole dataset (a query may
 * be split across calls by age), then writes the sums. Null anywhere makes the sum null.
 */
export class BandSums implements CellSink {
  private readonly table: ScbTable;
  /** A sum is a cell of its own, the first contributing cell's provenance kept. */
  private readonly sums = new Map<string, Omit<Cell, 'defaultStatus' | 'sourceStatus'>>();

  constructor(table: ScbTable) {
    this.table = table;
  }

  private accumulate(cell: Cell, sex: Sex, target: { breakdown: Record<string, string>; key: string }): void {
    const key = `${cell.indicator}|${cell.region}|${sex}|${target.key}|${cell.period}`;
    const sum = this.sums.get(key);
    if (!sum)
      this.sums.set(key, {
        indicator: cell.indicator,
        region: cell.region,
        sex,
        breakdown: target.breakdown,
        period: cell.period,
        value: cell.value,
        status: cell.status,
        provenance: cell.provenance,
      });
    else {
      sum.value = sum.value === null || cell.value === null ? null : sum.value + cell.value;
      sum.status = worseStatus(sum.status, cell.status);
    }
  }

  add(cell: Cell): void {
    let targets = this.targetCache.get(cell.breakdown);
    if (!targets) {
      targets = this.targetsOf(cell.breakdown);
      this.targetCache.set(cell.breakdown, targets);
    }
    for (const target of targets) {
      this.accumulate(cell, cell.sex, target);
      if (this.table.sumSexes && cell.sex !== 'total') this.accumulate(cell, 'total', target);
    }
  }

  private readonly targetCache = new WeakMap<
    Record<string, string>,
    { breakdown: Record<string, string>; key: string }[]
  >();

  /** The bands a cell's age falls in, each a breakdown object of its own (shared by every cell of that band). */
  private targetsOf(breakdown: Record<string, string>): { breakdown: Record<string, string>; key: string }[] {
    const bands = this.table.ageBands;
    const targets: { breakdown: Record<string, string>; key: string }[] = [];
    if (bands) {
      const ages = ageRange(breakdown[bands.name] ?? '');
      for (const [band, range] of Object.entries(bands.bands)) {
        if (ages && ages.from >= range.from && ages.to <= range.to) {
          const target = { ...breakdown, [bands.name]: band };
          targets.push({ breakdown: target, key: JSON.stringify(Object.entries(target).sort()) });
        }
      }
    } else targets.push({ breakdown, key: JSON.stringify(Object.entries(breakdown).sort()) });
    return targets;
  }

  /** Writes every sum; the provenance of a sum is the first raw file that contributed to it. */
  flush(builder: SnapshotBuilder): void {
    for (const sum of this.sums.values())
      builder.add({
        indicator: sum.indicator,
        defaultStatus: this.table.status,
        region: sum.region,
        sex: sum.sex,
        breakdown: sum.breakdown,
        period: sum.period,
        value: sum.value,
        status: sum.value === null ? 'missing' : sum.status,
        sourceStatus: '',
        provenance: sum.provenance,
      });
  }
}

/**
 * `valueCodes` (from provenance) maps configured codes to the table's own where they were matched by
 * label; the observations keep the configured codes, so two stitched tables share one series.
 */
export function normaliseScbCube(
  cube: JsonStatCube,
  table: ScbTable,
  contentCodes: string[],
  provenance: string,
  builder: CellSink,
  valueCodes: Record<string, Record<string, string>> = {},
): number {
  const configuredCode = (variable: string) =>
    new Map(Object.entries(valueCodes[variable] ?? {}).map(([configured, actual]) => [actual, configured]));
  const axis = (variable: string): number => {
    const index = cube.dimensions.findIndex((dimension) => dimension.id === variable);
    if (index < 0) throw new Error(`${provenance}: variabeln ${variable} saknas i svaret`);
    return index;
  };
  const regionAxis = axis(table.geo.variable);
  const timeAxis = axis(table.time.variable);
  const sexAxis = axis(table.sex.variable);
  const contentAxis = axis(table.contents.variable);
  const breakdownAxes = [
    ...table.breakdowns,
    ...(table.ageBands ? [{ variable: table.ageBands.variable, name: table.ageBands.name }] : []),
  ].map((breakdown) => ({
    name: breakdown.name,
    index: axis(breakdown.variable),
    configured: configuredCode(breakdown.variable),
  }));
  const sexValues = valueCodes[table.sex.variable] ?? {};
  const sexByCode = new Map(
    Object.entries(table.sex.codes).map(([sex, code]) => [sexValues[code] ?? code, sex as Sex]),
  );
  const itemByCode = new Map(table.contents.items.map((item, index) => [contentCodes[index] ?? '', item]));
  const periodCache = new Map<string, string>();
  // One breakdown object per combination of codes: millions of cells share a few hundred of them.
  const breakdownCache = new Map<string, Record<string, string>>();
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
    let cacheKey = codes[contentAxis] ?? '';
    for (const { index } of breakdownAxes) cacheKey += `|${codes[index] ?? ''}`;
    let breakdown = breakdownCache.get(cacheKey);
    if (!breakdown) {
      breakdown = { ...item.breakdown };
      for (const { name, index, configured } of breakdownAxes) {
        const code = codes[index] ?? '';
        breakdown[name] = normaliseAgeCode(configured.get(code) ?? code);
      }
      breakdownCache.set(cacheKey, breakdown);
    }
    let status: ObservationStatus = table.status;
    if (value === null) status = 'missing';
    else if (value === 0 && item.zeroMayBeMissing) status = 'possibly-missing';
    builder.add({
      indicator: item.indicator,
      defaultStatus: table.status,
      region: codes[regionAxis] ?? '',
      sex,
      breakdown,
      period,
      value,
      status,
      sourceStatus: symbol,
      provenance,
    });
    count++;
  });
  return count;
}
