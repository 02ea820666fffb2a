/**
 * Which exports a folder holds, each with its manifest; what is there that is no export; and how
 * their problems are printed.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, sep } from 'node:path';
import { ExportManifestSchema, type ExportManifest } from '../schemas/export-manifest.ts';
import { issueLines } from '../formats/zod-issues.ts';
import { printable } from '../formats/escape.ts';
import { fileRefusal, TEXT_FILE_MAX_BYTES } from '../formats/files.ts';

export interface ExportProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One problem as a terminal line: what came from a file (its name, a quoted value) cannot forge another. */
export function formatProblem(problem: ExportProblem): string {
  return printable(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
}

/** A file with a fault on every row would print a million lines; the first few hundred tell. */
export const PROBLEMS_SHOWN_PER_FILE = 200;

export function formatProblems(problems: ExportProblem[]): string[] {
  const shown = new Map<string, number>();
  const lines: string[] = [];
  for (const problem of problems) {
    const count = (shown.get(problem.file) ?? 0) + 1;
    shown.set(problem.file, count);
    if (count <= PROBLEMS_SHOWN_PER_FILE) lines.push(formatProblem(problem));
  }
  for (const [file, count] of shown)
    if (count > PROBLEMS_SHOWN_PER_FILE) lines.push(`${file}: … och ${count - PROBLEMS_SHOWN_PER_FILE} fel till`);
  return lines;
}

/** Far above any export a member organisation delivers (a few MiB), far below what hurts a build. */
export const EXPORT_MAX_BYTES = 50 * 1024 * 1024;

const DATA_FILE = /\.(csv|txt|xlsx)$/i;
const MANIFEST_FILE = /\.manifest\.json$/i;
const OTHER_SPREADSHEETS: Record<string, string> = {
  xls: 'Excel 97–2003',
  xlsm: 'Excel med makron',
  xlsb: 'binära Excel',
  ods: 'OpenDocument',
  numbers: 'Numbers',
};

/**
 * The exports in a folder, and every file there that is not one: a spreadsheet in a format we do
 * not read, a manifest without its data file, a link out of the folder. Dotfiles are the system's.
 */
export function findExports(directory: string): { files: string[]; problems: ExportProblem[] } {
  if (!existsSync(directory)) return { files: [], problems: [] };
  const root = realpathSync(directory);
  const names = readdirSync(directory).sort();
  const files: string[] = [];
  const problems: ExportProblem[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(directory, name);
    const refuse = (message: string) => problems.push({ file: path, line: 1, column: 1, message });
    if (lstatSync(path).isSymbolicLink()) {
      const target = existsSync(path) ? realpathSync(path) : null;
      if (!target || !target.startsWith(`${root}${sep}`)) {
        refuse(
          `länken pekar ${target ? `ut ur mappen (till ${target})` : 'på en fil som inte finns'}: kopiera filen hit i stället`,
        );
        continue;
      }
    }
    if (statSync(path).isDirectory()) refuse('en mapp läses inte: lägg exporterna direkt i mappen');
    else if (MANIFEST_FILE.test(name)) {
      const stem = name.replace(MANIFEST_FILE, '');
      if (!names.some((other) => DATA_FILE.test(other) && other.replace(DATA_FILE, '') === stem))
        refuse(`manifestet saknar sin datafil: väntade ${stem}.csv, ${stem}.txt eller ${stem}.xlsx bredvid`);
    } else if (DATA_FILE.test(name)) files.push(path);
    else refuse(exportKindRefusal(name) ?? '');
  }
  return { files, problems };
}

/**
 * Why a file by this name is no export to read, or null: another spreadsheet format (an .xls read
 * as a manifest would print its binary bytes), a manifest given in place of its export, anything else.
 */
export function exportKindRefusal(name: string): string | null {
  if (DATA_FILE.test(name)) return null;
  if (MANIFEST_FILE.test(name)) return 'det här är ett manifest: ange exportfilen bredvid det (.csv, .txt eller .xlsx)';
  const extension = extname(name).slice(1).toLowerCase();
  const kind = OTHER_SPREADSHEETS[extension];
  return kind
    ? `${kind}-filer (.${extension}) läses inte: spara filen som Excel-arbetsbok (.xlsx) eller CSV`
    : 'okänd fil: mappen får bara innehålla exporter (.csv, .txt eller .xlsx) och deras .manifest.json';
}

export function manifestPathFor(file: string): string {
  return file.replace(DATA_FILE, '.manifest.json');
}

export function readManifest(file: string, problems: ExportProblem[]): ExportManifest | null {
  const path = manifestPathFor(file);
  if (!existsSync(path)) {
    problems.push({ file, line: 1, column: 1, message: `manifest saknas: väntade ${basename(path)} bredvid filen` });
    return null;
  }
  const refusal = fileRefusal(path, TEXT_FILE_MAX_BYTES, true);
  if (refusal) {
    problems.push({ file: path, line: 1, column: 1, message: refusal });
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push({
      file: path,
      line: 1,
      column: 1,
      message: `manifestet är inte giltig JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
    return null;
  }
  const parsed = ExportManifestSchema.safeParse(json);
  if (!parsed.success) {
    for (const message of issueLines(parsed.error)) problems.push({ file: path, line: 1, column: 1, message });
    return null;
  }
  return parsed.data;
}

/**
 * The one sheet a workbook's export is on: the manifest's `sheet`, else the only visible sheet
 * (a hidden first sheet is some earlier draft). Merged cells and values cached from other
 * workbooks are refused: what the file shows is then not what it holds.
 */
