/**
 * An export's bytes → a table of cells that remember their line and column: CSV in whatever
 * encoding Swedish offices save, or one checked sheet of a workbook.
 */
import { readSheet } from 'read-excel-file/node';
import { decodeExport } from '../formats/decode.ts';
import { cellsFromSpreadsheetRows, readCsvCells, type CellTable } from '../formats/table-cells.ts';
import {
  sheetHazards,
  unpackedRefusal,
  workbookSheets,
  zipDirectory,
  type WorkbookSheet,
} from '../formats/xlsx-package.ts';
import type { ExportManifest } from '../schemas/export-manifest.ts';
import type { ExportProblem } from './export-files.ts';

async function readWorkbook(
  file: string,
  bytes: Uint8Array,
  manifest: ExportManifest,
  problems: ExportProblem[],
): Promise<CellTable | null> {
  const before = problems.length;
  const report = (message: string, position = { line: 1, column: 1 }) => problems.push({ file, ...position, message });
  try {
    const refusal = unpackedRefusal(bytes, zipDirectory(bytes));
    if (refusal) {
      report(refusal);
      return null;
    }
    const sheets = workbookSheets(bytes);
    const listed = sheets.map((sheet) => `"${sheet.name}"${sheet.visible ? '' : ' (dolt)'}`).join(', ');
    const visible = sheets.filter((sheet) => sheet.visible);
    let sheet: WorkbookSheet | undefined;
    if (manifest.sheet !== undefined) {
      sheet = sheets.find((candidate) => candidate.name === manifest.sheet);
      if (!sheet) report(`bladet "${manifest.sheet}" som manifestet anger finns inte; arbetsboken har ${listed}`);
    } else if (visible.length === 1) sheet = visible[0];
    else report(`arbetsboken har ${visible.length} synliga blad (${listed}): ange bladet som "sheet" i manifestet`);
    if (!sheet) return null;
    const hazards = sheetHazards(bytes, sheet);
    if (hazards.extent) {
      const { message, ...position } = hazards.extent;
      report(`blad "${sheet.name}": ${message}`, position);
      return null;
    }
    for (const { range, start } of hazards.merged)
      report(
        start.line === 1
          ? `sammanfogade rubrikceller ${range}: varje kolumn behöver en egen rubrik; dela upp cellerna`
          : `sammanfogade celler ${range}: värdet står bara i den första cellen; dela upp cellerna`,
        start,
      );
    for (const { formula, ...position } of hazards.externalFormulas)
      report(`värdet hämtas från en annan arbetsbok (${formula}): klistra in det som värde`, position);
    if (problems.length > before) return null;
    return cellsFromSpreadsheetRows(await readSheet(Buffer.from(bytes), sheet.name));
  } catch (error) {
    // The zip or its XML is broken in a way no check above names: say so, with the reader's own words last.
    const detail = error instanceof Error ? error.message : String(error);
    report(`kunde inte läsa Excel-filen: den är trasig eller ingen .xlsx (${detail.slice(0, 120)})`);
    return null;
  }
}

export async function readCells(
  file: string,
  bytes: Uint8Array,
  manifest: ExportManifest,
  problems: ExportProblem[],
): Promise<CellTable | null> {
  if (
    bytes.length === 0 ||
    new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trim() === ''
  ) {
    problems.push({ file, line: 1, column: 1, message: 'filen är tom: väntade en rubrikrad och minst en datarad' });
    return null;
  }
  if (/\.xlsx$/i.test(file)) return readWorkbook(file, bytes, manifest, problems);
  const decoded = decodeExport(bytes);
  if (!decoded.ok) {
    problems.push({ file, line: decoded.line, column: decoded.column, message: decoded.message });
    return null;
  }
  const { table, problems: csvProblems } = readCsvCells(decoded.text);
  for (const problem of csvProblems) problems.push({ file, ...problem });
  return table;
}

/** Reads and validates one export. Returns null (and fills `problems`) when anything is wrong. */
