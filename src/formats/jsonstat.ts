/**
 * A JSON-stat 2.0 dataset reader that follows the specification, not only SCB's habits:
 * `category.index` as array or object, `value` and `status` dense or sparse, `status` as one string.
 * It rejects inconsistent `id`/`size`/`value` lengths and bad index positions.
 */
import { z } from 'zod';
import { issueLines } from './zod-issues.ts';

const IndexSchema = z.union([z.array(z.string()), z.record(z.string(), z.number().int())]);

const CategorySchema = z.object({
  index: IndexSchema.optional(),
  label: z.record(z.string(), z.string()).optional(),
  unit: z
    .record(z.string(), z.object({ base: z.string().optional(), decimals: z.number().int().optional() }).loose())
    .optional(),
});

const DimensionSchema = z.object({ label: z.string().optional(), category: CategorySchema }).loose();

/** Numbers, or numbers written as strings; other strings are refused after parsing, by position. */
const CellValue = z.union([z.number(), z.string(), z.null()]);

export const JsonStatDatasetSchema = z
  .object({
    version: z.literal('2.0'),
    class: z.literal('dataset'),
    label: z.string().optional(),
    source: z.string().optional(),
    updated: z.string().optional(),
    id: z.array(z.string()).min(1),
    size: z.array(z.number().int().nonnegative()).min(1),
    role: z.record(z.string(), z.array(z.string())).optional(),
    dimension: z.record(z.string(), DimensionSchema),
    value: z.union([z.array(CellValue), z.record(z.string(), CellValue)]),
    status: z.union([z.string(), z.array(z.string().nullable()), z.record(z.string(), z.string())]).optional(),
  })
  .loose();

export interface JsonStatDimension {
  id: string;
  label: string;
  /** Category codes in index order. */
  codes: string[];
  labels: Map<string, string>;
  units: Map<string, { base?: string | undefined; decimals?: number | undefined }>;
  /** PxWeb may leave the variable out of a query and sum over it (`extension.elimination`). */
  eliminable: boolean;
}

export interface JsonStatCube {
  label: string;
  updated: string | null;
  dimensions: JsonStatDimension[];
  roles: Record<string, string[]>;
  cellCount: number;
  /** Value of the cell at a flat index: number, or null for missing/absent. */
  valueAt(index: number): number | null;
  /** Status symbol of the cell, or '' when none. */
  statusAt(index: number): string;
}

export class JsonStatError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Ogiltig JSON-stat2:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

function readCodes(
  dimensionId: string,
  category: z.infer<typeof CategorySchema>,
  size: number,
  problems: string[],
): string[] {
  const index = category.index;
  if (index === undefined) {
    // A single-category dimension may omit index; its one code is then the label's key.
    const keys = Object.keys(category.label ?? {});
    if (keys.length === 1 && size === 1) return keys;
    problems.push(`dimension.${dimensionId}.category.index saknas (krävs när storleken är ${size})`);
    return [];
  }
  if (Array.isArray(index)) {
    if (index.length !== size)
      problems.push(`dimension.${dimensionId} har ${index.length} kategorier men size säger ${size}`);
    if (new Set(index).size !== index.length) problems.push(`dimension.${dimensionId}.category.index har dubbletter`);
    return index;
  }
  const entries = Object.entries(index);
  if (entries.length !== size)
    problems.push(`dimension.${dimensionId} har ${entries.length} kategorier men size säger ${size}`);
  const codes = new Array<string>(entries.length);
  for (const [code, position] of entries) {
    if (position < 0 || position >= entries.length) {
      problems.push(
        `dimension.${dimensionId}.category.index["${code}"] = ${position} ligger utanför 0–${entries.length - 1}`,
      );
    } else if (codes[position] !== undefined) {
      problems.push(
        `dimension.${dimensionId}.category.index: position ${position} används av både "${codes[position]}" och "${code}"`,
      );
    } else codes[position] = code;
  }
  return Array.from(codes, (code) => code ?? '');
}

/**
 * Cells one data response may hold: SCB answers at most 150 000 a call, so ten times that is a
 * wide margin, and a file claiming more (a sparse `value` under a size of 10¹²) is refused before
 * anything walks or allocates its cells.
 */
export const MAX_CELLS = 1_500_000;
/** Categories one dimension of a table may list (TAB5557 has 312 regions and 137 ages). */
export const MAX_CATEGORIES = 100_000;

/**
 * Parses a JSON-stat2 dataset; throws JsonStatError listing every problem found. With
 * `metadataOnly`, a table's metadata response (whose `value` is empty) is read for its dimensions.
 * A data response's cells are capped at `maxCells`, every dimension's categories at MAX_CATEGORIES.
 */
