/**
 * Numbers as Swedish Excel and analysts write them: decimal comma or point, thousands separated by
 * space, no-break space or narrow no-break space, minus as hyphen or U+2212, optional percent sign.
 */
export type ParsedCell =
  | { kind: 'number'; value: number }
  | { kind: 'marker'; marker: SuppressionMarker }
  | { kind: 'empty' }
  | { kind: 'invalid'; text: string };

/** Markers published instead of a number, and what each means. */
export const SUPPRESSION_MARKERS = {
  '<5': 'suppressed',
  '..': 'missing',
  '.': 'missing',
  '-': 'missing',
  '–': 'missing',
  x: 'suppressed',
  X: 'suppressed',
} as const;
export type SuppressionMarker = keyof typeof SUPPRESSION_MARKERS;

const GROUP_SEPARATORS = /[\u0020\u00a0\u202f\u2009]/g;
const PLAIN_NUMBER = /^[-+]?(\d+)([.,]\d+)?$/;
const GROUPED_NUMBER = /^[-+]?\d{1,3}([ ]\d{3})+([.,]\d+)?$/;

export function parseSwedishNumber(raw: string): ParsedCell {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (Object.hasOwn(SUPPRESSION_MARKERS, text)) return { kind: 'marker', marker: text as SuppressionMarker };
  const unified = text
    .replace(/\u2212/g, '-')
    .replace(/%$/, '')
    .trimEnd();
  const spaced = unified.replace(GROUP_SEPARATORS, ' ');
  let digits: string;
  if (PLAIN_NUMBER.test(spaced)) digits = spaced;
  else if (GROUPED_NUMBER.test(spaced)) digits = spaced.replace(/ /g, '');
  else return { kind: 'invalid', text };
  const value = Number(digits.replace(',', '.'));
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid', text };
}
