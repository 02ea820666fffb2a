/**
 * A value made once per owner and key, for the build's life: pages, downloads and open data ask
 * for the same series, tables and pages many times. The owner (a snapshot, a file, a view) holds
 * its values weakly, so they go when it goes.
 */
export function remembered<Owner extends object, Key, Value>(
  store: WeakMap<Owner, Map<Key, Value>>,
  owner: Owner,
  key: Key,
  make: () => Value,
): Value {
  const values = valuesOf(store, owner);
  // has(), not a truthy get(): null and false are values worth remembering too.
  if (!values.has(key)) values.set(key, make());
  return values.get(key) as Value;
}

/**
 * A value asked for a known number of times (the build's routes that show it), forgotten after the
 * last: a page's charts are drawn once for its embed and its own page, then freed, instead of held
 * for the whole build. Asked once more than counted, it is made again: slower, never wrong.
 */
export function rememberedFor<Owner extends object, Key, Value>(
  store: WeakMap<Owner, Map<Key, { value: Value; left: number }>>,
  owner: Owner,
  key: Key,
  uses: number,
  make: () => Value,
): Value {
  const values = valuesOf(store, owner);
  const entry = values.get(key) ?? { value: make(), left: uses };
  entry.left -= 1;
  if (entry.left > 0) values.set(key, entry);
  else values.delete(key);
  return entry.value;
}

/** The owner's values, an empty store made on first use. */
function valuesOf<Owner extends object, Key, Value>(
  store: WeakMap<Owner, Map<Key, Value>>,
  owner: Owner,
): Map<Key, Value> {
  let values = store.get(owner);
  if (!values) {
    values = new Map();
    store.set(owner, values);
  }
  return values;
}
