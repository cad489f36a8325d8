import { expect } from "vitest";
import { InvalidInputError } from "referwell";

/** The marker strings of test/arbitraries/hostile.ts (and of the consent generators). */
export const MARKER = /ZQX[A-Z0-9]{6}/;

/**
 * Runs `call`: it must return, or throw an InvalidInputError with at least
 * one issue that shows no marker in its message, serialized form, string,
 * stack or issues.
 */
export function expectNoLeak(call: () => unknown): "ok" | "rejected" {
  try {
    call();
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    const invalid = error as InvalidInputError;
    expect(invalid.issues.length).toBeGreaterThan(0);
    for (const surface of [invalid.message, JSON.stringify(invalid), String(invalid), invalid.stack ?? "", JSON.stringify(invalid.issues)]) {
      expect(surface).not.toMatch(MARKER);
    }
    return "rejected";
  }
}
