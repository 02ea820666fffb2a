/**
 * Raw responses + analysts' exports → the snapshot the site builds from. Offline; deterministic:
 * the same inputs give byte-identical files. Written to a staging folder and moved into place only
 * when everything succeeded, so a failure leaves the previous snapshot untouched.
 */
import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ProjectConfig } from '../config/load.ts';
import type { Provenance } from '../schemas/provenance.ts';
import type { Region } from '../schemas/region.ts';
import type { z } from 'zod';
import {
  ChangeLogSchema,
  SnapshotFileSchema,
  SnapshotMetaSchema,
  type ChangeLog,
  type SnapshotFile,
  type SnapshotMeta,
} from '../schemas/snapshot.ts';
import { compareSnapshots } from './changes.ts';
import { CHANGES_FILE, PEERS_FILE, Snapshot } from './snapshot-reader.ts';
import { PeersFileSchema, type PeerArea } from '../schemas/peers.ts';
import { issueLines } from '../formats/zod-issues.ts';
import { importExport, type ImportedExport } from './exports.ts';
import { findExports, formatProblem, formatProblems, type ExportProblem } from './export-files.ts';
import { replaceDirectory, sha256, stableJson, writeFileAtomic } from '../formats/files.ts';
import { readRaw } from './read-raw.ts';
import { SnapshotBuilder } from './snapshot-builder.ts';
import { checkShares, PublisherCheckError } from './publisher-check.ts';

export class ExportValidationError extends Error {
  readonly problems: ExportProblem[];
  constructor(problems: ExportProblem[]) {
    super(`${problems.length} fel i exporterna:\n${formatProblems(problems).join('\n')}`);
    this.problems = problems;
  }
}

export interface BuildOptions {
  log: (message: string) => void;
  today: Date;
}

/** Validates every export; throws with all problems of all files. */
export async function importAllExports(
  files: string[],
  config: ProjectConfig,
  today: Date,
  found: ExportProblem[] = [],
): Promise<ImportedExport[]> {
  const indicators = new Map(config.indicators.map((indicator) => [indicator.id, indicator]));
  const context = {
    registry: config.registry,
    indicators,
    suppressionThreshold: config.site.suppressionThreshold,
    today,
  };
  const problems: ExportProblem[] = [...found];
  const imported: ImportedExport[] = [];
  for (const file of files) {
    const result = await importExport(file, context);
    // Not push(...all): a file with a fault on each of a million rows would overflow the stack.
    for (const problem of result.problems) problems.push(problem);
    if (result.imported) imported.push(result.imported);
  }
  if (problems.length > 0) throw new ExportValidationError(problems);
  return imported;
}

export function addExports(imported: ImportedExport[], builder: SnapshotBuilder): Provenance[] {
  // Which file and line gave each value, so that a collision names both.
  const origin = new Map<string, string>();
  return imported.map((entry) => {
    const id = `exports/${basename(entry.file)}`;
    for (const row of entry.rows) {
      const key = `${entry.manifest.indicator}|${row.region}|${row.sex}|${row.period}`;
      const earlier = origin.get(key);
      if (earlier !== undefined || builder.has(entry.manifest.indicator, row.region, row.sex, {}, row.period)) {
        throw new ExportValidationError([
          {
            file: entry.file,
            line: row.line,
            column: 1,
            message: `${entry.manifest.indicator} ${row.region} ${row.period} (${row.sex}) finns redan i ${earlier ?? 'en annan källa'}`,
          },
        ]);
      }
      origin.set(key, `${entry.file}:${row.line}`);
      builder.add({
        indicator: entry.manifest.indicator,
        defaultStatus: 'final',
        region: row.region,
        sex: row.sex,
        breakdown: {},
        period: row.period,
        value: row.value,
        status: row.status,
        sourceStatus: row.sourceStatus,
        provenance: id,
      });
    }
    return {
      id,
      source: 'export',
      url: basename(entry.file),
      query: null,
      retrievedAt: `${entry.manifest.delivered}T00:00:00Z`,
      sha256: sha256(entry.bytes),
      example: entry.manifest.example,
    };
  });
}

