import { ExpectedText, InvalidInputError } from "../errors.js";

/**
 * British spellings folded to one form, so "behavioural" and "behavioral"
 * compare equal without listing both everywhere.
 */
const SPELLING_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/behaviour/g, "behavior"],
  [/counsel{2,}/g, "counsel"],
  [/centred/g, "centered"],
  [/paediatric/g, "pediatric"],
  [/gynaecolog/g, "gynecolog"],
  [/programme/g, "program"],
  [/organis/g, "organiz"],
  [/speciali[sz]/g, "specializ"],
];

/**
 * Normalizes a free-text tag to the form codes compare on: lower case, no
 * accents or ligatures, British spellings folded, `&` as `and`, and every run of
 * characters that are neither letters nor digits (of any script) a single hyphen.
 *
 * @param text - a tag as a person or another system wrote it
 * @returns the normalized tag; empty when `text` has no letters or digits
 * @throws {@link InvalidInputError} when `text` is not a string
 *
 * @example
 * ```ts
 * import { normalizeTag } from "referwell";
 *
 * normalizeTag("Cognitive Behavioural Therapy"); // => "cognitive-behavioral-therapy"
 * normalizeTag("  Grief & Loss "); // => "grief-and-loss"
 * normalizeTag("Тревога"); // => "тревога"
 * ```
 */
export function normalizeTag(text: string): string {
  // A type check only: the matcher normalizes every tag of a directory through here.
  if (typeof text !== "string") throw new InvalidInputError("text", [{ path: [], code: "invalid-type", expected: ExpectedText.string }]);
  let out = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ß/g, "ss")
    .replace(/[øđł]/g, (c) => ({ ø: "o", đ: "d", ł: "l" })[c] ?? c)
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  for (const [pattern, replacement] of SPELLING_FOLDS) out = out.replace(pattern, replacement);
  return out;
}
