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
  let values = store.get(owner);
  if (!values) {
    values = new Map();
    store.set(owner, values);
  }
  // has(), not a truthy get(): null and false are values worth remembering too.
  if (!values.has(key)) values.set(key, make());
  return values.get(key) as Value;
}
