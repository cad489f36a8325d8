/**
 * Freezes a constant and every object and array inside it, so no code
 * outside the library can change what the library reads (a write throws in
 * strict mode). Plain objects and arrays only: `Object.freeze` cannot stop a
 * `Map`, `Set` or `Date` from changing, so one inside a constant is refused.
 * Functions are left as they are. What is walked is an array's elements and
 * an object's own enumerable string keys: the properties of data and of
 * object literals. Other properties (a symbol key, a non-enumerable one)
 * are frozen in place, but what they hold is not walked.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null)
    throw new TypeError("deepFreeze: only plain objects and arrays can be frozen deeply");
  Object.freeze(value);
  // An array's elements by index: listing its keys would build a string for each index.
  if (Array.isArray(value)) for (let index = 0; index < value.length; index += 1) deepFreeze(value[index] as unknown);
  // Own enumerable keys, without listing them (a list per object costs more than the freezing).
  else for (const key in value) if (Object.hasOwn(value, key)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
