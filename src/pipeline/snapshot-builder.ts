/**
 * Collects observations into the compact snapshot encoding without building one object per value,
 * so the national snapshot (millions of cells) fits comfortably in memory.
 */
import type { ObservationStatus, Sex } from '../schemas/observation.ts';
import type { SnapshotFile, SnapshotSeries } from '../schemas/snapshot.ts';
import { comparePeriodCodes } from '../formats/period.ts';

interface SeriesBuffer {
  region: string;
  sex: Sex;
  breakdown: Record<string, string>;
  cells: Map<string, { value: number | null; status: ObservationStatus; sourceStatus: string; provenance: string }>;
}

export class DuplicateObservationError extends Error {}

/** One normalised cell, as a reader of a raw file hands it on. */
export interface Cell {
  indicator: string;
  /** The status the indicator's file records for cells that say nothing else. */
  defaultStatus: ObservationStatus;
  region: string;
  sex: Sex;
  breakdown: Record<string, string>;
  period: string;
  value: number | null;
  status: ObservationStatus;
  /** The publisher's own flag for the cell (SCB's symbol, Kolada's status), or ''. */
  sourceStatus: string;
  provenance: string;
}

/** Where normalised cells go: straight into the snapshot, or into sums first. */
export interface CellSink {
  add(cell: Cell): void;
}

const keys = new WeakMap<Record<string, string>, string>();

/** Normalisers reuse one breakdown object per combination, so its key is worked out once. */
function breakdownKey(breakdown: Record<string, string>): string {
  let key = keys.get(breakdown);
  if (key === undefined) {
    key = Object.keys(breakdown)
      .sort()
      .map((name) => `${name}=${breakdown[name]}`)
      .join('&');
    keys.set(breakdown, key);
  }
  return key;
}

export class SnapshotBuilder implements CellSink {
  private readonly indicators = new Map<
    string,
    { defaultStatus: ObservationStatus; series: Map<string, SeriesBuffer> }
  >();

  add({
    indicator,
    defaultStatus,
    region,
    sex,
    breakdown,
    period,
    value,
    status,
    sourceStatus,
    provenance,
  }: Cell): void {
    let entry = this.indicators.get(indicator);
    if (!entry) {
      entry = { defaultStatus, series: new Map() };
      this.indicators.set(indicator, entry);
    }
    const key = `${region}|${sex}|${breakdownKey(breakdown)}`;
    let series = entry.series.get(key);
    if (!series) {
      const sorted = Object.fromEntries(
        Object.keys(breakdown)
          .sort()
          .map((name) => [name, breakdown[name] ?? '']),
      );
      series = { region, sex, breakdown: sorted, cells: new Map() };
      entry.series.set(key, series);
    }
    if (series.cells.has(period)) {
      throw new DuplicateObservationError(
        `${indicator} ${region} ${sex} ${breakdownKey(breakdown)} ${period} finns redan (från ${series.cells.get(period)?.provenance})`,
      );
    }
    series.cells.set(period, { value, status, sourceStatus, provenance });
  }

  has(indicator: string, region: string, sex: Sex, breakdown: Record<string, string>, period: string): boolean {
    return (
      this.indicators
        .get(indicator)
        ?.series.get(`${region}|${sex}|${breakdownKey(breakdown)}`)
        ?.cells.has(period) ?? false
    );
  }

  indicatorIds(): string[] {
    return [...this.indicators.keys()].sort();
  }

  /** The file for one indicator, with series and periods in a fixed order so output is reproducible. */
  build(indicator: string): SnapshotFile {
    const entry = this.indicators.get(indicator);
    if (!entry) throw new Error(`Inga observationer för ${indicator}`);
    const periodSet = new Set<string>();
    const provenanceSet = new Set<string>();
    for (const series of entry.series.values()) {
      for (const [period, cell] of series.cells) {
        periodSet.add(period);
        provenanceSet.add(cell.provenance);
      }
    }
    const periods = [...periodSet].sort(comparePeriodCodes);
    const provenance = [...provenanceSet].sort();
    const provenanceIndex = new Map(provenance.map((id, index) => [id, index]));
    const keys = [...entry.series.keys()].sort();
    const series = keys.map((key): SnapshotSeries => {
      const buffer = entry.series.get(key) as SeriesBuffer;
      const values: (number | null)[] = [];
      const status: Record<string, ObservationStatus> = {};
      const sourceStatus: Record<string, string> = {};
      const runs: [number, number][] = [];
      periods.forEach((period, index) => {
        const cell = buffer.cells.get(period);
        values.push(cell ? cell.value : null);
        const cellStatus = cell ? cell.status : 'missing';
        if (cellStatus !== entry.defaultStatus) status[index] = cellStatus;
        if (cell && cell.sourceStatus !== '') sourceStatus[index] = cell.sourceStatus;
        const source = cell ? (provenanceIndex.get(cell.provenance) ?? 0) : (runs.at(-1)?.[1] ?? 0);
        if (runs.at(-1)?.[1] !== source) runs.push([index, source]);
      });
      return {
        region: buffer.region,
        sex: buffer.sex,
        breakdown: buffer.breakdown,
        values,
        status,
        sourceStatus,
        provenance: runs,
      };
    });
    return { indicator, defaultStatus: entry.defaultStatus, periods, provenance, series };
  }
}
