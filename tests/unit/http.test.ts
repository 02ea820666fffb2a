import { describe, expect, it } from 'vitest';
import { createThrottle, HttpError, parseRetryAfter, requestJson, type HttpDeps } from '../../src/fetch/http.ts';
import { trustedUrl, UntrustedUrlError } from '../../src/fetch/trust.ts';
import { fakeDeps } from '../helpers/fake-server.ts';

const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 10_000, timeoutMs: 1000 };
const API = { within: 'https://x/api' };

describe('HTTP with retries', () => {
  it('retries 429 honouring Retry-After in seconds, and reads a plain-text body without parsing it', async () => {
    const { deps, sleeps } = fakeDeps([
      {
        status: 429,
        body: 'Too many requests. Try again later.',
        headers: { 'content-type': 'text/plain', 'retry-after': '7' },
      },
      { status: 200, body: '{"ok":true}' },
    ]);
    const response = await requestJson('https://x/api', API, policy, deps);
    expect(response.json).toEqual({ ok: true });
    expect(sleeps).toEqual([7000]);
  });

  it('fails at once when Retry-After asks for more than ten minutes, instead of hanging', async () => {
    const { deps, sleeps } = fakeDeps([
      { status: 503, body: 'Underhåll', headers: { 'content-type': 'text/plain', 'retry-after': '86400' } },
    ]);
    await expect(requestJson('https://x/api', API, policy, deps)).rejects.toThrow(
      /servern ber oss vänta 86400 s, längre än 600 s/,
    );
    expect(sleeps).toEqual([]);
  });

  it('retries a 200 whose JSON is cut off, like a network error', async () => {
    const { deps, sleeps } = fakeDeps([
      { status: 200, body: '{"values":[1,2' },
      { status: 200, body: '{"values":[1,2]}' },
    ]);
    expect((await requestJson('https://x/api', API, policy, deps)).json).toEqual({ values: [1, 2] });
    expect(sleeps).toEqual([100]);
  });

  it('honours Retry-After as an HTTP date', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });

  it('backs off exponentially on 5xx and network errors', async () => {
    const { deps, sleeps } = fakeDeps([
      { status: 503, body: '<html>Service Unavailable</html>', headers: { 'content-type': 'text/html' } },
      new TypeError('fetch failed'),
      { status: 502, body: '' },
      { status: 200, body: '[]' },
    ]);
    await requestJson('https://x/api', API, policy, deps);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it('fails at once on 400 with the problem+json title and detail', async () => {
    const { deps, requests } = fakeDeps([
      {
        status: 400,
        body: JSON.stringify({
          type: 'Parameter error',
          title: 'Too many cells selected',
          status: 400,
          detail: 'Max 150000',
        }),
        headers: { 'content-type': 'application/problem+json' },
      },
    ]);
    await expect(requestJson('https://x/api', API, policy, deps)).rejects.toThrow(
      /HTTP 400.*Too many cells selected: Max 150000/,
    );
    expect(requests).toHaveLength(1);
  });

  it('treats a 200 with an HTML page as an error', async () => {
    const { deps } = fakeDeps([
      { status: 200, body: '<html><body>Planerat underhåll</body></html>', headers: { 'content-type': 'text/html' } },
    ]);
    await expect(requestJson('https://x/api', API, policy, deps)).rejects.toThrow(
      /väntade JSON men fick text\/html: Planerat underhåll/,
    );
  });

  it('gives up after the last attempt with the last error', async () => {
    const { deps, requests } = fakeDeps(() => ({
      status: 500,
      body: 'boom',
      headers: { 'content-type': 'text/plain' },
    }));
    const error = await requestJson('https://x/api', API, policy, deps).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toMatch(/gav upp efter 4 försök: boom/);
    expect(requests).toHaveLength(4);
  });

  it('times out a call that never answers and retries it', async () => {
    let calls = 0;
    const deps: HttpDeps = {
      ...fakeDeps([]).deps,
      fetch: (_input, init) => {
        calls++;
        if (calls === 1)
          return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
        return Promise.resolve(new Response('{"late":false}', { headers: { 'content-type': 'application/json' } }));
      },
    };
    const response = await requestJson('https://x/api', API, { ...policy, timeoutMs: 20 }, deps);
    expect(response.json).toEqual({ late: false });
    expect(calls).toBe(2);
  });
});

describe('the fetch trusts only its own API', () => {
  const within = 'https://api.kolada.se/v3';
  it('refuses another host, another scheme, credentials and a path outside the API, naming the link', () => {
    expect(trustedUrl('/v3/data/kpi/N1/year/2024?page=2', within, `${within}/data/kpi/N1/year/2024`).toString()).toBe(
      'https://api.kolada.se/v3/data/kpi/N1/year/2024?page=2',
    );
    const refused: [string, RegExp][] = [
      ['http://169.254.169.254/latest/meta-data/iam', /schemat http: används aldrig/],
      ['https://169.254.169.254/latest/meta-data/iam', /leder till https:\/\/169\.254\.169\.254/],
      ['http://127.0.0.1:9999/latest/meta-data/iam', /leder till http:\/\/127\.0\.0\.1:9999/],
      ['data:application/json,{"values":[]}', /schemat data: används aldrig/],
      ['file:///etc/passwd', /schemat file: används aldrig/],
      ['http://api.kolada.se/v3/data', /schemat http: används aldrig/],
      ['https://user:pw@api.kolada.se/v3/data', /inloggningsuppgifter/],
      ['https://api.kolada.se/v2/data', /sökvägen "?\/v2\/data"? ligger utanför \/v3/],
      ['https://api.kolada.se/v3x/data', /ligger utanför \/v3/],
    ];
    for (const [link, reason] of refused) {
      expect(() => trustedUrl(link, within), link).toThrow(UntrustedUrlError);
      expect(() => trustedUrl(link, within), link).toThrow(reason);
    }
    // Loopback over plain http is the tests' fake API, nothing else.
    expect(trustedUrl('http://127.0.0.1:8080/api/v2/config', 'http://127.0.0.1:8080/api/v2').pathname).toBe(
      '/api/v2/config',
    );
  });

  it('shows a refused link escaped and cut short, never whole', () => {
    const error = (() => {
      try {
        trustedUrl(`https://evil.example/\u001b[2J${'x'.repeat(500)}`, within);
      } catch (caught) {
        return caught as Error;
      }
      return null;
    })();
    expect(error?.message).not.toContain('\u001b');
    expect(error?.message).toContain('\\u001b');
    expect(error?.message.length).toBeLessThan(320);
  });

  it('follows a redirect only within the API, and never requests the address it refuses', async () => {
    const { deps, requests } = fakeDeps([
      { status: 301, body: '', headers: { location: '/api/v2/moved' } },
      { status: 302, body: '', headers: { location: 'http://169.254.169.254/latest/meta-data/' } },
    ]);
    await expect(requestJson('https://x/api/v2/config', { within: 'https://x/api/v2' }, policy, deps)).rejects.toThrow(
      /Följer inte länken http:\/\/169\.254\.169\.254\/latest\/meta-data\/: schemat http: används aldrig/,
    );
    expect(requests.map((request) => request.url)).toEqual(['https://x/api/v2/config', 'https://x/api/v2/moved']);
    expect(requests[0]?.init?.redirect).toBe('manual');
    await expect(requestJson('https://elsewhere/api', API, policy, deps)).rejects.toThrow(UntrustedUrlError);
    expect(requests).toHaveLength(2);
  });

  it('quotes an error body short and escaped, and a body that is no text not at all', async () => {
    const secret = `TOPSECRET-\u001b]0;owned\u0007${'A'.repeat(1000)}`;
    const { deps } = fakeDeps([
      { status: 200, body: secret, headers: { 'content-type': 'text/plain' } },
      { status: 404, body: secret, headers: { 'content-type': 'application/octet-stream' } },
    ]);
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => new Error('no failure'),
        (caught: unknown) => caught as Error,
      );
    const first = await failure(requestJson('https://x/api', API, policy, deps));
    expect(first.message).toMatch(/väntade JSON men fick text\/plain: TOPSECRET-\\u001b\]0;owned\\u0007A+…$/);
    expect(first.message.length).toBeLessThan(360);
    const second = await failure(requestJson('https://x/api', API, policy, deps));
    expect(second.message).toMatch(
      /HTTP 404 från https:\/\/x\/api: \(ett svar av typen application\/octet-stream, 1\d{3} byte\)$/,
    );
    expect(second.message).not.toContain('TOPSECRET');
  });
});

describe('throttle', () => {
  it('allows at most maxCalls starts in any window', async () => {
    const { deps, sleeps } = fakeDeps([]);
    const starts: number[] = [];
    const acquire = createThrottle(3, 10_000, deps);
    for (let index = 0; index < 7; index++) {
      await acquire();
      starts.push(deps.now());
    }
    for (let index = 3; index < starts.length; index++)
      expect((starts[index] ?? 0) - (starts[index - 3] ?? 0)).toBeGreaterThanOrEqual(10_000);
    expect(sleeps.length).toBeGreaterThan(0);
  });
});
