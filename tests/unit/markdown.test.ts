/** The office's Markdown: only safe links, in linear time, and files as Windows saves them. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown, splitFrontmatter } from '../../src/formats/markdown.ts';

describe('content Markdown', () => {
  it('links to https, mailto and this site, never to another host dressed as a path', () => {
    expect(renderMarkdown('[SCB](https://www.scb.se/) och [oss](/om-statistiken/)')).toBe(
      '<p><a href="https://www.scb.se/">SCB</a> och <a href="/om-statistiken/">oss</a></p>',
    );
    for (const target of ['//evil.se/', '/\\\\evil.se/', 'javascript:alert(1)', 'data:text/html,x'])
      expect(renderMarkdown(`[klicka](${target})`), target).not.toContain('<a ');
  });

  it('reads links before emphasis, so a * in an address stays an address', () => {
    expect(renderMarkdown('[lista](https://x.se/*a*) och *kursiv*')).toBe(
      '<p><a href="https://x.se/*a*">lista</a> och <em>kursiv</em></p>',
    );
  });

  it('escapes everything else', () => {
    expect(renderMarkdown('<script>alert(1)</script> & "citat"')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;</p>',
    );
  });

  it('renders 300 000 opening brackets as text (the link pattern tries each against the next ] only)', () => {
    expect(renderMarkdown('['.repeat(300_000))).toBe(`<p>${'['.repeat(300_000)}</p>`);
  });

  it('accepts front matter saved with a BOM and CRLF', () => {
    const { frontmatter, body } = splitFrontmatter('\uFEFF---\r\nkommun: "2460"\r\n---\r\nText.\r\n');
    expect(frontmatter).toBe('kommun: "2460"');
    expect(body).toBe('Text.\r\n');
  });
});
