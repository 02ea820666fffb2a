/** Reading the built site in `dist/` for tests of what readers actually get. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JSDOM } from 'jsdom';

export const root = join(import.meta.dirname, '../..');
export const dist = join(root, 'dist');

export function requireDist(): void {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error('dist/ saknas: kör npm run build först (npm test gör det).');
}

export function distFiles(extension?: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && (!extension || entry.name.endsWith(extension)))
    .map((entry) => `/${relative(dist, join(entry.parentPath, entry.name))}`)
    .sort();
}

export function page(url: string, directory = dist): Document {
  const path = url.endsWith('/') ? `${url}index.html` : url;
  // jsdom's parser is all we need; no scripts run, so nothing keeps a window alive.
  return new JSDOM(readFileSync(join(directory, path), 'utf8')).window.document;
}

/**
 * A built page's document for one look, its window closed after: loops over every page (hundreds)
 * would otherwise keep every jsdom window until the heap runs out.
 */
export function onPage<T>(url: string, look: (document: Document) => T): T {
  const document = page(url);
  try {
    return look(document);
  } finally {
    document.defaultView?.close();
  }
}

/** Whether an internal URL (path, optionally with #fragment) resolves to a built file and element. */
export function resolves(url: string, from: string, directory = dist): boolean {
  const absolute = new URL(url, `http://site${from}`);
  // A link that runs script or reaches local files is broken, whatever the CSP would stop.
  if (!['http:', 'https:', 'mailto:'].includes(absolute.protocol)) return false;
  if (absolute.host !== 'site') return true;
  const path = absolute.pathname.endsWith('/') ? `${absolute.pathname}index.html` : absolute.pathname;
  if (!existsSync(join(directory, decodeURIComponent(path)))) return false;
  if (absolute.hash.length > 1 && path.endsWith('.html'))
    return idsOf(join(directory, decodeURIComponent(path))).has(decodeURIComponent(absolute.hash.slice(1)));
  return true;
}

const idCache = new Map<string, Set<string>>();

/** Element ids of a built page, read once: fragments are checked against them without a DOM per link. */
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] as string));
    idCache.set(file, ids);
  }
  return ids;
}

/** Every URL a built page links to or loads (href and src), read without a DOM. */
export function linksOf(file: string, directory = dist): string[] {
  const html = readFileSync(join(directory, file), 'utf8');
  return [...html.matchAll(/<(?:a|link|script|img)\s[^>]*?(?:href|src)="([^"]*)"/g)].map((match) =>
    (match[1] as string).replace(/&amp;/g, '&'),
  );
}
