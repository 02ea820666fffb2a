/**
 * Analysts' exports (CSV or .xlsx, each with a manifest) → validated observations. Every problem
 * is collected as `file:line:column: message` (expected vs found) before anything is written.
 */
import { readFileSync, statSync } from 'node:fs';
import {
  formatPeriodCode,
  isFuturePeriod,
  normalisePeriodCode,
  parseWrittenPeriod,
  periodOfDate,
} from '../formats/period.ts';
import type { RegionRegistry } from '../config/regions.ts';
import { parseSwedishNumber, SUPPRESSION_MARKERS } from '../formats/swedish-number.ts';
import type { Cell, CellTable } from '../formats/table-cells.ts';
import type { ExportManifest } from '../schemas/export-manifest.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { ObservationStatus, Sex } from '../schemas/observation.ts';
import { readCells } from './export-cells.ts';
import { mebibytes } from '../formats/xlsx-package.ts';
import { basename } from 'node:path';
import { typeRefusal } from '../formats/files.ts';
import { fitsHiddenParts, primarySuppression, suppressedMark } from './disclosure.ts';
import {
  EXPORT_MAX_BYTES,
  exportKindRefusal,
  manifestPathFor,
  readManifest,
  type ExportProblem,
} from './export-files.ts';

export interface ExportRow {
  /** The row's line in the file, for messages about it. */
  line: number;
  region: string;
  period: string;
  sex: Sex;
  value: number | null;
  status: ObservationStatus;
  sourceStatus: string;
}

export interface ImportedExport {
  file: string;
  manifest: ExportManifest;
  bytes: Uint8Array;
  rows: ExportRow[];
  /** What is accepted but looks wrong (women and men that do not add up to the total). */
  warnings: ExportProblem[];
}

export interface ImportContext {
  registry: RegionRegistry;
  indicators: Map<string, Indicator>;
  suppressionThreshold: number;
  today: Date;
}

const SEX_WORDS: Record<string, Sex> = {
  totalt: 'total',
  total: 'total',
  t: 'total',
  alla: 'total',
  'båda könen': 'total',
  kvinnor: 'women',
  kvinna: 'women',
  k: 'women',
  män: 'men',
  man: 'men',
  m: 'men',
};

const UNIT_WORDS: Record<string, string[]> = {
  percent: ['%', 'procent', 'andel', 'andel (%)'],
  count: ['antal', 'st', 'personer'],
  helarsekvivalenter: ['helårsekvivalenter'],
  months: ['månader'],
  'per-1000': ['per 1000', 'per 1 000', 'promille'],
  days: ['dagar'],
  'kronor-per-invanare': ['kr/inv', 'kronor per invånare'],
};

export async function importExport(
  file: string,
  context: ImportContext,
): Promise<{ imported: ImportedExport | null; problems: ExportProblem[] }> {
  const problems: ExportProblem[] = [];
  // A FIFO would block the build for ever and /dev/zero never ends: a regular file only, size checked first.
  const stat = statSync(file);
  const wrongType = typeRefusal(stat);
  if (wrongType) {
    problems.push({ file, line: 1, column: 1, message: wrongType });
    return { imported: null, problems };
  }
  const wrongKind = exportKindRefusal(basename(file));
  if (wrongKind) {
    problems.push({ file, line: 1, column: 1, message: wrongKind });
    return { imported: null, problems };
  }
  if (stat.size > EXPORT_MAX_BYTES) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: `filen är ${mebibytes(stat.size)} MiB; högst ${mebibytes(EXPORT_MAX_BYTES)} MiB tillåts (dela upp den per år)`,
    });
    return { imported: null, problems };
  }
  const manifest = readManifest(file, problems);
  const bytes = new Uint8Array(readFileSync(file));
  if (!manifest) return { imported: null, problems };
  const indicator = context.indicators.get(manifest.indicator);
  if (!indicator) {
    problems.push({
      file: manifestPathFor(file),
      line: 1,
      column: 1,
      message: `indikatorn "${manifest.indicator}" finns inte i data/config/indicators.json`,
    });
    return { imported: null, problems };
  }
  if (indicator.source.kind !== 'export') {
    // An export beside SCB's or Kolada's figures would be credited to them on every page.
    problems.push({
      file: manifestPathFor(file),
      line: 1,
      column: 1,
      message: `indikatorn ${indicator.id} kommer från ${indicator.source.kind === 'scb' ? 'SCB' : 'Kolada'}; en export får bara leverera indikatorer vars källa är en export`,
    });
    return { imported: null, problems };
  }
  if (indicator.unit !== manifest.unit) {
    problems.push({
      file: manifestPathFor(file),
      line: 1,
      column: 1,
      message: `enheten stämmer inte: indikatorn ${indicator.id} har enheten ${indicator.unit}, manifestet säger ${manifest.unit}`,
    });
  }
  const table = await readCells(file, bytes, manifest, problems);
  if (!table) return { imported: null, problems };
  const rows = validateRows(file, table, manifest, indicator, context, problems);
  const warnings = [
    ...(table.skipped.length > 0
      ? [
          {
            file,
            line: table.skipped[0] ?? 1,
            column: 1,
            message: `${table.skipped.length} tomma rader hoppades över (rad ${table.skipped.slice(0, 10).join(', ')}${table.skipped.length > 10 ? ' …' : ''})`,
          },
        ]
      : []),
    ...(manifest.unit === 'count' ? partsAgainstTotal(file, rows, context.suppressionThreshold) : []),
  ];
  return { imported: problems.length === 0 ? { file, manifest, bytes, rows, warnings } : null, problems };
}

