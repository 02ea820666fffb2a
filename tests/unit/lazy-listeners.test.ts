import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyListeners, rewriteEventTarget } from '../../src/vite/lazy-listeners.ts';

const linkedomRoot = dirname(createRequire(import.meta.url).resolve('linkedom/package.json'));
const installed = readFileSync(join(linkedomRoot, 'esm/interface/event-target.js'), 'utf8');

async function rewrittenModule(): Promise<{ EventTarget: new () => EventTarget }> {
  return import(`data:text/javascript,${encodeURIComponent(rewriteEventTarget(installed))}`);
}

function fakeEvent(type: string) {
  return {
    type,
    bubbles: false,
    _path: [] as unknown[],
    CAPTURING_PHASE: 1,
    AT_TARGET: 2,
    BUBBLING_PHASE: 3,
    NONE: 0,
    defaultPrevented: false,
  };
}

describe('lazy listener registry for linkedom', () => {
  it('no longer registers a node when it is made', () => {
    const rewritten = rewriteEventTarget(installed);
    expect(installed).toContain('wm.set(this, new Map);\n  }');
    expect(rewritten).toContain('constructor() {}');
  });

  it('still delivers events to listeners, and removes them', async () => {
    const { EventTarget } = await rewrittenModule();
    const target = new EventTarget();
    const seen: string[] = [];
    const listener = (event: { type: string }) => seen.push(event.type);
    target.dispatchEvent(fakeEvent('tidig') as unknown as Event);
    target.addEventListener('klick', listener);
    target.dispatchEvent(fakeEvent('klick') as unknown as Event);
    target.removeEventListener('klick', listener);
    target.dispatchEvent(fakeEvent('klick') as unknown as Event);
    new EventTarget().removeEventListener('klick', listener);
    expect(seen).toEqual(['klick']);
  });

  it('stops the build when linkedom changes the file, naming what it could not find', () => {
    expect(() => rewriteEventTarget(installed.replace('wm.set(this, new Map);', 'this.listeners = new Map;'))).toThrow(
      /linkedom event-target\.js har ändrats.*constructor/,
    );
  });

  it('rewrites only linkedom’s event target', () => {
    const plugin = lazyListeners() as { transform: (code: string, id: string) => { code: string } | null };
    expect(plugin.transform(installed, '/p/node_modules/linkedom/esm/interface/event-target.js')?.code).toContain(
      'constructor() {}',
    );
    expect(plugin.transform(installed, '/p/node_modules/other/esm/interface/event-target.js')).toBeNull();
  });
});
