/**
 * Strict deep equality as the Node tests compare `// =>` lines (vitest's
 * `toStrictEqual`): same prototypes, same keys (an `undefined` property counts),
 * sparse arrays differ from `undefined` entries, `NaN` equals `NaN`.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !deepEqual(value, b.get(key))) return false;
    return true;
  }
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    for (const value of a) if (![...b].some((other) => deepEqual(value, other))) return false;
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) {
      if (i in a !== i in b || !deepEqual(a[i], b[i])) return false;
    }
    return true;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(recordA[key], recordB[key]));
}

/** A value as one would write it in a `// =>` line. */
export function show(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Map) return `new Map(${show([...value])})`;
  if (value instanceof Set) return `new Set(${show([...value])})`;
  try {
    const text = JSON.stringify(value, (_key, inner: unknown) => (inner === undefined ? "__undefined__" : inner));
    return text.replace(/"__undefined__"/g, "undefined");
  } catch {
    return String(value);
  }
}
