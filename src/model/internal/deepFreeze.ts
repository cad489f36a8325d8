/**
 * Freezes a constant and every object and array inside it, so no code
 * outside the library can change what the library reads (a write throws in
 * strict mode). Plain objects and arrays only: `Object.freeze` cannot stop a
 * `Map`, `Set` or `Date` from changing, so one inside a constant is refused.
 * Functions are left as they are.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null)
    throw new TypeError("deepFreeze: only plain objects and arrays can be frozen deeply");
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return value;
}
