/**
 * Resolves SCB content codes from a table's metadata by label, once, so configuration can name a
 * content before its code is known. Tolerant of case, dash variants and spacing, nothing else: a
 * label must be SCB's own, typos included ("Sjuk- och aktivitetsersersättning"), because a near
 * match that is wrong would put one content's numbers under another's name. Never ambiguous.
 */
import type { JsonStatDimension } from './jsonstat.ts';

export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212-]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Wanted {
  code: string | null;
  label: string;
}

/** Returns code per wanted item (in order) or throws naming every item it could not resolve. */
export function resolveContentCodes(table: string, dimension: JsonStatDimension, wanted: Wanted[]): string[] {
  const problems: string[] = [];
  const available = dimension.codes.map((code) => ({
    code,
    label: normaliseLabel(dimension.labels.get(code) ?? code),
  }));
  const codes = wanted.map((item) => {
    if (item.code !== null) {
      if (!dimension.codes.includes(item.code))
        problems.push(`innehållskoden ${item.code} (${item.label}) finns inte längre`);
      return item.code;
    }
    const target = normaliseLabel(item.label);
    const found = available.filter((candidate) => candidate.label === target);
    if (found.length === 1 && found[0]) return found[0].code;
    problems.push(
      found.length === 0
        ? `hittar inget innehåll som heter "${item.label}"`
        : `"${item.label}" kan vara flera: ${found.map((candidate) => candidate.code).join(', ')}`,
    );
    return '';
  });
  if (problems.length > 0) {
    const list = dimension.codes.map((code) => `${code} "${dimension.labels.get(code) ?? ''}"`).join('; ');
    throw new Error(`${table}: ${problems.join('; ')}. Tabellens innehåll: ${list}`);
  }
  return codes;
}
