/**
 * The checks both content files (initiatives and dialogue texts) run on their frontmatter and
 * Markdown body, written once: each loader adds its path and reports in its own way.
 */
import { bodySizeProblem, insecureLinkProblem } from '../formats/markdown.ts';
import { unsafeCharacter } from '../schemas/text.ts';

/** Why the YAML parser gave up, in a line: an alias bomb is named, nesting past its stack is said so. */
export function yamlFailure(message: string, deepNesting: boolean): string {
  return deepNesting || /call stack/.test(message) ? 'för djupt nästlad' : (message.split('\n')[0] ?? '');
}

/** The same for a thrown error: a RangeError is the parser's stack running out. */
export function yamlError(error: unknown): string {
  return yamlFailure(error instanceof Error ? error.message : String(error), error instanceof RangeError);
}

/** A character no text may hold, in the body: `"<line>: texten …"`, or null. Tabs and CR are text here. */
export function unsafeBody(body: string, bodyLine: number): string | null {
  const problem = unsafeCharacter(body.replace(/[\t\r]/g, ' '), true);
  return problem ? `${bodyLine}: texten ${problem}` : null;
}

/** A body too long, and its first `http:` link, each as `"<line>: …"`. */
export function bodyProblems(body: string, bodyLine: number): string[] {
  const tooLong = bodySizeProblem(body);
  const insecure = insecureLinkProblem(body);
  return [
    ...(tooLong ? [`${bodyLine}: ${tooLong}`] : []),
    ...(insecure ? [`${bodyLine + insecure.line - 1}: ${insecure.message}`] : []),
  ];
}
