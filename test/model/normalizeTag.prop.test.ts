import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { normalizeTag } from "referwell";
import { foldTag } from "../../src/model/internal/foldTag.js";

// Pieces that reach both sides of the shortcut: plain codes, every folded spelling, upper case,
// accents, ligatures, `&`, spaces and repeated or outer hyphens.
const pieces = fc.constantFrom(
  "a",
  "z",
  "0",
  "9",
  "-",
  "--",
  "_",
  ".",
  " ",
  "&",
  "A",
  "é",
  "æ",
  "ß",
  "ł",
  "cbt",
  "behaviour",
  "counsell",
  "counselll",
  "centred",
  "paediatric",
  "gynaecolog",
  "programme",
  "organis",
  "specialis",
  "specializ",
  "тревога",
);

describe("normalizeTag", () => {
  test.prop([
    fc.oneof(
      fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join("")),
      fc.string(),
    ),
  ])("gives every step's result, whether the text takes the shortcut for a tag already normal or not", (text) => {
    expect(normalizeTag(text)).toBe(foldTag(text));
  });
});
