/**
 * Resolves SCB content codes from a table's metadata by label, once, so configuration can name a
 * content before its code is known. Tolerant of case, dash variants, spacing and SCB's small typos
 * (an edit distance of at most two), but never ambiguous: two candidates is an error.
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

export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
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
    const exact = available.filter((candidate) => candidate.label === target);
    const near = exact.length > 0 ? exact : available.filter((candidate) => editDistance(candidate.label, target) <= 2);
    if (near.length === 1 && near[0]) return near[0].code;
    problems.push(
      near.length === 0
        ? `hittar inget innehåll som heter "${item.label}"`
        : `"${item.label}" kan vara flera: ${near.map((candidate) => candidate.code).join(', ')}`,
    );
    return '';
  });
  if (problems.length > 0) {
    const list = dimension.codes.map((code) => `${code} "${dimension.labels.get(code) ?? ''}"`).join('; ');
    throw new Error(`${table}: ${problems.join('; ')}. Tabellens innehåll: ${list}`);
  }
  return codes;
}
