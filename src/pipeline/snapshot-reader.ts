/**
 * Reads the snapshot the site builds from. Files are loaded once per process and indexed by series.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ChangeLogSchema,
  SnapshotFileSchema,
  SnapshotMetaSchema,
  type ChangeLog,
  type SnapshotFile,
  type SnapshotMeta,
  type SnapshotSeries,
} from '../schemas/snapshot.ts';
import type { ObservationStatus, Point, Sex } from '../schemas/observation.ts';
import { RegionRegistrySchema, type Kommungrupp } from '../schemas/region.ts';
import { issueLines } from '../formats/zod-issues.ts';
import { PeersFileSchema, type PeerArea } from '../schemas/peers.ts';
import type { SnapshotContents } from './changes.ts';

/** The change log's place in a snapshot folder. */
export const CHANGES_FILE = 'changes.json';
/** Kolada's peer groups, per area and kommun. */
export const PEERS_FILE = 'peers.json';

export function seriesKey(region: string, sex: Sex, breakdown: Record<string, string>): string {
  const names = Object.keys(breakdown).sort();
  return `${region}|${sex}|${names.map((name) => `${name}=${breakdown[name]}`).join('&')}`;
}

export class IndexedFile {
  readonly file: SnapshotFile;
  readonly breakdownNames: Set<string>;
  readonly regions: Set<string>;
  private readonly index = new Map<string, SnapshotSeries>();
  /** Per entry of the file's provenance list: whether that raw file is invented example data. */
  private readonly exampleSource: boolean[];

  constructor(file: SnapshotFile, exampleSources: Set<string> = new Set()) {
    this.file = file;
    this.exampleSource = file.provenance.map((id) => exampleSources.has(id));
    for (const series of file.series) this.index.set(seriesKey(series.region, series.sex, series.breakdown), series);
    this.breakdownNames = new Set(file.series.flatMap((series) => Object.keys(series.breakdown)));
    this.regions = new Set(file.series.map((series) => series.region));
  }

  /**
   * The breakdown to read this file with: a part's own (`{status: 'arbetslosa'}`), with each code of
   * a selection (`{age: '20-64'}`) that this file breaks down by.
   */
  breakdownFor(own: Record<string, string>, selection: Record<string, string>): Record<string, string> {
    const chosen = { ...own };
    for (const [name, code] of Object.entries(selection)) if (this.breakdownNames.has(name)) chosen[name] = code;
    return chosen;
  }

  /** The series' points in period order, or null when the snapshot has no such series. */
  /** The stored series itself (values and sparse statuses), for sums that need no point objects. */
  series(region: string, sex: Sex, breakdown: Record<string, string>): SnapshotSeries | null {
    return this.index.get(seriesKey(region, sex, breakdown)) ?? null;
  }

  statusAt(series: SnapshotSeries, index: number): ObservationStatus {
    return series.status[index] ?? (series.values[index] === null ? 'missing' : this.file.defaultStatus);
  }

  /** Per period: whether the series' observation there came from invented example data. */
  examples(series: SnapshotSeries): boolean[] {
    const flags = new Array<boolean>(this.file.periods.length).fill(false);
    series.provenance.forEach(([first, source], run) => {
      const end = series.provenance[run + 1]?.[0] ?? flags.length;
      if (this.exampleSource[source]) flags.fill(true, first, end);
    });
    return flags;
  }

  points(region: string, sex: Sex, breakdown: Record<string, string>): Point[] | null {
    const series = this.index.get(seriesKey(region, sex, breakdown));
    if (!series) return null;
    const examples = this.examples(series);
    return this.file.periods.map((period, index) => ({
      period,
      value: series.values[index] ?? null,
      status: this.statusAt(series, index),
      example: examples[index] ?? false,
    }));
  }
}

export class Snapshot {
  readonly directory: string;
  readonly meta: SnapshotMeta;
  private readonly files = new Map<string, IndexedFile>();
  private peerAreas: PeerArea[] | undefined;

  /** Raw files written by the example generator, not fetched from a source. */
  readonly exampleSources: Set<string>;

  constructor(directory: string) {
    this.directory = directory;
    this.meta = SnapshotMetaSchema.parse(JSON.parse(readFileSync(join(directory, 'meta.json'), 'utf8')));
    this.exampleSources = new Set(this.meta.provenance.filter((entry) => entry.example).map((entry) => entry.id));
  }

  /** SKR kommungrupp per kommun, where the data holds them (from SCB's code list). */
  kommungrupper(): Record<string, Kommungrupp> {
    const path = join(this.directory, 'regions.json');
    if (!existsSync(path)) return {};
    const regions = RegionRegistrySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    return Object.fromEntries(
      regions.flatMap((region) => (region.kommungrupp ? [[region.code, region.kommungrupp]] : [])),
    );
  }

  /** Kolada's "Liknande kommuner" per configured area; none in a snapshot made before they were fetched. */
  peers(): PeerArea[] {
    this.peerAreas ??= this.readPeers();
    return this.peerAreas;
  }

  private readPeers(): PeerArea[] {
    const path = join(this.directory, PEERS_FILE);
    if (!existsSync(path)) return [];
    const parsed = PeersFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path}: ${issueLines(parsed.error).join('; ')}`);
    return parsed.data;
  }

  /** What the latest data:build changed against the snapshot before it; null before the first comparison. */
  changes(): ChangeLog | null {
    const path = join(this.directory, CHANGES_FILE);
    if (!existsSync(path)) return null;
    const parsed = ChangeLogSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path}: ${issueLines(parsed.error).join('; ')}`);
    return parsed.data;
  }

  /** Every file with the meta, as a later snapshot is compared with this one. */
  contents(): SnapshotContents {
    return {
      meta: this.meta,
      files: new Map(
        this.meta.files.flatMap((entry) => {
          const file = this.file(entry.indicator);
          return file ? [[entry.indicator, file.file] as const] : [];
        }),
      ),
    };
  }

  file(indicator: string): IndexedFile | null {
    const cached = this.files.get(indicator);
    if (cached) return cached;
    const entry = this.meta.files.find((file) => file.indicator === indicator);
    if (!entry) return null;
    const path = join(this.directory, entry.file);
    const parsed = SnapshotFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path}: ${issueLines(parsed.error).join('; ')}`);
    const indexed = new IndexedFile(parsed.data, this.exampleSources);
    this.files.set(indicator, indexed);
    return indexed;
  }
}
