/**
 * Workbooks as Excel writes them, for tests of what the example's one-sheet writer never makes:
 * several sheets, hidden sheets, merged cells, formulas into other workbooks, date cells in
 * either of Excel's date systems.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface TestSheet {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Strings, numbers, `{ date: serial }` (a number styled as a date), `{ formula, cached }`. */
  rows: (string | number | null | { date: number } | { formula: string; cached: number })[][];
  merged?: string[];
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function column(index: number): string {
  return String.fromCharCode(65 + index);
}

function sheetXml(sheet: TestSheet): string {
  const rows = sheet.rows
    .map((row, rowIndex) => {
      const cells = row.map((value, columnIndex) => {
        const ref = `${column(columnIndex)}${rowIndex + 1}`;
        if (value === null) return '';
        if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
        if (typeof value === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
        if ('date' in value) return `<c r="${ref}" s="1"><v>${value.date}</v></c>`;
        return `<c r="${ref}"><f>${value.formula}</f><v>${value.cached}</v></c>`;
      });
      return `<row r="${rowIndex + 1}">${cells.join('')}</row>`;
    })
    .join('');
  const merged = sheet.merged?.length
    ? `<mergeCells count="${sheet.merged.length}">${sheet.merged.map((range) => `<mergeCell ref="${range}"/>`).join('')}</mergeCells>`
    : '';
  return `${XML}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData>${merged}</worksheet>`;
}

export function testWorkbook(sheets: TestSheet[], options: { date1904?: boolean } = {}): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONS}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets
        .map(
          (sheet, index) =>
            `<sheet name="${sheet.name}" sheetId="${index + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${index + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, index) =>
            `<Relationship Id="rId${index + 1}" Type="${RELATIONS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
        )
        .join('')}<Relationship Id="rIdS" Type="${RELATIONS}/styles" Target="styles.xml"/></Relationships>`,
    ),
    // Style 1 is the built-in date format 14 (d/m/yyyy in a Swedish Excel).
    'xl/styles.xml': strToU8(
      `${XML}<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
  };
  sheets.forEach((sheet, index) => (files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(sheetXml(sheet))));
  return zipSync(files, { mtime: new Date('1980-01-01T00:00:00Z') });
}
