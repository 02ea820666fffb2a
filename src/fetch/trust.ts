/**
 * The one rule for every request the fetch makes: https to a configured API (its origin and path),
 * plain http only to loopback for tests. A paging link or a redirect from an answer is held to the
 * same rule, so an upstream (or anyone in its place) cannot send the fetch to the instance-metadata
 * address of a cloud runner, to a `data:` URL that would be read as data, or anywhere else.
 */
import { printable } from '../formats/escape.ts';

export class UntrustedUrlError extends Error {
  readonly link: string;
  constructor(link: string, within: string, reason: string) {
    super(`Följer inte länken ${quoted(link)}: ${reason}. Hämtningen går bara till ${within}.`);
    this.link = link;
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** A refused link is named, never echoed whole: it came from an answer, and logs may be public. */
const LINK_SHOWN = 160;

/**
 * `link` (absolute, or relative to `from`) as a URL the fetch may request: the configured `within`
 * API's own origin, under its path, with no credentials; otherwise an UntrustedUrlError naming it.
 */
export function trustedUrl(link: string, within: string, from: string = within): URL {
  const base = new URL(within);
  let url: URL;
  try {
    url = new URL(link, from);
  } catch {
    throw new UntrustedUrlError(link, within, 'den är ingen adress');
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure) throw new UntrustedUrlError(link, within, `schemat ${url.protocol} används aldrig`);
  if (url.origin !== base.origin) throw new UntrustedUrlError(link, within, `den leder till ${url.origin}`);
  if (url.username !== '' || url.password !== '')
    throw new UntrustedUrlError(link, within, 'den bär inloggningsuppgifter');
  const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  if (url.pathname !== base.pathname && !url.pathname.startsWith(prefix))
    throw new UntrustedUrlError(link, within, `sökvägen ${quoted(url.pathname)} ligger utanför ${base.pathname}`);
  return url;
}

/** Text from an answer, fit for a log line (see `printable`), cut short by default. */
export function quoted(text: string, limit = LINK_SHOWN): string {
  return printable(text, limit);
}
