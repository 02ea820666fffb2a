/**
 * Astro's build prints one line per page written ("11:07:54   ├─ /dialog/0114/index.html (+76ms)");
 * with pages built four at a time a line may hold several, some without a time. This reads them,
 * so the build can show "pages done of total" and which kinds of page took longest.
 */
export interface WrittenPage {
  path: string;
  /** Milliseconds from start to written, where Astro said; overlapping, as pages build together. */
  ms: number | null;
}

const PAGE = /[├└]─ (\/[^\s]*?)(?=\d\d:\d\d:\d\d|\s|$)(?: \(\+([\d.]+)(ms|s)\))?/g;

/** Colour codes: Astro colours its output wherever `CI` is set, even into a pipe. */
const COLOUR = /\x1b\[[\d;]*m/g;

export function writtenPages(line: string): WrittenPage[] {
  return [...line.replace(COLOUR, '').matchAll(PAGE)].map((match) => ({
    path: match[1] as string,
    ms: match[2] === undefined ? null : Number(match[2]) * (match[3] === 's' ? 1000 : 1),
  }));
}

/** A page line: one or more pages, or only a page's time, which lands alone when pages finish together. */
export function isPageLine(line: string): boolean {
  return writtenPages(line).length > 0 || /^\s*\(\+[\d.]+m?s\)\s*$/.test(line.replace(COLOUR, ''));
}
