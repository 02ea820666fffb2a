/**
 * Joint initiatives from `data/content/initiativ/<förbund>/*.md`: YAML frontmatter validated with zod
 * (errors name the file, line, field and reason) and a Markdown body.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { fileRefusal, TEXT_FILE_MAX_BYTES } from '../formats/files.ts';
import { unsafeTextFields } from '../schemas/text.ts';
import { bodyProblems, unsafeBody, yamlError, yamlFailure } from './content-checks.ts';
import { InitiativeSchema, type Initiative } from '../schemas/initiative.ts';
import {
  FRONTMATTER_MAX_ALIASES,
  frontmatterSizeProblem,
  renderMarkdown,
  splitFrontmatter,
} from '../formats/markdown.ts';
import { fieldPath, issueLines } from '../formats/zod-issues.ts';

export class InitiativeError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Fel i initiativfilerna:\n${problems.join('\n')}`);
    this.problems = problems;
  }
}

export interface LoadedInitiative extends Initiative {
  /** URL segment: the number, zero-padded ("01"). */
  slug: string;
  file: string;
  html: string;
}

export function readInitiativeFile(
  path: string,
  indicatorIds: Set<string>,
): { initiative: LoadedInitiative | null; problems: string[] } {
  const refusal = fileRefusal(path, TEXT_FILE_MAX_BYTES);
  if (refusal) return { initiative: null, problems: [`${path}:1: ${refusal}`] };
  const source = readFileSync(path, 'utf8');
  const { frontmatter, body, bodyLine } = splitFrontmatter(source);
  if (frontmatter === '')
    return { initiative: null, problems: [`${path}:1: frontmatter saknas: filen ska börja med --- och fälten i YAML`] };
  const tooLarge = frontmatterSizeProblem(frontmatter);
  if (tooLarge) return { initiative: null, problems: [`${path}:2: ${tooLarge}`] };
  const lineCounter = new LineCounter();
  // Frontmatter starts on line 2 of the file, after the opening ---.
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line + 1);
  let document: ReturnType<typeof parseDocument>;
  let data: unknown;
  try {
    document = parseDocument(frontmatter, { lineCounter });
    if (document.errors.length > 0)
      return {
        initiative: null,
        // The first few: a fault deep in nested brackets is reported once per level.
        problems: document.errors
          .slice(0, 3)
          .map((error) => `${path}:${lineOf(error.pos[0])}: ogiltig YAML: ${yamlFailure(error.message, false)}`),
      };
    data = document.toJS({ maxAliasCount: FRONTMATTER_MAX_ALIASES });
  } catch (error) {
    // An alias bomb, or nesting deeper than the parser's stack: named, never a stack trace.
    return { initiative: null, problems: [`${path}:2: ogiltig YAML: ${yamlError(error)}`] };
  }
  const problems: string[] = [];
  const where = (fieldPath: (string | number)[]) => {
    for (let depth = fieldPath.length; depth > 0; depth--) {
      const node = document.getIn(fieldPath.slice(0, depth), true);
      if (isNode(node)) return lineOf(node.range?.[0]);
    }
    return 1;
  };
  const unsafe = unsafeTextFields(data);
  const bodyUnsafe = unsafeBody(body, bodyLine);
  if (unsafe.length > 0 || bodyUnsafe)
    return {
      initiative: null,
      problems: [
        ...unsafe.map((field) => `${path}:${where(field.path)}: ${field.path.join('.')}: ${field.problem}`),
        ...(bodyUnsafe ? [`${path}:${bodyUnsafe}`] : []),
      ],
    };
  const parsed = InitiativeSchema.safeParse(data);
  if (!parsed.success) {
    const lines = issueLines(parsed.error, '(frontmatter)');
    parsed.error.issues.forEach((issue, index) => problems.push(`${path}:${where(fieldPath(issue))}: ${lines[index]}`));
    return { initiative: null, problems };
  }
  parsed.data.indicators.forEach((entry, index) => {
    if ('id' in entry && !indicatorIds.has(entry.id))
      problems.push(
        `${path}:${where(['indicators', index, 'id'])}: indicators.${index}.id: okänd indikator "${entry.id}" (finns inte i data/config/indicators.json)`,
      );
  });
  // The file list is sorted by name; a number in the name that differs would mislead whoever edits.
  const named = /^(\d+)-/.exec(basename(path))?.[1];
  if (named !== undefined && Number(named) !== parsed.data.number)
    problems.push(
      `${path}:${where(['number'])}: number: filnamnet börjar med ${named} men number är ${parsed.data.number}`,
    );
  for (const problem of bodyProblems(body, bodyLine)) problems.push(`${path}:${problem}`);
  if (problems.length > 0) return { initiative: null, problems };
  return {
    initiative: {
      ...parsed.data,
      slug: String(parsed.data.number).padStart(2, '0'),
      file: path,
      html: renderMarkdown(body),
    },
    problems,
  };
}

/** Every initiative of a förbund, by number; throws with every problem of every file. */
export function loadInitiatives(root: string, forbundId: string, indicatorIds: Set<string>): LoadedInitiative[] {
  const directory = join(root, 'data/content/initiativ', forbundId);
  if (!existsSync(directory)) return [];
  const problems: string[] = [];
  const initiatives: LoadedInitiative[] = [];
  for (const name of readdirSync(directory)
    .filter((file) => file.endsWith('.md'))
    .sort()) {
    const result = readInitiativeFile(join(directory, name), indicatorIds);
    problems.push(...result.problems);
    if (result.initiative) initiatives.push(result.initiative);
  }
  const seen = new Map<number, string>();
  for (const initiative of initiatives) {
    const other = seen.get(initiative.number);
    if (other) problems.push(`${initiative.file}:1: number: nummer ${initiative.number} används redan av ${other}`);
    seen.set(initiative.number, initiative.file);
  }
  if (problems.length > 0) throw new InitiativeError(problems);
  return initiatives.sort((a, b) => a.number - b.number);
}
