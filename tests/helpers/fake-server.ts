import type { HttpDeps } from '../../src/fetch/http.ts';

export type Reply = { status: number; body: string; headers?: Record<string, string> } | Error;

/** A fake server for fetch tests: replies in order, recording each request and each pause. */
export function fakeDeps(replies: Reply[] | ((url: string, init?: RequestInit) => Reply)) {
  const requests: { url: string; init?: RequestInit | undefined }[] = [];
  const sleeps: number[] = [];
  let clock = 1_000_000;
  const deps: HttpDeps = {
    fetch: async (input, init) => {
      const url = String(input);
      requests.push({ url, init });
      const reply = Array.isArray(replies) ? replies.shift() : replies(url, init);
      if (!reply) throw new Error('no more replies');
      if (reply instanceof Error) throw reply;
      return new Response(reply.body, {
        status: reply.status,
        headers: reply.headers ?? { 'content-type': 'application/json' },
      });
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    now: () => clock,
    log: () => {},
  };
  return { deps, requests, sleeps };
}
