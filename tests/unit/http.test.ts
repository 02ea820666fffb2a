import { describe, expect, it } from 'vitest';
import { createThrottle, HttpError, parseRetryAfter, requestJson, type HttpDeps } from '../../src/fetch/http.ts';
import { fakeDeps } from '../helpers/fake-server.ts';

const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 10_000, timeoutMs: 1000 };

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
    const response = await requestJson('https://x/api', {}, policy, deps);
    expect(response.json).toEqual({ ok: true });
    expect(sleeps).toEqual([7000]);
  });

  it('fails at once when Retry-After asks for more than ten minutes, instead of hanging', async () => {
    const { deps, sleeps } = fakeDeps([
      { status: 503, body: 'Underhåll', headers: { 'content-type': 'text/plain', 'retry-after': '86400' } },
    ]);
    await expect(requestJson('https://x/api', {}, policy, deps)).rejects.toThrow(
      /servern ber oss vänta 86400 s, längre än 600 s/,
    );
    expect(sleeps).toEqual([]);
  });

  it('retries a 200 whose JSON is cut off, like a network error', async () => {
    const { deps, sleeps } = fakeDeps([
      { status: 200, body: '{"values":[1,2' },
      { status: 200, body: '{"values":[1,2]}' },
    ]);
    expect((await requestJson('https://x/api', {}, policy, deps)).json).toEqual({ values: [1, 2] });
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
    await requestJson('https://x/api', {}, policy, deps);
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
    await expect(requestJson('https://x/api', {}, policy, deps)).rejects.toThrow(
      /HTTP 400.*Too many cells selected: Max 150000/,
    );
    expect(requests).toHaveLength(1);
  });

  it('treats a 200 with an HTML page as an error', async () => {
    const { deps } = fakeDeps([
      { status: 200, body: '<html><body>Planerat underhåll</body></html>', headers: { 'content-type': 'text/html' } },
    ]);
    await expect(requestJson('https://x/api', {}, policy, deps)).rejects.toThrow(
      /väntade JSON men fick text\/html: Planerat underhåll/,
    );
  });

  it('gives up after the last attempt with the last error', async () => {
    const { deps, requests } = fakeDeps(() => ({
      status: 500,
      body: 'boom',
      headers: { 'content-type': 'text/plain' },
    }));
    const error = await requestJson('https://x/api', {}, policy, deps).catch((caught: unknown) => caught);
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
    const response = await requestJson('https://x/api', {}, { ...policy, timeoutMs: 20 }, deps);
    expect(response.json).toEqual({ late: false });
    expect(calls).toBe(2);
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