/** Reads raw + exports into a builder: the reading half of `data:build`, which writes nothing. */
async function collectObservations(
  config: ProjectConfig,
  options: BuildOptions,
): Promise<{ builder: SnapshotBuilder; meta: Omit<SnapshotMeta, 'files'>; regions: Region[]; peers: PeerArea[] }> {
  const builder = new SnapshotBuilder();
  const { manifest, regions, inputHashes, peers } = readRaw(config, builder, options.log);
  const exports = findExports(join(config.root, 'data/exports'));
  const imported = await importAllExports(exports.files, config, options.today, exports.problems);
  const exportProvenance = addExports(imported, builder);
  options.log(`  läst ${imported.length} exporter`);
  for (const warning of imported.flatMap((entry) => entry.warnings))
    options.log(`  varning: ${formatProblem(warning)}`);
  inputHashes.push(...exportProvenance.map((entry) => entry.sha256));
  const provenance = [...manifest.files, ...exportProvenance];
  const retrievedAt =
    provenance
      .map((entry) => entry.retrievedAt)
      .sort()
      .at(-1) ?? '';
  return {
    builder,
    regions,
    peers,
    meta: {
      example: provenance.some((entry) => entry.example),
      retrievedAt,
      provenance,
      contentCodes: manifest.contentCodes,
      tables: manifest.tables,
      suppressionThreshold: config.site.suppressionThreshold,
      inputsSha256: sha256(inputHashes.join('\n')),
    },
  };
}

/** What is written is what the site will read: a file the schema refuses is a bug here, not a file to publish. */
function checkSnapshotPart<T>(name: string, schema: z.ZodType<T>, value: T): void {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`data/snapshot/${name}: ${issueLines(parsed.error).join('; ')}`);
}

export async function buildSnapshot(config: ProjectConfig, options: BuildOptions): Promise<SnapshotMeta> {
  const { builder, meta, regions, peers } = await collectObservations(config, options);
  const target = join(config.root, 'data/snapshot');
  const staging = `${target}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const files: SnapshotMeta['files'] = [];
    const builtFiles = new Map<string, SnapshotFile>();
    for (const indicator of builder.indicatorIds()) {
      const file = builder.build(indicator);
      builtFiles.set(indicator, file);
      const name = `observations/${indicator}.json`;
      checkSnapshotPart(name, SnapshotFileSchema, file);
      writeFileAtomic(join(staging, name), JSON.stringify(file));
      files.push({ indicator, file: name, observations: file.series.length * file.periods.length });
    }
    const shares = checkShares(config.indicators, builtFiles);
    if (shares.mismatches.length > 0) throw new PublisherCheckError(shares.mismatches);
    options.log(`  ${shares.compared} andelar stämmer med SCB:s egna`);
    writeFileAtomic(join(staging, 'regions.json'), stableJson(regions));
    checkSnapshotPart(PEERS_FILE, PeersFileSchema, peers);
    writeFileAtomic(join(staging, PEERS_FILE), stableJson(peers));
    const complete: SnapshotMeta = { ...meta, files };
    checkSnapshotPart('meta.json', SnapshotMetaSchema, complete);
    writeFileAtomic(join(staging, 'meta.json'), stableJson(complete));
    const changes = changeLog(target, complete, builtFiles);
    checkSnapshotPart(CHANGES_FILE, ChangeLogSchema, changes);
    writeFileAtomic(join(staging, CHANGES_FILE), stableJson(changes));
    options.log(`  ändringar: ${changeSummary(changes)}`);
    replaceDirectory(staging, target);
    return complete;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The change log against the snapshot in place. A rebuild from the same inputs keeps the log it
 * finds (its comparison is still the news), so building twice changes nothing.
 */
function changeLog(target: string, meta: SnapshotMeta, files: Map<string, SnapshotFile>): ChangeLog {
  let previous: Snapshot | null = null;
  try {
    previous = existsSync(join(target, 'meta.json')) ? new Snapshot(target) : null;
  } catch {
    // An unreadable previous snapshot is replaced whole; there is nothing to compare with.
    previous = null;
  }
  if (previous && previous.meta.inputsSha256 === meta.inputsSha256)
    return (
      previous.changes() ?? {
        // The same inputs and no log yet: nothing to report until the data change.
        comparedWith: null,
        inputsSha256: meta.inputsSha256,
        retrievedAt: meta.retrievedAt,
        datasets: [],
        tables: [],
      }
    );
  return compareSnapshots(previous?.contents() ?? null, { meta, files });
}

function changeSummary(changes: ChangeLog): string {
  if (!changes.comparedWith)
    return changes.datasets.length > 0 ? 'första ögonblicksbilden, inget att jämföra med' : 'samma indata som förut';
  const periods = changes.datasets.reduce((sum, entry) => sum + entry.newPeriods.length, 0);
  const revised = changes.datasets.reduce((sum, entry) => sum + entry.revised, 0);
  return `${changes.datasets.length} dataset ändrade, ${periods} nya perioder, ${revised} reviderade värden`;
}
