/**
 * Tables from analysts' files as rows of cells that remember where they stood in the file, so every
 * problem can be reported as `file:line:column`. CSV goes through papaparse with a delimiter we
 * choose ourselves from the header line; .xlsx through read-excel-file.
 */
import Papa from 'papaparse';

export interface Cell {
  text: string;
  line: number;
  /** 1-based character column in CSV; 1-based column number in a spreadsheet. */
  column: number;
}

export interface CellTable {
  header: Cell[];
  rows: Cell[][];
  /** Lines of rows left out as empty (blank lines, `;;;`) between the header and the last row. */
  skipped: number[];
}

/** Header and data rows, empty rows left out (and noted); the file's trailing empty rows are not data. */
function split(rows: Cell[][]): CellTable {
  const empty = (row: Cell[]) => row.every((cell) => cell.text.trim() === '');
  while (rows.length > 0 && empty(rows.at(-1) ?? [])) rows.pop();
  const [header = [], ...data] = rows;
  return {
    header,
    rows: data.filter((row) => !empty(row)),
    skipped: data.filter(empty).map((row) => row[0]?.line ?? 0),
  };
}

export interface TableProblem {
  line: number;
  column: number;
  message: string;
}

/** Excel's `sep=;` line wins; else the most frequent of `;`, `,` and tab outside quotes in the header. */
export function chooseDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ';';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** Column (1-based, in characters) where each field of a raw line starts. */
function fieldColumns(rawLine: string, delimiter: string): number[] {
  const columns = [1];
  let quoted = false;
  for (let index = 0; index < rawLine.length; index++) {
    const char = rawLine[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) columns.push(index + 2);
  }
  return columns;
}

export function readCsvCells(text: string): { table: CellTable; problems: TableProblem[] } {
  const withoutBom = text.replace(/^\uFEFF/, '');
  const lines = withoutBom.split(/\r\n|\n|\r/);
  let firstLine = 0;
  let delimiter: string;
  const sepLine = /^"?sep=(.)"?$/i.exec(lines[0] ?? '');
  if (sepLine && sepLine[1]) {
    delimiter = sepLine[1];
    firstLine = 1;
  } else delimiter = chooseDelimiter(lines[0] ?? '');
  const body = lines.slice(firstLine).join('\n');
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, header: false, dynamicTyping: false });
  const problems: TableProblem[] = parsed.errors
    .filter((error) => error.code !== 'UndetectableDelimiter')
    .map((error) => ({ line: (error.row ?? 0) + firstLine + 1, column: 1, message: `CSV-fel: ${error.message}` }));
  const rows: Cell[][] = [];
  // A quoted field may hold line breaks: each row starts after the previous row's lines, not at its index.
  let line = firstLine + 1;
  for (const fields of parsed.data) {
    const columns = fieldColumns(lines[line - 1] ?? '', delimiter);
    const at = line;
    rows.push(fields.map((field, fieldIndex) => ({ text: field, line: at, column: columns[fieldIndex] ?? 1 })));
    line += 1 + fields.reduce((breaks, field) => breaks + (field.match(/\n/g)?.length ?? 0), 0);
  }
  return { table: split(rows), problems };
}

/** Spreadsheet cell values → text, keeping numbers exact ("1.5") and dates as ISO. */
export function spreadsheetCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export function cellsFromSpreadsheetRows(rows: unknown[][]): CellTable {
  const cells = rows.map((row, rowIndex) =>
    row.map((value, columnIndex) => ({
      text: spreadsheetCellText(value),
      line: rowIndex + 1,
      column: columnIndex + 1,
    })),
  );
  return split(cells);
}
