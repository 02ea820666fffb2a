/**
 * The small Markdown subset the förbund's office writes in content files: paragraphs, bullet and
 * numbered lists, **bold**, *italics* and [links](https://…). Everything else is text, escaped, so
 * a content file can never inject markup or scripts into a page.
 */
import { escapeXml } from './escape.ts';

function inline(text: string): string {
  return escapeXml(text)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    .replace(/\[([^\]]+)\]\(((?:https?:\/\/|\/|mailto:)[^)\s]+)\)/g, '<a href="$2">$1</a>');
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

/** Splits `---` YAML frontmatter from the Markdown body. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string; bodyLine: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { frontmatter: '', body: source, bodyLine: 1 };
  return { frontmatter: match[1] ?? '', body: source.slice(match[0].length), bodyLine: match[0].split('\n').length };
}
