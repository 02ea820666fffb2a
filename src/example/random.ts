/**
 * Seeded, order-independent pseudo-randomness for the example dataset: each value depends only on
 * the seed and its own key, so the example is the same whatever order it is generated in.
 */
export function hashUnit(seed: string, key: string): number {
  let hash = 0x811c9dc5;
  const text = `${seed}|${key}`;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return (hash >>> 0) / 4294967296;
}

/** A standard normal draw for a key (Box–Muller over two hashed uniforms). */
export function hashNormal(seed: string, key: string): number {
  const u = Math.max(1e-12, hashUnit(seed, `${key}#u`));
  const v = hashUnit(seed, `${key}#v`);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
