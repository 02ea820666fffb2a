/**
 * What an .xlsx holds before any cell is read: its zip directory, its sheets and whether each is
 * visible, and per sheet the merged ranges and the formulas that reach into other workbooks.
 * read-excel-file reads the cells afterwards; it can do none of this.
 */
import { strFromU8, unzipSync } from 'fflate';

/** A sheet of a few hundred thousand rows is tens of MiB; a zip bomb claims gigabytes. */
export const XLSX_MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
/** Spreadsheet XML packs 5–30 times; a bomb packs a thousand times or more. */
export const XLSX_MAX_RATIO = 200;
/** Below this, a part's ratio says nothing (an empty sheet packs well). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

export interface ZipEntry {
  name: string;
  packedBytes: number;
  unpackedBytes: number;
}

/** The central directory only: nothing is inflated. Throws when the bytes are not a zip. */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  unzipSync(bytes, {
    filter(file) {
      entries.push({ name: file.name, packedBytes: file.size, unpackedBytes: file.originalSize });
      return false;
    },
  });
  return entries;
}

/** Why the package may not be unpacked, or null when it may. */
export function unpackRefusal(entries: ZipEntry[]): string | null {
  const total = entries.reduce((sum, entry) => sum + entry.unpackedBytes, 0);
  if (total > XLSX_MAX_UNPACKED_BYTES)
    return `filen packas upp till ${mebibytes(total)} MiB; högst ${mebibytes(XLSX_MAX_UNPACKED_BYTES)} MiB tillåts`;
  for (const entry of entries) {
    const ratio = entry.unpackedBytes / Math.max(entry.packedBytes, 1);
    if (entry.unpackedBytes > RATIO_FLOOR_BYTES && ratio > XLSX_MAX_RATIO)
      return `delen ${entry.name} packas upp ${Math.round(ratio)} gånger (högst ${XLSX_MAX_RATIO}): filen liknar en zip-bomb`;
  }
  return null;
}

/** A size for a message: whole MiB. */
export function mebibytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

function readParts(bytes: Uint8Array, names: Set<string>): Map<string, string> {
  const parts = unzipSync(bytes, { filter: (file) => names.has(file.name) });
  return new Map(Object.entries(parts).map(([name, data]) => [name, strFromU8(data)]));
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:]+)="([^"]*)"/g)) found.set(match[1] ?? '', unescapeXml(match[2] ?? ''));
  return found;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface WorkbookSheet {
  name: string;
  visible: boolean;
  /** Path of the sheet's XML inside the package. */
  part: string;
}

export function workbookSheets(bytes: Uint8Array): WorkbookSheet[] {
  const parts = readParts(bytes, new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']));
  const targets = new Map<string, string>();
  for (const tag of (parts.get('xl/_rels/workbook.xml.rels') ?? '').match(/<Relationship\b[^>]*>/g) ?? []) {
    const relation = attributes(tag);
    const target = relation.get('Target') ?? '';
    targets.set(relation.get('Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return ((parts.get('xl/workbook.xml') ?? '').match(/<sheet\b[^>]*>/g) ?? []).map((tag) => {
    const sheet = attributes(tag);
    return {
      name: sheet.get('name') ?? '',
      visible: (sheet.get('state') ?? 'visible') === 'visible',
      part: targets.get(sheet.get('r:id') ?? '') ?? '',
    };
  });
}

export interface CellPosition {
  /** 1-based row. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface SheetHazards {
  merged: { range: string; start: CellPosition }[];
  /** Cells whose formula reads another workbook (`[1]Blad1!A1`): their cached values are not ours. */
  externalFormulas: (CellPosition & { formula: string })[];
}

export function cellPosition(reference: string): CellPosition {
  const match = /^([A-Z]+)(\d+)$/.exec(reference.replace(/\$/g, ''));
  if (!match) return { line: 1, column: 1 };
  const column = [...(match[1] ?? '')].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  return { line: Number(match[2]), column };
}

export function sheetHazards(bytes: Uint8Array, sheet: WorkbookSheet): SheetHazards {
  const xml = readParts(bytes, new Set([sheet.part])).get(sheet.part) ?? '';
  const merged = (xml.match(/<mergeCell\b[^>]*>/g) ?? []).map((tag) => {
    const range = attributes(tag).get('ref') ?? '';
    return { range, start: cellPosition(range.split(':')[0] ?? '') };
  });
  const externalFormulas: SheetHazards['externalFormulas'] = [];
  for (const cell of xml.matchAll(/<c\b([^>]*?)(?:\/>|>((?:(?!<\/c>)[\s\S])*)<\/c>)/g)) {
    const formula = /<f\b[^>]*>([^<]*)<\/f>/.exec(cell[2] ?? '')?.[1];
    if (formula !== undefined && /\[\d+\]/.test(formula))
      externalFormulas.push({
        ...cellPosition(attributes(cell[1] ?? '').get('r') ?? ''),
        formula: unescapeXml(formula),
      });
  }
  return { merged, externalFormulas };
}
