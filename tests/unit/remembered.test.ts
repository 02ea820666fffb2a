/** A page asked for by a known number of routes is made once and freed after the last. */
import { describe, expect, it } from 'vitest';
import { rememberedFor } from '../../src/formats/remembered.ts';

describe('rememberedFor', () => {
  it('makes the value once for all its counted uses, then forgets it', () => {
    const store = new WeakMap<object, Map<string, { value: { n: number }; left: number }>>();
    const owner = {};
    let made = 0;
    const ask = () => rememberedFor(store, owner, 'page', 2, () => ({ n: ++made }));
    const first = ask();
    expect(ask()).toBe(first);
    expect(made).toBe(1);
    expect(store.get(owner)?.has('page')).toBe(false);
    // A third ask, beyond the count, makes it again: slower, the same content.
    expect(ask()).toEqual({ n: 2 });
  });
});
