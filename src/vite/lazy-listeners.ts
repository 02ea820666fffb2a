/** A Vite plugin for the build: linkedom's nodes without a listener map each (see the rewrite). */
import type { Plugin } from 'vite';
import { EVENT_TARGET_FILE, rewriteEventTarget } from '../charts/lazy-listeners.ts';

export function lazyListeners(): Plugin {
  return {
    name: 'lagesbild:lazy-listeners',
    enforce: 'pre',
    transform(code, id) {
      return EVENT_TARGET_FILE.test(id) ? { code: rewriteEventTarget(code), map: null } : null;
    },
  };
}
