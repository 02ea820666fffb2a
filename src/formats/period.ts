/**
 * Periods as the sources write them and as the snapshot stores them.
 * Canonical forms: `2023` (year), `2023H1` (half-year), `2024K1` (quarter), `2023M10` (month).
 */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1-based half, quarter or month; 1 for years. */
  part: number;
}

const PARTS_PER_YEAR: Record<PeriodKind, number> = { year: 1, half: 2, quarter: 4, month: 12 };
const SUFFIX: Record<PeriodKind, string> = { year: '', half: 'H', quarter: 'K', month: 'M' };

const PATTERN = /^(\d{4})(?:([HKQM])(\d{1,2}))?$/;

/** Parses a period code, accepting SCB's `2000M1` and `2024Q1` variants. Returns null when malformed. */
export function parsePeriod(text: string): Period | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2199) return null;
  if (match[2] === undefined) return { kind: 'year', year, part: 1 };
  const kind: PeriodKind = match[2] === 'H' ? 'half' : match[2] === 'M' ? 'month' : 'quarter';
  const part = Number(match[3]);
  if (part < 1 || part > PARTS_PER_YEAR[kind]) return null;
  return { kind, year, part };
}

export function formatPeriodCode(period: Period): string {
  if (period.kind === 'year') return String(period.year);
  const part = period.kind === 'month' ? String(period.part).padStart(2, '0') : String(period.part);
  return `${period.year}${SUFFIX[period.kind]}${part}`;
}

/** Normalises a period code to its canonical form, or null when malformed. */
export function normalisePeriodCode(text: string): string | null {
  const period = parsePeriod(text);
  return period ? formatPeriodCode(period) : null;
}

/** A number that increases by one per period of the same kind: handy for gaps and offsets. */
export function periodOrdinal(period: Period): number {
  return period.year * PARTS_PER_YEAR[period.kind] + (period.part - 1);
}

export function periodFromOrdinal(kind: PeriodKind, ordinal: number): Period {
  const perYear = PARTS_PER_YEAR[kind];
  return { kind, year: Math.floor(ordinal / perYear), part: (ordinal % perYear) + 1 };
}

/** Shifts a period code by `steps` periods of its own kind. */
export function shiftPeriod(code: string, steps: number): string {
  const period = mustParsePeriod(code);
  return formatPeriodCode(periodFromOrdinal(period.kind, periodOrdinal(period) + steps));
}

export function mustParsePeriod(code: string): Period {
  const period = parsePeriod(code);
  if (!period) throw new Error(`Ogiltig period "${code}": väntade t.ex. 2023, 2023H1, 2024K1 eller 2023M10`);
  return period;
}

/** Compares two canonical codes of the same kind chronologically. */
export function comparePeriodCodes(a: string, b: string): number {
  return periodOrdinal(mustParsePeriod(a)) - periodOrdinal(mustParsePeriod(b));
}

/** Every period from `first` to `last` inclusive (same kind). */
export function periodRange(first: string, last: string): string[] {
  const start = mustParsePeriod(first);
  const end = mustParsePeriod(last);
  if (start.kind !== end.kind) throw new Error(`Perioderna ${first} och ${last} är av olika slag`);
  const out: string[] = [];
  for (let ordinal = periodOrdinal(start); ordinal <= periodOrdinal(end); ordinal++) {
    out.push(formatPeriodCode(periodFromOrdinal(start.kind, ordinal)));
  }
  return out;
}

/** True when the period has not started yet on `today`. */
export function isFuturePeriod(period: Period, today: Date): boolean {
  const monthsPerPart = 12 / PARTS_PER_YEAR[period.kind];
  const start = Date.UTC(period.year, (period.part - 1) * monthsPerPart, 1);
  return start > today.getTime();
}

/**
 * A period as people write it in their own files: only the canonical forms (`2024`, `2024H1`,
 * `2024K1`, `2024M03`). SCB's looser `2024M3` and `2024Q1` are codes of an API, not of a person's
 * file, where they more likely mean a typo than a month.
 */
export function parseWrittenPeriod(text: string): Period | null {
  const period = parsePeriod(text);
  return period && formatPeriodCode(period) === text.trim() ? period : null;
}

/**
 * The period of `kind` that a calendar date (`YYYY-MM-DD`, as a spreadsheet's date cell is read)
 * falls in; null when the text is no real date.
 */
export function periodOfDate(text: string, kind: PeriodKind): Period | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900 || year > 2199) return null;
  const monthsPerPart = 12 / PARTS_PER_YEAR[kind];
  return { kind, year, part: Math.floor((month - 1) / monthsPerPart) + 1 };
}
