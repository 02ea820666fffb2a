/**
 * The raw stage: responses exactly as fetched (or as the example generator writes them), each with
 * its provenance. Raw files are never edited; a refresh replaces the whole folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Provenance, RawManifest } from '../schemas/provenance.ts';
import { RAW_MANIFEST } from '../schemas/raw-layout.ts';
import { sha256, stableJson } from '../formats/files.ts';

export class RawStore {
  readonly directory: string;
  private readonly files: Provenance[] = [];
  private readonly contentCodes: Record<string, Record<string, string>> = {};
  private readonly tables: Record<string, string> = {};
  private readonly valueCodes: Record<string, Record<string, Record<string, string>>> = {};

  constructor(directory: string) {
    this.directory = directory;
  }

  write(relativePath: string, bytes: Uint8Array, meta: Omit<Provenance, 'id' | 'sha256'>): Provenance {
    const path = join(this.directory, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    const provenance = { id: `raw/${relativePath}`, sha256: sha256(bytes), ...meta };
    this.files.push(provenance);
    return provenance;
  }

  recordContentCodes(table: string, mapping: Record<string, string>): void {
    this.contentCodes[table] = mapping;
  }

  recordTable(dataset: string, table: string): void {
    this.tables[dataset] = table;
  }

  recordValueCodes(dataset: string, mapping: Record<string, Record<string, string>>): void {
    if (Object.keys(mapping).length > 0) this.valueCodes[dataset] = mapping;
  }

  /** Writes the manifest; call once, after the last file. */
  finish(): RawManifest {
    const files = [...this.files].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const manifest: RawManifest = {
      example: files.length > 0 && files.every((file) => file.example || file.recordedBy !== undefined),
      files,
      contentCodes: this.contentCodes,
      tables: this.tables,
      valueCodes: this.valueCodes,
    };
    writeFileSync(join(this.directory, RAW_MANIFEST), stableJson(manifest));
    return manifest;
  }
}
