/** Content files the förbund's office edits without touching code, validated with the file, field and reason. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fileRefusal, TEXT_FILE_MAX_BYTES } from '../formats/files.ts';
import { unsafeTextFields } from '../schemas/text.ts';
import { bodyProblems, unsafeBody, yamlError } from './content-checks.ts';
import { DialogueContentSchema, type DialogueContent } from '../schemas/dialogue-content.ts';
import {
  FRONTMATTER_MAX_ALIASES,
  frontmatterSizeProblem,
  renderMarkdown,
  splitFrontmatter,
} from '../formats/markdown.ts';
import { issueLines } from '../formats/zod-issues.ts';

export class ContentError extends Error {}

export function loadDialogueContent(root: string, kommun: string): (DialogueContent & { html: string }) | null {
  const path = join(root, 'data/content/dialog', `${kommun}.md`);
  if (!existsSync(path)) return null;
  const refusal = fileRefusal(path, TEXT_FILE_MAX_BYTES);
  if (refusal) throw new ContentError(`${path}: ${refusal}`);
  const { frontmatter, body, bodyLine } = splitFrontmatter(readFileSync(path, 'utf8'));
  const tooLarge = frontmatterSizeProblem(frontmatter);
  if (tooLarge) throw new ContentError(`${path}:2: ${tooLarge}`);
  let data: unknown;
  try {
    data = parse(frontmatter, { maxAliasCount: FRONTMATTER_MAX_ALIASES }) ?? {};
  } catch (error) {
    throw new ContentError(`${path}: frontmatter är inte giltig YAML: ${yamlError(error)}`);
  }
  const unsafe = unsafeTextFields(data);
  const bodyUnsafe = unsafeBody(body, bodyLine);
  if (unsafe.length > 0 || bodyUnsafe)
    throw new ContentError(
      [
        ...unsafe.map((field) => `${path}: ${field.path.join('.')}: ${field.problem}`),
        ...(bodyUnsafe ? [`${path}:${bodyUnsafe}`] : []),
      ].join('\n'),
    );
  const parsed = DialogueContentSchema.safeParse(data);
  if (!parsed.success)
    throw new ContentError(
      issueLines(parsed.error, '(frontmatter)')
        .map((line) => `${path}: ${line}`)
        .join('\n'),
    );
  if (parsed.data.kommun !== kommun)
    throw new ContentError(`${path}: kommun: filen heter ${kommun}.md men anger kommun ${parsed.data.kommun}`);
  const [bodyProblem] = bodyProblems(body, bodyLine);
  if (bodyProblem) throw new ContentError(`${path}:${bodyProblem}`);
  return { ...parsed.data, html: renderMarkdown(body) };
}

/** A dialogue file for a kommun that no published förbund has as member would never be shown: say so. */
export function checkDialogueFiles(root: string, members: Set<string>): void {
  const directory = join(root, 'data/content/dialog');
  if (!existsSync(directory)) return;
  const strays = readdirSync(directory)
    .filter((name) => name.endsWith('.md') && !members.has(name.replace(/\.md$/, '')))
    .map(
      (name) =>
        `${join(directory, name)}: ${name.replace(/\.md$/, '')} är inte medlem i något förbund som webbplatsen publicerar`,
    );
  if (strays.length > 0) throw new ContentError(strays.join('\n'));
}
