// One key per pair of strings, whatever characters they hold: the joined keys of lifts' targets, identifiers,
// episodes, payers and code lookups rest on it.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { pairKey } from "../../src/model/internal/pairKey.js";

// Few characters, the separators among them, so that pairs that could run together come up often.
const text = fc.string({ unit: fc.constantFrom("a", "1", ":", "|", "\u0000"), maxLength: 6 });

describe("pairKey", () => {
  test.prop([text, text])("the same characters split elsewhere, with any separator between, make another key", (a, b) => {
    // The pairs a key joined with a separator (or none) could confuse: the same text cut at another place.
    for (const separator of ["", "\u0000", ":", "|"]) {
      const joined = `${a}${separator}${b}`;
      for (let at = 0; at <= joined.length; at += 1) {
        const [c, d] = [joined.slice(0, at), joined.slice(at)];
        expect(pairKey(a, b) === pairKey(c, d)).toBe(a === c && b === d);
      }
    }
  });
});
