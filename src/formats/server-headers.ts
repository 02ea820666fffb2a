/**
 * `_headers` for hosts that read it (Cloudflare Pages; Netlify reads the same file). A page's
 * `<meta>` CSP cannot say who may frame it and does not cover what is not HTML (SVG, CSV), so the
 * header repeats the pages' policy, with every page's script and style hashes, and adds what only
 * a header can: no page may be framed, except the embeddable charts by the configured websites.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** One path pattern and the headers a response under it carries; later rules win for their paths. */
export interface HeaderRule {
  /** `/*` for everything, or a folder `/<name>/*`. */
  path: string;
  headers: [name: string, value: string][];
}

/**
 * The site's headers as rules, the one source for `_headers` and the nginx and Apache
 * configurations: every response gets the pages' policy and the hardening headers; the embeds may
 * be framed by the configured websites; hashed assets are cached for a year.
 */
/** Every page's own CSP (from its `<meta>`), once each, from a built site. */
export function pagePoliciesIn(directory: string): string[] {
  const policies = new Set<string>();
  for (const file of readdirSync(directory, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(
      readFileSync(join(directory, file), 'utf8'),
    );
    if (meta?.[1]) policies.add(meta[1]);
  }
  return [...policies];
}

export function headerRules(pagePolicies: string[], embedOrigins: string[] = []): HeaderRule[] {
  const merged = mergePolicies(pagePolicies);
  const framers = embedOrigins.length > 0 ? embedOrigins.join(' ') : "'none'";
  const common: HeaderRule['headers'] = [
    ['Permissions-Policy', PERMISSIONS.join(', ')],
    // Browsers ignore it over plain HTTP; over HTTPS it keeps the next visit on HTTPS.
    ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
  return [
    { path: '/*', headers: [['Content-Security-Policy', `${merged}; frame-ancestors 'none'`], ...common] },
    { path: `${EMBED_PATH}*`, headers: [['Content-Security-Policy', `${merged}; frame-ancestors ${framers}`]] },
    // Astro names these files by their content: a changed file gets a new name, so a year is safe.
    { path: '/_astro/*', headers: [['Cache-Control', 'public, max-age=31536000, immutable']] },
  ];
}

/** `_headers` as Netlify and Cloudflare Pages read it: rules add up, `!` drops a header set above. */
export function serverHeaders(pagePolicies: string[], embedOrigins: string[] = []): string {
  const [all, ...folders] = headerRules(pagePolicies, embedOrigins);
  const everywhere = new Set(all?.headers.map(([name]) => name));
  return [
    ...[all, ...folders].flatMap((rule, index) => [
      rule?.path,
      ...(rule?.headers ?? []).flatMap(([name, value]) => [
        ...(index > 0 && everywhere.has(name) ? [`  ! ${name}`] : []),
        `  ${name}: ${value}`,
      ]),
    ]),
    '',
  ].join('\n');
}

/** The headers in force under a folder's rule: the first rule's (for every path), with the folder's replacing theirs. */
function effective(rules: HeaderRule[], index: number): HeaderRule['headers'] {
  const byName = new Map<string, string>(rules[0]?.headers);
  for (const [name, value] of rules[index]?.headers ?? []) byName.set(name, value);
  return [...byName];
}

const quoted = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * An nginx `server` block's inner part, for a root holding dist/. nginx drops a server's
 * `add_header`s in any location that has its own, so each location repeats them all.
 */
export function nginxConfig(rules: HeaderRule[]): string {
  const lines = (headers: HeaderRule['headers'], indent: string) =>
    headers.map(([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`);
  return [
    '# Skapad av npm run server-config -- nginx, ur samma regler som dist/_headers.',
    '# Lägg in i ett server-block vars root är dist/.',
    'index index.html;',
    'error_page 404 /404.html;',
    'location / {',
    '    try_files $uri $uri/ =404;',
    ...lines(effective(rules, 0), '    '),
    '}',
    ...rules
      .slice(1)
      .flatMap((rule, index) => [
        `location ${rule.path.replace(/\*$/, '')} {`,
        '    try_files $uri $uri/ =404;',
        ...lines(effective(rules, index + 1), '    '),
        '}',
      ]),
    '',
  ].join('\n');
}

/** Apache (mod_headers): the same headers, the embeds' policy set last for their folder. */
export function apacheConfig(rules: HeaderRule[]): string {
  const lines = (headers: HeaderRule['headers'], indent: string) =>
    headers.map(([name, value]) => `${indent}Header always set ${name} ${quoted(value)}`);
  return [
    '# Skapad av npm run server-config -- apache, ur samma regler som dist/_headers.',
    '# Lägg in i den VirtualHost vars DocumentRoot är dist/; kräver mod_headers.',
    'ErrorDocument 404 /404.html',
    ...lines(rules[0]?.headers ?? [], ''),
    ...rules
      .slice(1)
      .flatMap((rule) => [
        `<LocationMatch "^${rule.path.replace(/\*$/, '')}">`,
        ...lines(rule.headers, '    '),
        '</LocationMatch>',
      ]),
    '',
  ].join('\n');
}
