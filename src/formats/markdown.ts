/**
 * The small Markdown subset the förbund's office writes in content files: paragraphs, bullet and
 * numbered lists, **bold**, *italics* and [links](https://…). Everything else is text, escaped, so
 * a content file can never inject markup or scripts into a page.
 */
import { escapeXml } from './escape.ts';

/**
 * A link: a label without brackets (so each `[` is tried against the next `]` only, in linear
 * time), and a target that is https, mailto, or a path on this site. `//host` and `/\host` are
 * other hosts that look like paths, and are left as text; so is an `http:` link, which the loaders
 * refuse with its line (`insecureLinkProblem`).
 */
const LINK = /\[([^[\]\n]{1,500})\]\(((?:https:\/\/|mailto:|\/(?![/\\]))[^()\s]{0,2000})\)/g;

/** The first `http:` link of a body, as a problem with its line within the body (1-based), or null. */
export function insecureLinkProblem(body: string): { line: number; message: string } | null {
  const match = /\]\((http:\/\/[^()\s]{0,80})/.exec(body);
  if (!match) return null;
  return {
    line: body.slice(0, match.index).split('\n').length,
    message: `länken ${match[1]} måste vara https: (webbplatsen länkar inte okrypterat)`,
  };
}

function emphasis(escaped: string): string {
  return escaped.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>').replace(/\*([^*]+)\*/g, '<em>$1</em>');
}

/** Links first, set aside, so that a `*` in an address never becomes emphasis. */
function inline(text: string): string {
  const links: string[] = [];
  const rest = text.replace(/\u0000/g, '').replace(LINK, (_, label: string, href: string) => {
    links.push(`<a href="${escapeXml(href)}">${emphasis(escapeXml(label))}</a>`);
    return `\u0000${links.length - 1}\u0000`;
  });
  return emphasis(escapeXml(rest)).replace(/\u0000(\d+)\u0000/g, (_, index: string) => links[Number(index)] ?? '');
}

export function renderMarkdown(source: string): string {
  const blocks = source
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/);
  return blocks
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n').map((line) => line.trim());
      if (lines.every((line) => /^[-*] /.test(line)))
        return `<ul>${lines.map((line) => `<li>${inline(line.slice(2))}</li>`).join('')}</ul>`;
      if (lines.every((line) => /^\d+[.)] /.test(line)))
        return `<ol>${lines.map((line) => `<li>${inline(line.replace(/^\d+[.)] /, ''))}</li>`).join('')}</ol>`;
      return `<p>${inline(lines.join(' '))}</p>`;
    })
    .join('\n');
}

/** A page of text is a few thousand characters; a body beyond this is a pasted file, not content. */
export const MARKDOWN_MAX_CHARS = 50_000;

/** Why a body is refused, or null. */
export function bodySizeProblem(body: string): string | null {
  return body.length > MARKDOWN_MAX_CHARS
    ? `texten är ${body.length} tecken; högst ${MARKDOWN_MAX_CHARS} tillåts (dela upp den eller länka till ett dokument)`
    : null;
}

/** Frontmatter holds a handful of short fields; ten thousand characters is a wide margin. */
export const FRONTMATTER_MAX_CHARS = 10_000;
/** YAML aliases a frontmatter may use: none is needed, and a few hundred expand into a billion nodes. */
export const FRONTMATTER_MAX_ALIASES = 20;

export function frontmatterSizeProblem(frontmatter: string): string | null {
  return frontmatter.length > FRONTMATTER_MAX_CHARS
    ? `frontmatter är ${frontmatter.length} tecken; högst ${FRONTMATTER_MAX_CHARS} tillåts`
    : null;
}

/** Splits `---` YAML frontmatter from the Markdown body. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string; bodyLine: number } {
  // Windows Notepad saves with a BOM and CRLF.
  source = source.replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { frontmatter: '', body: source, bodyLine: 1 };
  return { frontmatter: match[1] ?? '', body: source.slice(match[0].length), bodyLine: match[0].split('\n').length };
}
