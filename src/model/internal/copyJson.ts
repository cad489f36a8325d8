/**
 * A deep copy of a plain JSON value, as `JSON.parse(JSON.stringify(value))`
 * gives for the values the library builds (plain objects, arrays, strings,
 * finite numbers, booleans, null; keys holding `undefined` are left out),
 * without writing and reading the text. Depth is bounded by the values
 * themselves, which the library builds a few levels deep.
 */
export function copyJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((element: unknown) => (element === undefined ? null : copyJson(element))) as T;
  const copy: Record<string, unknown> = {};
  // Own keys only, without building the list of them.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined && typeof field !== "function") copy[key] = copyJson(field);
  }
  return copy as T;
}
