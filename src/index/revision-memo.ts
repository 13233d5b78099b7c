/** What the index can be asked for its revision: it grows whenever an answer could change. */
interface Revised {
  revision(): number;
}

const kept = new WeakMap<Revised, Map<string, { revision: number; value: unknown }>>();

/**
 * The value last computed for this key while the index stood at its current revision, else
 * computed now. The `size` most recently used keys are kept per index; a key is one kind of
 * answer for one topic and server, so a few dozen cover what members ask between polls.
 */
export function memoByRevision<T>(index: Revised, key: string, size: number, compute: () => T): T {
  let values = kept.get(index);
  if (!values) kept.set(index, (values = new Map()));
  const revision = index.revision();
  const found = values.get(key);
  values.delete(key);
  const value = found?.revision === revision ? (found.value as T) : compute();
  values.set(key, { revision, value });
  if (values.size > size) values.delete(values.keys().next().value!);
  return value;
}