/**
 * Women and men should add up to the total. Where a part is protected, the total minus the known
 * part must be what protected parts can sum to; anything else is worth a look before publishing.
 */
function partsAgainstTotal(file: string, rows: ExportRow[], threshold: number): ExportProblem[] {
  const bySex = new Map<string, Partial<Record<Sex, ExportRow>>>();
  for (const row of rows) {
    const key = `${row.region}|${row.period}`;
    bySex.set(key, { ...bySex.get(key), [row.sex]: row });
  }
  const warnings: ExportProblem[] = [];
  for (const { total, women, men } of bySex.values()) {
    if (!total || !women || !men || total.value === null) continue;
    const parts = [women, men];
    const known = parts.filter((part) => part.value !== null).reduce((sum, part) => sum + (part.value ?? 0), 0);
    const hidden = parts.filter((part) => part.value === null && part.status === 'suppressed').length;
    const rest = total.value - known;
    const fits = fitsHiddenParts(rest, hidden, threshold);
    if (!fits && parts.every((part) => part.value !== null || part.status === 'suppressed'))
      warnings.push({
        file,
        line: total.line,
        column: 1,
        message: `kvinnor och män (${parts.map((part) => part.value ?? suppressedMark(threshold)).join(' + ')}) stämmer inte med totalt ${total.value} för ${total.region} ${total.period}`,
      });
  }
  return warnings;
}

