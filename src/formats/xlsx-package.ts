/**
 * What an .xlsx holds before any cell is read: its zip directory, its sheets and whether each is
 * visible, and per sheet the merged ranges and the formulas that reach into other workbooks.
 * read-excel-file reads the cells afterwards; it can do none of this.
 */
import { strFromU8, Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';
import { printable } from './escape.ts';

/** A sheet of a hundred thousand rows is tens of MiB; a zip bomb claims gigabytes. */
export const XLSX_MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
/**
 * Rows, columns and cells a sheet may have. An export is a few thousand rows of a dozen columns;
 * the cell reader (read-excel-file 9.3) runs out of stack between 600 000 and 900 000 cells.
 */
export const XLSX_MAX_ROWS = 150_000;
export const XLSX_MAX_COLUMNS = 1_000;
export const XLSX_MAX_CELLS = 600_000;
/** Characters of a cell reference from a file that a message shows. */
const REFERENCE_SHOWN = 20;
/** Compressed bytes fed to the inflater at a time, so no single step can unpack more than a few MiB. */
const INFLATE_STEP = 4096;
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

/**
 * What each part really unpacks to, inflated in small steps and stopped at `cap`: the directory
 * states sizes, but the cell reader inflates without reading them, so a lying directory would pass.
 * Returns the measured entries, or the part that went past the cap.
 */
export function measureUnpacked(
  bytes: Uint8Array,
  cap = XLSX_MAX_UNPACKED_BYTES,
): { entries: Map<string, number>; overflow: string | null } {
  const entries = new Map<string, number>();
  let total = 0;
  let overflow: string | null = null;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    entries.set(file.name, 0);
    file.ondata = (error, chunk) => {
      if (error) failure ??= error;
      if (error || overflow !== null) return;
      total += chunk.length;
      entries.set(file.name, (entries.get(file.name) ?? 0) + chunk.length);
      if (total > cap) {
        overflow = file.name;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  for (let offset = 0; offset < bytes.length && overflow === null && failure === null; offset += INFLATE_STEP)
    unzip.push(bytes.subarray(offset, offset + INFLATE_STEP), offset + INFLATE_STEP >= bytes.length);
  if (failure) throw failure;
  return { entries, overflow };
}

/**
 * Why the package may not be unpacked, judged by what its parts really unpack to; null when it may.
 * A part that unpacks to other than its directory says is refused too: the file is damaged or forged.
 */
export function unpackedRefusal(bytes: Uint8Array, directory: ZipEntry[]): string | null {
  const claimed = unpackRefusal(directory);
  if (claimed) return claimed;
  const { entries, overflow } = measureUnpacked(bytes);
  if (overflow !== null)
    return `delen ${overflow} packas upp till mer än ${mebibytes(XLSX_MAX_UNPACKED_BYTES)} MiB, fast zip-katalogen säger ${mebibytes(directory.reduce((sum, entry) => sum + entry.unpackedBytes, 0))} MiB i allt: filen är trasig eller förfalskad`;
  for (const entry of directory) {
    const measured = entries.get(entry.name);
    if (measured !== undefined && measured !== entry.unpackedBytes)
      return `delen ${entry.name} packas upp till ${measured} byte, men zip-katalogen säger ${entry.unpackedBytes}: filen är trasig eller förfalskad`;
  }
  return unpackRefusal(directory.map((entry) => ({ ...entry, unpackedBytes: entries.get(entry.name) ?? 0 })));
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
  /** The first row or cell past what an export may have, which would stop the cell reader. */
  extent: (CellPosition & { message: string }) | null;
}

export function cellPosition(reference: string): CellPosition {
  const match = /^([A-Z]+)(\d+)$/.exec(reference.replace(/\$/g, ''));
  if (!match) return { line: 1, column: 1 };
  const column = [...(match[1] ?? '')].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  return { line: Number(match[2]), column };
}

/**
 * Where a sheet reaches past the rows and columns an export may have: the cell reader makes every
 * row up to the last one it is told of, so `<row r="100000000">` in a file of 1,5 KB would take
 * gigabytes. The first such row or cell, or null.
 */
function beyondExtent(xml: string): (CellPosition & { message: string }) | null {
  // The sheet's declared extent first (`<dimension ref="A1:C40">`): its last cell is held to the same caps.
  const declared = /<dimension\b[^>]*?\bref="(?:[^":]*:)?([^"]*)"/.exec(xml)?.[1];
  const references = [
    ...(declared === undefined ? [] : [{ tag: 'c', reference: declared }]),
    ...Array.from(xml.matchAll(/<(row|c)\b[^>]*?\br="([^"]*)"/g), (match) => ({
      tag: match[1] ?? '',
      reference: match[2] ?? '',
    })),
  ];
  let cells = 0;
  for (const { tag, reference } of references) {
    if (tag === 'c' && ++cells > XLSX_MAX_CELLS)
      return { line: 1, column: 1, message: `har fler än ${XLSX_MAX_CELLS} celler; dela upp exporten` };
    const position = tag === 'row' ? { line: Number(reference), column: 1 } : cellPosition(reference);
    if (!Number.isSafeInteger(position.line) || position.line > XLSX_MAX_ROWS)
      return {
        line: 1,
        column: 1,
        message: `${tag === 'row' ? `når rad ${printable(reference, REFERENCE_SHOWN)}` : `cellen ${printable(reference, REFERENCE_SHOWN)} ligger bortom rad ${XLSX_MAX_ROWS}`}; en export får ha högst ${XLSX_MAX_ROWS} rader`,
      };
    if (position.column > XLSX_MAX_COLUMNS)
      return {
        line: position.line,
        column: 1,
        message: `cellen ${printable(reference, REFERENCE_SHOWN)} ligger i kolumn ${position.column}; en export får ha högst ${XLSX_MAX_COLUMNS} kolumner`,
      };
  }
  return null;
}

export function sheetHazards(bytes: Uint8Array, sheet: WorkbookSheet): SheetHazards {
  const xml = readParts(bytes, new Set([sheet.part])).get(sheet.part) ?? '';
  const extent = beyondExtent(xml);
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
  return { merged, externalFormulas, extent };
}
