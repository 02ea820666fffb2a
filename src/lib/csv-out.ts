/**
 * CSV downloads in two dialects: Swedish Excel (UTF-8 with BOM, `;`, decimal comma) and plain
 * (UTF-8, `,`, decimal point) for programs.
 */
export type CsvValue = string | number | null;

function quote(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvValue[][], dialect: 'excel' | 'plain'): string {
  const delimiter = dialect === 'excel' ? ';' : ',';
  const cell = (value: CsvValue) => {
    if (value === null) return '';
    if (typeof value === 'number') return dialect === 'excel' ? String(value).replace('.', ',') : String(value);
    return quote(value, delimiter);
  };
  const lines = [header, ...rows].map((row) => row.map(cell).join(delimiter));
  return `${dialect === 'excel' ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** Rounds for publication: the indicator's decimals, no float noise. */
export function roundTo(value: number | null, decimals: number): number | null {
  return value === null ? null : Number(value.toFixed(decimals));
}
