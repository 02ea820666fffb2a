/**
 * CSV downloads in two dialects: Swedish Excel (UTF-8 with BOM, `;`, decimal comma) and plain
 * (UTF-8, `,`, decimal point) for programs. Both neutralise text that would run as a formula.
 */
export type CsvValue = string | number | null;

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first): quoting does
 * not stop Excel, so such a cell gets a leading apostrophe and stays text. Numbers are numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Quoted in both dialects wherever a value holds either separator or a tab: a file saved as one is
 * opened as the other (Swedish Excel splits a plain CSV on `;`), and an unquoted `;=…` would start
 * a formula in the next cell.
 */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** One pass, no array per row: national downloads are tens of megabytes. */
export function toCsv(header: string[], rows: CsvValue[][], dialect: 'excel' | 'plain'): string {
  const delimiter = dialect === 'excel' ? ';' : ',';
  let out = dialect === 'excel' ? '\uFEFF' : '';
  for (const row of [header, ...rows]) {
    for (let index = 0; index < row.length; index++) {
      const value = row[index] ?? null;
      if (index > 0) out += delimiter;
      if (value === null) continue;
      if (typeof value === 'number') out += dialect === 'excel' ? String(value).replace('.', ',') : String(value);
      else {
        const text = FORMULA_START.test(value) ? `'${value}` : value;
        out += NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      }
    }
    out += '\r\n';
  }
  return out;
}

/** Rounds for publication: the indicator's decimals, no float noise. */
export function roundTo(value: number | null, decimals: number): number | null {
  return value === null ? null : Number(value.toFixed(decimals));
}
