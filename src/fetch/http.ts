/**
 * HTTP for the fetchers: time-outs, retries with exponential backoff on 429 and 5xx honouring
 * Retry-After, and clear failures. Every request and redirect is held to `trustedUrl`. Error bodies
 * are read as text first: SCB answers rate limits in plain text and problems as
 * application/problem+json, and a proxy may answer 200 with HTML; a message quotes at most a short,
 * escaped excerpt of them.
 */
import { quoted, trustedUrl, UntrustedUrlError } from './trust.ts';

export interface HttpDeps {
  fetch: typeof globalThis.fetch;
  sleep: (milliseconds: number) => Promise<void>;
  now: () => number;
  log: (message: string) => void;
}

export const defaultHttpDeps: HttpDeps = {
  fetch: (input, init) => globalThis.fetch(input, init),
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  now: () => Date.now(),
  log: (message) => process.stderr.write(`${message}\n`),
};

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000, timeoutMs: 60_000 };

export class HttpError extends Error {
  readonly status: number;
  readonly url: string;
  readonly detail: string;
  constructor(url: string, status: number, detail: string) {
    super(`${status === 0 ? 'Inget svar' : `HTTP ${status}`} från ${url}: ${detail}`);
    this.status = status;
    this.url = url;
    this.detail = detail;
  }
}

export interface JsonResponse {
  url: string;
  bytes: Uint8Array;
  json: unknown;
}

/** Seconds or an HTTP date, as Retry-After allows; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Characters of an answer a message may quote. */
const EXCERPT = 200;

/** What an error body says, short and escaped: a problem's title and detail, or text without markup. */
function describeErrorBody(text: string, contentType: string, bytes: number): string {
  if (contentType.includes('json')) {
    try {
      const problem = JSON.parse(text) as Record<string, unknown>;
      const parts = [problem['title'], problem['detail']].filter((part) => typeof part === 'string');
      if (parts.length > 0) return quoted(parts.join(': '), EXCERPT);
    } catch {
      // Fall through to the text itself.
    }
  } else if (contentType !== '' && !contentType.startsWith('text/')) {
    return `(ett svar av typen ${quoted(contentType, 60)}, ${bytes} byte)`;
  }
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? '(tomt svar)' : quoted(plain, EXCERPT);
}

/** Redirects followed within one attempt, each held to the same rule as the request. */
const MAX_REDIRECTS = 5;

export interface JsonRequestInit extends RequestInit {
  /** The configured API (origin and path) this request, its redirects and its links must stay under. */
  within: string;
}

/** One answer, following the redirects the rule allows: a redirect elsewhere stops the fetch, naming it. */
async function fetchFollowing(
  url: string,
  init: JsonRequestInit,
  timeoutMs: number,
  deps: HttpDeps,
): Promise<{ response: Response; url: string }> {
  const { within, ...request } = init;
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const response = await deps.fetch(current, {
      ...request,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || location === null) return { response, url: current };
    if (redirects >= MAX_REDIRECTS)
      throw new HttpError(url, response.status, `fler än ${MAX_REDIRECTS} omdirigeringar`);
    current = trustedUrl(location, within, current).toString();
  }
}

/** A source the fetch reads: its configured API, and how to ask it. */
export interface JsonSource {
  config: { baseUrl: string };
  policy: RetryPolicy;
  deps: HttpDeps;
}

/** A GET to a source's own API: the rule every link of it is held to is its configured `baseUrl`. */
export function getJson(url: string, source: JsonSource): Promise<JsonResponse> {
  return requestJson(url, { method: 'GET', within: source.config.baseUrl }, source.policy, source.deps);
}

/** A server asking for a longer pause than this (a day, say) fails the fetch instead of hanging it. */
export const MAX_RETRY_AFTER_MS = 10 * 60 * 1000;

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * GET or POST expecting JSON. Retries network errors, time-outs, 429, 5xx and a 2xx body that is
 * not valid JSON (a truncated answer); fails at once on other statuses and on a 2xx that is no JSON
 * at all (an HTML page).
 */
export async function requestJson(
  url: string,
  init: JsonRequestInit,
  policy: RetryPolicy,
  deps: HttpDeps,
): Promise<JsonResponse> {
  trustedUrl(url, init.within);
  let lastError = new HttpError(url, 0, 'inget försök gjordes');
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let waitMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    let response: Response;
    let bytes: Uint8Array;
    try {
      ({ response } = await fetchFollowing(url, init, policy.timeoutMs, deps));
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (error instanceof UntrustedUrlError || error instanceof HttpError) throw error;
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const reason = timedOut
        ? `inget svar inom ${policy.timeoutMs / 1000} s`
        : error instanceof Error
          ? error.message
          : String(error);
      lastError = new HttpError(url, 0, reason);
      await pauseBeforeRetry(lastError, attempt, waitMs, policy, deps);
      continue;
    }
    const contentType = response.headers.get('content-type') ?? '';
    const text = new TextDecoder('utf-8').decode(bytes);
    if (response.ok) {
      if (!contentType.includes('json')) {
        throw new HttpError(
          url,
          response.status,
          `väntade JSON men fick ${quoted(contentType, 60) || 'okänd typ'}: ${describeErrorBody(text, contentType, bytes.length)}`,
        );
      }
      try {
        return { url, bytes, json: JSON.parse(text) };
      } catch {
        lastError = new HttpError(url, response.status, 'svaret är inte giltig JSON (avbrutet?)');
        await pauseBeforeRetry(lastError, attempt, waitMs, policy, deps);
        continue;
      }
    }
    lastError = new HttpError(url, response.status, describeErrorBody(text, contentType, bytes.length));
    if (!isRetryable(response.status)) throw lastError;
    waitMs = parseRetryAfter(response.headers.get('retry-after'), deps.now()) ?? waitMs;
    if (waitMs > MAX_RETRY_AFTER_MS)
      throw new HttpError(
        url,
        response.status,
        `servern ber oss vänta ${Math.round(waitMs / 1000)} s, längre än ${MAX_RETRY_AFTER_MS / 1000} s; försök igen senare (${lastError.detail})`,
      );
    await pauseBeforeRetry(lastError, attempt, waitMs, policy, deps);
  }
  throw new HttpError(url, lastError.status, `gav upp efter ${policy.attempts} försök: ${lastError.detail}`);
}

async function pauseBeforeRetry(
  error: HttpError,
  attempt: number,
  waitMs: number,
  policy: RetryPolicy,
  deps: HttpDeps,
): Promise<void> {
  if (attempt >= policy.attempts) return;
  deps.log(
    `  ${error.message}; försöker igen om ${Math.round(waitMs / 100) / 10} s (försök ${attempt + 1} av ${policy.attempts})`,
  );
  await deps.sleep(waitMs);
}

/** A sliding-window limiter: at most `maxCalls` starts within any `windowMs`. */
export function createThrottle(
  maxCalls: number,
  windowMs: number,
  deps: Pick<HttpDeps, 'sleep' | 'now'>,
): () => Promise<void> {
  const starts: number[] = [];
  return async function acquire() {
    for (;;) {
      const now = deps.now();
      while (starts.length > 0 && now - (starts[0] ?? 0) >= windowMs) starts.shift();
      if (starts.length < maxCalls) {
        starts.push(now);
        return;
      }
      await deps.sleep(windowMs - (now - (starts[0] ?? 0)));
    }
  };
}
