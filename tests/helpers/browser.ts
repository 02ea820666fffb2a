/**
 * A static server over dist/ on loopback and a headless Chromium through playwright-core: Debian's
 * where it is installed, else the one shipped inside the npm package @sparticuz/chromium, so that
 * `npm test` needs no apt step and never downloads a browser.
 */
import sparticuz from '@sparticuz/chromium';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { dist, requireDist } from './dist.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
};

/**
 * The headers `_headers` gives a path, as a static host applies them. Cloudflare Pages: every
 * matching rule in order (`*` matches any rest of the path), a header set twice is joined with a
 * comma, and `! Name` drops one an earlier rule set. Netlify (its `@netlify/headers-parser` and
 * `headersForPath`): a line without a colon (`! Name`) is skipped, and a later matching rule's
 * header replaces an earlier rule's.
 */
export function headersFor(
  rules: string,
  pathname: string,
  host: 'cloudflare' | 'netlify' = 'cloudflare',
): Record<string, string> {
  const headers: Record<string, string> = {};
  let matches = false;
  let rule: Record<string, string> = {};
  const close = () => {
    for (const [name, value] of Object.entries(rule))
      headers[name] = host === 'cloudflare' && headers[name] ? `${headers[name]}, ${value}` : value;
    rule = {};
  };
  for (const line of rules.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      close();
      const pattern = line.trim();
      matches = pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
    } else if (matches) {
      const detached = /^\s*!\s*([^:]+)$/.exec(line);
      if (detached) {
        if (host === 'cloudflare') delete headers[(detached[1] ?? '').trim().toLowerCase()];
      } else if (line.includes(':')) {
        const [name = '', ...value] = line.trim().split(':');
        const key = name.trim().toLowerCase();
        rule[key] = rule[key] ? `${rule[key]}, ${value.join(':').trim()}` : value.join(':').trim();
      }
    }
  }
  close();
  return headers;
}

/** dist/ served as a static host would, with the headers its `_headers` sets. */
export async function serveDist(directory = dist, headerRules?: string): Promise<{ server: Server; origin: string }> {
  const rulesFile = join(directory, '_headers');
  const rules = headerRules ?? (existsSync(rulesFile) ? readFileSync(rulesFile, 'utf8') : '');
  const server = createServer((request, response) => {
    // Slashes merged, as nginx and many hosts do: `//dialog/2460/` serves the deck.
    const pathname = decodeURIComponent(
      new URL((request.url ?? '/').replace(/^\/+/, '/'), 'http://localhost').pathname,
    ).replace(/\/{2,}/g, '/');
    let path = normalize(join(directory, pathname));
    if (!path.startsWith(directory)) return void response.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return void response.writeHead(404).end('Not found');
    response.writeHead(200, {
      ...headersFor(rules, pathname),
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    });
    createReadStream(path).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export async function chromiumPath(): Promise<string> {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) return configured;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return sparticuz.executablePath();
}

export async function launchChromium(): Promise<Browser> {
  // Our own flags, not the package's defaults: those turn off web security, which the CSP tests need.
  return chromium.launch({
    executablePath: await chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A server over the built site and a Chromium for one test file: started before its tests and
 * closed after them. Read `browser` and `origin` inside tests, once the hook has run.
 */
export function browserSession(): { readonly browser: Browser; readonly origin: string } {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let origin = '';
  beforeAll(async () => {
    requireDist();
    ({ server, origin } = await serveDist());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium körs inte ännu: läs browser inuti ett test.');
      return browser;
    },
    get origin() {
      return origin;
    },
  };
}
