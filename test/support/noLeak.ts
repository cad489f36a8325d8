import { expect } from "vitest";
import { type InvalidInputError, isReferwellError } from "referwell";

/** The shape of the marker strings and numbers of test/arbitraries/hostile.ts. */
export const MARKER = /ZQX[A-Z0-9]{6}|918\d{6}/;

/** Every object key in a value, deeply: the real keys hostile JSON is built from. */
export function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      keysOf(item, into);
    }
  }
  return into;
}

/** Runs `call`; it must succeed or throw an InvalidInputError that shows no marker anywhere. */
export function expectNoLeak(call: () => unknown): "ok" | "rejected" {
  try {
    call();
    return "ok";
  } catch (error) {
    expect(isReferwellError(error, "invalid-input"), String(error)).toBe(true);
    const invalid = error as InvalidInputError;
    expect(invalid.issues.length).toBeGreaterThan(0);
    for (const surface of [
      invalid.message,
      JSON.stringify(invalid),
      String(invalid),
      invalid.stack ?? "",
      JSON.stringify(invalid.issues),
    ]) {
      expect(surface).not.toMatch(MARKER);
    }
    return "rejected";
  }
}
