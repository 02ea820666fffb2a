/**
 * `data/raw` → observations in a builder, and the regions with their kommungrupp. Every file is
 * checked against its hash in the manifest and read by what `rawFileKind` says it holds.
 */
import { join } from 'node:path';
import type { ProjectConfig } from '../config/load.ts';
import { kommungruppPerKommun } from '../config/kommungrupper.ts';
import { readCheckedFile, sha256 } from '../formats/files.ts';
import { readJsonStat } from '../formats/jsonstat.ts';
import { readKoladaGroupsPage, readKoladaPage } from '../formats/kolada.ts';
import { readCodeList, type CodeList } from '../formats/scb-codelist.ts';
import type { RawManifest } from '../schemas/provenance.ts';
import { RAW_FOLDER, rawFileKind, readRawManifest } from '../schemas/raw-layout.ts';
import type { Region } from '../schemas/region.ts';
import type { ScbTable } from '../schemas/sources.ts';
import { normaliseKoladaPage } from './normalise-kolada.ts';
import { BandSums, normaliseScbCube } from './normalise-scb.ts';
import type { SnapshotBuilder } from './snapshot-builder.ts';
import type { PeerArea } from '../schemas/peers.ts';
import { peerArea, type PeerGroupsRead } from './peer-groups.ts';

/** A raw file may hold this much at most; a link, FIFO or device in data/raw is refused before it is read. */
const RAW_FILE_MAX_BYTES = 64 * 1024 * 1024;

export interface RawRead {
  manifest: RawManifest;
  regions: Region[];
  /** The hash of each raw file, in manifest order. */
  inputHashes: string[];
  /** Kolada's peer groups of each configured area (none where the raw data has no pages of it). */
  peers: PeerArea[];
}

export function readRaw(config: ProjectConfig, builder: SnapshotBuilder, log: (message: string) => void): RawRead {
  const manifest = readRawManifest(join(config.root, RAW_FOLDER));
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
  const peerPages = new Map<string, PeerGroupsRead['groups']>();
  let done = 0;
  for (const file of manifest.files) {
    const bytes = readCheckedFile(join(config.root, 'data', file.id), RAW_FILE_MAX_BYTES);
    if (sha256(bytes) !== file.sha256)
      throw new Error(
        `data/${file.id}: innehållet stämmer inte med kontrollsumman i provenance.json (filen har ändrats efter hämtningen)`,
      );
    inputHashes.push(file.sha256);
    const kind = rawFileKind(file.id, file.source === 'kolada' ? 'kolada' : 'scb');
    if (kind.kind === 'kommungrupper') {
      kommungrupper = readCodeList(JSON.parse(bytes.toString('utf8')), `data/${file.id}`);
    } else if (kind.kind === 'scb-cube') {
      const table = tables.get(kind.dataset);
      if (!table) throw new Error(`data/${file.id}: ingen tabell med dataset "${kind.dataset}" i sources.json`);
      normaliseScbCube(
        readNamed(file.id, bytes, (json) => readJsonStat(json, { maxCells: config.sources.scb.maxCellsPerFile })),
        table,
        contentCodes(table, manifest, file.id),
        file.id,
        bandSums.get(table.dataset) ?? builder,
        manifest.valueCodes[table.dataset],
      );
    } else if (kind.kind === 'kolada-peer-groups') {
      const page = readNamed(file.id, bytes, readKoladaGroupsPage);
      const read = peerPages.get(kind.area) ?? [];
      for (const group of page.values) read.push({ file: `data/${file.id}`, group });
      peerPages.set(kind.area, read);
    } else if (kind.kind === 'kolada-page') {
      normaliseKoladaPage(readNamed(file.id, bytes, readKoladaPage), indicatorByKpi, file.id, builder);
    }
    done++;
    if (done % 10 === 0 || done === manifest.files.length) log(`  läst ${done} av ${manifest.files.length} råfiler`);
  }
  for (const sums of bandSums.values()) sums.flush(builder);
  const peers = config.sources.kolada.peerGroups.flatMap(({ area, title }) => {
    const groups = peerPages.get(area);
    return groups ? [peerArea({ area, title, groups }, config.registry)] : [];
  });
  return { manifest, regions: withKommungrupper(config, kommungrupper), inputHashes, peers };
}

/** The content codes of a table's items: configured, or resolved from its labels when it was fetched. */
function contentCodes(table: ScbTable, manifest: RawManifest, id: string): string[] {
  const tableId = table.table ?? manifest.tables[table.dataset];
  if (!tableId)
    throw new Error(
      `data/${id}: vilken tabell ${table.dataset} hämtades från saknas i provenance.json; kör npm run data:fetch igen`,
    );
  const resolved = manifest.contentCodes[tableId] ?? {};
  return table.contents.items.map((item) => item.code ?? resolved[item.label] ?? '');
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

/** A raw file read by `read`, any failure named by the file it is in. */
function readNamed<T>(id: string, bytes: Buffer, read: (json: unknown) => T): T {
  try {
    return read(JSON.parse(bytes.toString('utf8')));
  } catch (error) {
    throw new Error(`data/${id}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
