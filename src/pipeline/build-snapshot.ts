/**
 * Raw responses + analysts' exports → the snapshot the site builds from. Offline; deterministic:
 * the same inputs give byte-identical files. Written to a staging folder and moved into place only
 * when everything succeeded, so a failure leaves the previous snapshot untouched.
 */
import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readJsonStat } from '../formats/jsonstat.ts';
import { readKoladaPage } from '../formats/kolada.ts';
import { readCodeList, type CodeList } from '../formats/scb-codelist.ts';
import { KOMMUNGRUPPER_FILE } from '../fetch/scb.ts';
import type { ProjectConfig } from '../config/load.ts';
import type { Provenance } from '../schemas/provenance.ts';
import type { Region } from '../schemas/region.ts';
import { kommungruppPerKommun } from '../fetch/kommungrupper.ts';
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
import { CHANGES_FILE, Snapshot } from './snapshot-reader.ts';
import { issueLines } from '../formats/zod-issues.ts';
import { importExport, type ImportedExport } from './exports.ts';
import { findExports, formatProblem, formatProblems, type ExportProblem } from './export-files.ts';
import { readCheckedFile, replaceDirectory, sha256, stableJson, writeFileAtomic } from '../formats/files.ts';
import { normaliseKoladaPage } from './normalise-kolada.ts';
import { BandSums, normaliseScbCube } from './normalise-scb.ts';
import { readRawManifest } from '../fetch/raw-store.ts';
import { SnapshotBuilder } from './snapshot-builder.ts';
import { checkShares, PublisherCheckError } from './publisher-check.ts';

/** A raw file may hold this much at most; a link, FIFO or device in data/raw is refused before it is read. */
const RAW_FILE_MAX_BYTES = 64 * 1024 * 1024;

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

/** The registry's regions with each kommun's SKR kommungrupp, where the raw data holds SCB's code list. */
function withKommungrupper(config: ProjectConfig, codelist: CodeList | null): Region[] {
  const settings = config.sources.scb.kommungrupper;
  if (!codelist || !settings) return [...config.registry.all];
  const perKommun = kommungruppPerKommun(codelist, settings.prefix, config.registry);
  return config.registry.all.map((region) =>
    region.level === 'kommun' ? { ...region, kommungrupp: perKommun[region.code] ?? null } : region,
  );
}

/** Reads raw + exports into a builder: the reading half of `data:build`, which writes nothing. */
async function collectObservations(
  config: ProjectConfig,
  options: BuildOptions,
): Promise<{ builder: SnapshotBuilder; meta: Omit<SnapshotMeta, 'files'>; regions: Region[] }> {
  const rawDir = join(config.root, 'data/raw');
  const manifest = readRawManifest(rawDir);
  const builder = new SnapshotBuilder();
  const tables = new Map(config.sources.scb.tables.map((table) => [table.dataset, table]));
  const indicatorByKpi = new Map(
    config.sources.kolada.kpis.filter((kpi) => kpi.kpi !== null).map((kpi) => [kpi.kpi as string, kpi.indicator]),
  );
  const inputHashes: string[] = [];
  const bandSums = new Map(
    config.sources.scb.tables
      .filter((table) => table.ageBands !== null || table.sumSexes)
      .map((table) => [table.dataset, new BandSums(table)]),
  );
  let kommungrupper: CodeList | null = null;
  let done = 0;
  for (const file of manifest.files) {
    const bytes = readCheckedFile(join(config.root, 'data', file.id), RAW_FILE_MAX_BYTES);
    if (sha256(bytes) !== file.sha256)
      throw new Error(
        `data/${file.id}: innehållet stämmer inte med kontrollsumman i provenance.json (filen har ändrats efter hämtningen)`,
      );
    inputHashes.push(file.sha256);
    const parts = file.id.split('/');
    if (file.id === `raw/${KOMMUNGRUPPER_FILE}`) {
      kommungrupper = readCodeList(JSON.parse(bytes.toString('utf8')), `data/${file.id}`);
    } else if (
      file.source === 'scb' &&
      parts.length === 4 &&
      parts[3] !== 'metadata.json' &&
      !/^search-\d+\.json$/.test(parts[3] ?? '')
    ) {
      const table = tables.get(parts[2] ?? '');
      if (!table) throw new Error(`data/${file.id}: ingen tabell med dataset "${parts[2]}" i sources.json`);
      const tableId = table.table ?? manifest.tables[table.dataset];
      if (!tableId)
        throw new Error(
          `data/${file.id}: vilken tabell ${table.dataset} hämtades från saknas i provenance.json; kör npm run data:fetch igen`,
        );
      const resolved = manifest.contentCodes[tableId] ?? {};
      const codes = table.contents.items.map((item) => item.code ?? resolved[item.label] ?? '');
      normaliseScbCube(
        readNamed(file.id, bytes, (json) => readJsonStat(json, { maxCells: config.sources.scb.maxCellsPerFile })),
        table,
        codes,
        file.id,
        bandSums.get(table.dataset) ?? builder,
        manifest.valueCodes[table.dataset],
      );
    } else if (file.source === 'kolada' && /-page-\d+\.json$/.test(file.id)) {
      normaliseKoladaPage(readNamed(file.id, bytes, readKoladaPage), indicatorByKpi, file.id, builder);
    }
    done++;
    if (done % 10 === 0 || done === manifest.files.length)
      options.log(`  läst ${done} av ${manifest.files.length} råfiler`);
  }
  for (const sums of bandSums.values()) sums.flush(builder);
  const regions = withKommungrupper(config, kommungrupper);
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
  const { builder, meta, regions } = await collectObservations(config, options);
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

/** A raw file read by `read`, any failure named by the file it is in. */
function readNamed<T>(id: string, bytes: Buffer, read: (json: unknown) => T): T {
  try {
    return read(JSON.parse(bytes.toString('utf8')));
  } catch (error) {
    throw new Error(`data/${id}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