function validateRows(
  file: string,
  table: CellTable,
  manifest: ExportManifest,
  indicator: Indicator,
  context: ImportContext,
  problems: ExportProblem[],
): ExportRow[] {
  const report = (cell: Pick<Cell, 'line' | 'column'>, message: string) =>
    problems.push({ file, line: cell.line, column: cell.column, message });
  const declared = Object.entries(manifest.columns).filter((entry): entry is [string, string] => entry[1] !== null);
  const headerTexts = table.header.map((cell) => cell.text.trim());
  const seen = new Map<string, Cell>();
  table.header.forEach((cell, index) => {
    const key = (headerTexts[index] ?? '').toLowerCase();
    const first = seen.get(key);
    if (first) report(cell, `kolumnrubriken "${cell.text.trim()}" finns två gånger (även i kolumn ${first.column})`);
    else seen.set(key, cell);
  });
  const columnIndex = new Map<string, number>();
  for (const [role, title] of declared) {
    const index = headerTexts.findIndex((text) => text.toLowerCase() === title.toLowerCase());
    if (index < 0)
      report(
        { line: table.header[0]?.line ?? 1, column: 1 },
        `kolumnen "${title}" saknas: väntade ${declared.map(([, t]) => `"${t}"`).join(', ')}, fann ${headerTexts.map((t) => `"${t}"`).join(', ')}`,
      );
    else columnIndex.set(role, index);
  }
  const declaredTitles = new Set(declared.map(([, title]) => title.toLowerCase()));
  table.header.forEach((cell, index) => {
    if (!declaredTitles.has((headerTexts[index] ?? '').toLowerCase()))
      report(
        cell,
        `okänd kolumn "${cell.text.trim()}": manifestet beskriver bara ${declared.map(([, t]) => `"${t}"`).join(', ')}`,
      );
  });
  if (problems.length > 0) return [];
  if (table.rows.length === 0) {
    report({ line: 2, column: 1 }, 'filen har bara en rubrikrad: väntade minst en datarad');
    return [];
  }

  const rows: ExportRow[] = [];
  const keys = new Map<string, number>();
  for (const row of table.rows) {
    const lineStart = { line: row[0]?.line ?? 0, column: 1 };
    if (row.length !== table.header.length) {
      report(lineStart, `raden har ${row.length} fält men rubriken har ${table.header.length}`);
      continue;
    }
    const cell = (role: string): Cell | undefined => {
      const index = columnIndex.get(role);
      return index === undefined ? undefined : row[index];
    };
    const before = problems.length;
    const regionCell = cell('region') as Cell;
    const region = regionCell.text.trim();
    if (!/^\d{4}$/.test(region)) {
      const hint = /^\d{3}$/.test(region) ? ` (inledande nolla borttagen av Excel? menar du "0${region}"?)` : '';
      report(regionCell, `väntade en fyrsiffrig kommunkod, fann "${region}"${hint}`);
    } else if (context.registry.get(region)?.level !== 'kommun')
      report(regionCell, `okänd kommunkod "${region}": finns inte i SCB:s kodlista`);

    const periodCell = cell('period') as Cell;
    const periodText = periodCell.text.trim().replace(/\.0$/, '');
    // A date cell (Excel turns "2024-03" into 1 March 2024) names the period it falls in.
    const period = parseWrittenPeriod(periodText) ?? periodOfDate(periodText, indicator.periodicity);
    if (!period) {
      const meant = normalisePeriodCode(periodText);
      report(
        periodCell,
        `väntade en period som 2023, 2023H1, 2024K1 eller 2023M10 (eller ett datum), fann "${periodCell.text.trim()}"${meant ? ` (menar du "${meant}"?)` : ''}`,
      );
    } else if (period.kind !== indicator.periodicity)
      report(
        periodCell,
        `väntade en period av slaget ${indicator.periodicity} för ${indicator.id}, fann "${periodText}"`,
      );
    else if (isFuturePeriod(period, context.today)) report(periodCell, `perioden "${periodText}" ligger i framtiden`);

    const sexCell = cell('sex');
    const sex: Sex | undefined = sexCell ? SEX_WORDS[sexCell.text.trim().toLowerCase()] : 'total';
    if (sexCell && !sex)
      report(sexCell, `väntade Totalt, Kvinnor eller Män (eller T, K, M), fann "${sexCell.text.trim()}"`);

    const unitCell = cell('unit');
    if (unitCell && !(UNIT_WORDS[manifest.unit] ?? []).includes(unitCell.text.trim().toLowerCase())) {
      report(
        unitCell,
        `enheten stämmer inte: väntade ${(UNIT_WORDS[manifest.unit] ?? []).map((word) => `"${word}"`).join(' eller ')}, fann "${unitCell.text.trim()}"`,
      );
    }

    const valueCell = cell('value') as Cell;
    const parsed = parseSwedishNumber(valueCell.text);
    let value: number | null = null;
    let status: ObservationStatus = 'final';
    let sourceStatus = '';
    if (parsed.kind === 'invalid')
      report(
        valueCell,
        `väntade ett tal (t.ex. 12 345 eller 3,4) eller en markering (${Object.keys(SUPPRESSION_MARKERS).join(' ')}), fann "${parsed.text}"`,
      );
    else if (parsed.kind === 'empty') status = 'missing';
    else if (parsed.kind === 'marker') {
      status = SUPPRESSION_MARKERS[parsed.marker];
      sourceStatus = parsed.marker;
    } else {
      value = parsed.value;
      if (value < 0) report(valueCell, `väntade ett värde som inte är negativt, fann ${valueCell.text.trim()}`);
      if (manifest.unit === 'percent' && value > 100)
        report(valueCell, `en andel kan inte vara över 100 %, fann ${valueCell.text.trim()}`);
      if (manifest.unit === 'count' && !Number.isInteger(value))
        report(valueCell, `väntade ett heltal (antal), fann ${valueCell.text.trim()}`);
      const suppressed = manifest.unit === 'count' ? primarySuppression(value, context.suppressionThreshold) : null;
      if (suppressed) ({ value, status, sourceStatus } = suppressed);
    }
    if (problems.length > before || !period || !sex) continue;
    const periodCode = formatPeriodCode(period);
    const key = `${region}|${periodCode}|${sex}`;
    const firstLine = keys.get(key);
    if (firstLine !== undefined) {
      report(lineStart, `dubblett: ${region} ${periodCode} ${sex} finns redan på rad ${firstLine}`);
      continue;
    }
    keys.set(key, lineStart.line);
    rows.push({ line: regionCell.line, region, period: periodCode, sex, value, status, sourceStatus });
  }
  return rows;
}
