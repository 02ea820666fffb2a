/** Text made safe inside HTML or XML markup and its double-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Text from a file or an answer, fit for a terminal or log line: control and bidirectional
 * characters shown as escapes (a newline or an ANSI sequence in a file name could forge lines or
 * repaint the screen), cut to `limit` characters.
 */
export function printable(text: string, limit = Number.POSITIVE_INFINITY): string {
  const escaped = text.replace(
    /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu,
    (character) => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
  return escaped.length > limit ? `${escaped.slice(0, limit)}…` : escaped;
}
