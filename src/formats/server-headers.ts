/**
 * `_headers` for hosts that read it (Cloudflare Pages; Netlify reads the same file). A page's
 * `<meta>` CSP cannot say who may frame it and does not cover what is not HTML (SVG, CSV), so the
 * header repeats the pages' policy, with every page's script and style hashes, and adds what only
 * a header can: no page may be framed, except the embeddable charts by the configured websites.
 */

/** Browser features the site never uses, denied to it and to anything it might ever embed. */
const PERMISSIONS = ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'fullscreen=(self)'];

type Policy = Map<string, Set<string>>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const directive of text.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (!name) continue;
    const known = policy.get(name) ?? new Set<string>();
    for (const source of sources) known.add(source);
    policy.set(name, known);
  }
  return policy;
}

/** The union of the pages' policies: each page's own meta tag stays the stricter one. */
export function mergePolicies(texts: string[]): string {
  const merged: Policy = new Map();
  for (const text of texts)
    for (const [name, sources] of parsePolicy(text)) {
      const known = merged.get(name) ?? new Set<string>();
      for (const source of sources) known.add(source);
      merged.set(name, known);
    }
  return [...merged]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, sources]) => [name, ...[...sources].sort()].join(' '))
    .join('; ');
}

/** Where the embeddable charts live: the one place another site may frame. */
export const EMBED_PATH = '/inbaddning/';

export function serverHeaders(pagePolicies: string[], embedOrigins: string[] = []): string {
  const merged = mergePolicies(pagePolicies);
  const framers = embedOrigins.length > 0 ? embedOrigins.join(' ') : "'none'";
  return [
    '/*',
    `  Content-Security-Policy: ${merged}; frame-ancestors 'none'`,
    `  Permissions-Policy: ${PERMISSIONS.join(', ')}`,
    // Browsers ignore it over plain HTTP; over HTTPS it keeps the next visit on HTTPS.
    '  Strict-Transport-Security: max-age=31536000; includeSubDomains',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '  Cross-Origin-Opener-Policy: same-origin',
    // Rules add up; `!` drops the header the rule above set, so the embeds get their own.
    `${EMBED_PATH}*`,
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${merged}; frame-ancestors ${framers}`,
    '',
  ].join('\n');
}
