/**
 * The value `map` holds for `key`, computed and kept on first use. A map
 * that reaches `limit` entries starts again, so a long-running host holds a
 * bounded memory of a pure function's answers.
 */
export function remember<Key, Value>(map: Map<Key, Value>, key: Key, limit: number, compute: (key: Key) => Value): Value {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= limit) map.clear();
    value = compute(key);
    map.set(key, value);
  }
  return value;
}