export function readJsonStat(
  input: unknown,
  options: { metadataOnly?: boolean; maxCells?: number } = {},
): JsonStatCube {
  const parsed = JsonStatDatasetSchema.safeParse(input);
  if (!parsed.success) {
    throw new JsonStatError(issueLines(parsed.error));
  }
  const data = parsed.data;
  const problems: string[] = [];
  if (data.id.length !== data.size.length)
    problems.push(`id har ${data.id.length} dimensioner men size har ${data.size.length}`);
  if (new Set(data.id).size !== data.id.length) problems.push('id innehåller samma dimension två gånger');
  const dimensions: JsonStatDimension[] = data.id.map((id, position) => {
    const dimension = data.dimension[id];
    const size = data.size[position] ?? 0;
    if (!dimension) {
      problems.push(`dimension.${id} saknas men står i id`);
      return { id, label: id, codes: [], labels: new Map(), units: new Map(), eliminable: false };
    }
    // Real metadata responses may state a default selection's size (TAB638: Alder size 1, 102
    // categories), so in metadata mode the categories themselves decide.
    const categoryCount = Array.isArray(dimension.category.index)
      ? dimension.category.index.length
      : Object.keys(dimension.category.index ?? dimension.category.label ?? {}).length;
    if (categoryCount > MAX_CATEGORIES || size > MAX_CATEGORIES) {
      problems.push(
        `dimension.${id} säger sig ha ${Math.max(categoryCount, size)} kategorier, fler än de högst ${MAX_CATEGORIES} en tabell får ha`,
      );
      return { id, label: id, codes: [], labels: new Map(), units: new Map(), eliminable: false };
    }
    const codes = readCodes(id, dimension.category, options.metadataOnly ? categoryCount : size, problems);
    return {
      id,
      label: dimension.label ?? id,
      codes,
      labels: new Map(codes.map((code) => [code, dimension.category.label?.[code] ?? code])),
      units: new Map(Object.entries(dimension.category.unit ?? {})),
      eliminable: (dimension['extension'] as { elimination?: unknown } | undefined)?.elimination === true,
    };
  });
  const cellCount = dimensions.reduce((product, dimension) => product * dimension.codes.length, 1);
  const maxCells = options.maxCells ?? MAX_CELLS;
  if (!options.metadataOnly && cellCount > maxCells)
    throw new JsonStatError([
      `size ger ${cellCount.toLocaleString('sv-SE')} celler, fler än de högst ${maxCells.toLocaleString('sv-SE')} ett svar får ha`,
    ]);
  const value = options.metadataOnly ? [] : data.value;
  if (options.metadataOnly) {
    // Metadata carries no cells to check.
  } else if (Array.isArray(value)) {
    if (value.length !== cellCount) problems.push(`value har ${value.length} celler men size ger ${cellCount}`);
  } else {
    for (const key of Object.keys(value)) {
      if (!/^\d+$/.test(key) || Number(key) >= cellCount)
        problems.push(`value["${key}"] är ingen cellposition i 0–${cellCount - 1}`);
    }
  }
  const numbers = numericCells(value, problems);
  const status = options.metadataOnly ? undefined : data.status;
  // An array of one status applies to every cell, as one string does.
  if (Array.isArray(status) && status.length !== cellCount && status.length !== 1)
    problems.push(`status har ${status.length} celler men size ger ${cellCount}`);
  if (status !== undefined && typeof status === 'object' && !Array.isArray(status)) {
    for (const key of Object.keys(status)) {
      if (!/^\d+$/.test(key) || Number(key) >= cellCount)
        problems.push(`status["${key}"] är ingen cellposition i 0–${cellCount - 1}`);
    }
  }
  if (problems.length > 0) throw new JsonStatError(problems);

  const valueAt = Array.isArray(numbers)
    ? (index: number) => numbers[index] ?? null
    : (index: number) => numbers[String(index)] ?? null;
  const statusAt =
    status === undefined
      ? () => ''
      : typeof status === 'string'
        ? () => status
        : Array.isArray(status)
          ? status.length === 1 && cellCount !== 1
            ? () => status[0] ?? ''
            : (index: number) => status[index] ?? ''
          : (index: number) => status[String(index)] ?? '';

  return {
    label: data.label ?? '',
    updated: data.updated ?? null,
    dimensions,
    roles: data.role ?? {},
    cellCount,
    valueAt,
    statusAt,
  };
}

type Cells<T> = T[] | Record<string, T>;

/**
 * Values as numbers. JSON-stat allows strings; a number written as one ("12.5") is read, anything
 * else ("..", "12,5") is named with its position, the first few of them.
 */
function numericCells(value: Cells<number | string | null>, problems: string[]): Cells<number | null> {
  const cells: (number | string | null)[] = Array.isArray(value) ? value : Object.values(value);
  if (!cells.some((cell) => typeof cell === 'string')) return value as Cells<number | null>;
  const refused: string[] = [];
  const toNumber = (cell: number | string | null, position: string): number | null => {
    if (typeof cell !== 'string') return cell;
    const number = cell.trim() === '' ? Number.NaN : Number(cell);
    if (Number.isFinite(number)) return number;
    refused.push(`value[${position}] = ${JSON.stringify(cell)}`);
    return null;
  };
  const numbers = Array.isArray(value)
    ? value.map((cell, index) => toNumber(cell, String(index)))
    : Object.fromEntries(Object.entries(value).map(([key, cell]) => [key, toNumber(cell, key)]));
  if (refused.length > 0)
    problems.push(
      `${refused.length} värden är inte tal: ${refused.slice(0, 5).join(', ')}${refused.length > 5 ? ' …' : ''} (väntade tal eller null)`,
    );
  return numbers;
}

/** Calls `visit` for every cell in row-major order with its category codes. */
export function forEachCell(
  cube: JsonStatCube,
  visit: (codes: string[], value: number | null, status: string, index: number) => void,
): void {
  const sizes = cube.dimensions.map((dimension) => dimension.codes.length);
  const counters = sizes.map(() => 0);
  const codes = cube.dimensions.map((dimension) => dimension.codes[0] ?? '');
  for (let index = 0; index < cube.cellCount; index++) {
    visit(codes, cube.valueAt(index), cube.statusAt(index), index);
    for (let axis = sizes.length - 1; axis >= 0; axis--) {
      const next = (counters[axis] ?? 0) + 1;
      if (next < (sizes[axis] ?? 0)) {
        counters[axis] = next;
        codes[axis] = cube.dimensions[axis]?.codes[next] ?? '';
        break;
      }
      counters[axis] = 0;
      codes[axis] = cube.dimensions[axis]?.codes[0] ?? '';
    }
  }
}
