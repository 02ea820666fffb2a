/** Reading the built site in `dist/` for tests of what readers actually get. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JSDOM } from 'jsdom';

export const root = join(import.meta.dirname, '../..');
export const dist = join(root, 'dist');

export function requireDist(): void {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ saknas: kör npm run build först (npm test gör det).');
}

export function distFiles(extension?: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && (!extension || entry.name.endsWith(extension)))
    .map((entry) => `/${relative(dist, join(entry.parentPath, entry.name))}`)
    .sort();
}

export function page(url: string, directory = dist): Document {
  const path = url.endsWith('/') ? `${url}index.html` : url;
  return new JSDOM(readFileSync(join(directory, path), 'utf8')).window.document;
}

/** Whether an internal URL (path, optionally with #fragment) resolves to a built file and element. */
export function resolves(url: string, from: string, directory = dist): boolean {
  const absolute = new URL(url, `http://site${from}`);
  if (absolute.host !== 'site') return true;
  const path = absolute.pathname.endsWith('/') ? `${absolute.pathname}index.html` : absolute.pathname;
  if (!existsSync(join(directory, decodeURIComponent(path)))) return false;
  if (absolute.hash.length > 1 && path.endsWith('.html')) return page(absolute.pathname, directory).getElementById(decodeURIComponent(absolute.hash.slice(1))) !== null;
  return true;
}
