import { ExpectedText, InvalidInputError } from "../errors.js";
import { foldTag, SPELLING_FOLD } from "./internal/foldTag.js";

/** A tag every step of `foldTag` but the spelling folds leaves as it is: lower-case ASCII letters and digits in runs joined by single hyphens. */
const ALREADY_NORMAL = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
  // Most tags a directory holds are codes already; they pass through without a new string.
  return ALREADY_NORMAL.test(text) && !SPELLING_FOLD.test(text) ? text : foldTag(text);
}
