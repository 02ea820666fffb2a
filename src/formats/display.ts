/**
 * Swedish formatting of numbers and periods, the one place pages and charts take them from.
 * `Intl` writes a no-break space (U+00A0) between thousands and U+2212 as minus.
 */
import { mustParsePeriod } from './period.ts';

const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format;
}

/** "12 345", "3,4"; an em dash for a missing value. */
export function formatNumber(value: number | null, decimals = 0): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return numberFormat(decimals).format(value);
}

/** "3,4 %" (with a no-break space, as sv-SE writes it). */
export function formatPercent(value: number | null, decimals = 1): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return `${formatNumber(value, decimals)}\u00a0%`;
}

/** A change with its sign: "+0,3", "−1,2", "±0,0". */
export function formatSigned(value: number | null, decimals = 1): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const rounded = Number(value.toFixed(decimals));
  if (rounded === 0) return `±${formatNumber(0, decimals)}`;
  return rounded > 0 ? `+${formatNumber(rounded, decimals)}` : formatNumber(rounded, decimals);
}

/**
 * A change with the way it went: "↑ +0,3", "↓ −1,2", "±0,0". The arrow says only up or down; whether
 * that is better is the verdict's to say, in words beside it.
 */
export function formatChange(value: number | null, decimals = 1): string {
  const signed = formatSigned(value, decimals);
  if (signed.startsWith('+')) return `↑\u00a0${signed}`;
  if (signed.startsWith('−')) return `↓\u00a0${signed}`;
  return signed;
}

export const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
export const MONTHS_SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** "2023", "jan–jun 2023", "kv. 3 2023", "okt 2023". */
export function formatPeriod(code: string, style: 'short' | 'long' = 'short'): string {
  const period = mustParsePeriod(code);
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'half':
      return `${period.part === 1 ? 'jan–jun' : 'jul–dec'} ${period.year}`;
    case 'quarter':
      return `kv. ${period.part} ${period.year}`;
    case 'month':
      return `${(style === 'long' ? MONTHS : MONTHS_SHORT)[period.part - 1]} ${period.year}`;
  }
}

/** An ISO date ("2026-11-20") as "20 november 2026". */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * A title as it reads inside a sentence: "Ohälsotal" → "ohälsotal", but "Unga i KAA" →
 * "unga i KAA" and "KAA-samordnare" unchanged: only the first letter, and never an acronym's.
 */
export function inSentence(title: string): string {
  return /^\p{Lu}{2}/u.test(title) ? title : title.replace(/^./u, (letter) => letter.toLowerCase());
}

/** "A, B och C", as Swedish lists are written. */
export function joinList(items: readonly string[]): string {
  return new Intl.ListFormat('sv', { type: 'conjunction' }).format(items);
}
