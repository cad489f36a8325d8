import type { RestrictionIds } from "../schemas.js";

/** Printable ASCII, which normalisation leaves as it is: most ids, spared the work. */
const ASCII = /^[\x20-\x7e]*$/;
const ASCII_UPPER = /[A-Z]/;
/** Code points with no visible form of their own (zero-width space and joiners, soft hyphen, variation selectors, …). */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
/** A small i with a combining dot above, which is what the Turkish capital İ becomes in lower case: it reads as an i. */
const DOTTED_I = /i\u0307/gu;

/**
 * An id as a restriction compares it (a referrer's named by a deny
 * provision, a client's on a consent). `canonical`: in Unicode's canonical
 * composition (NFC, Unicode Standard Annex #15), so that `é` precomposed
 * and `e` with a combining accent, which are the same text, are one id.
 * `lookalike`: also in compatibility composition (NFKC: a full-width `Ａ`
 * is `A`), without default-ignorable code points (Unicode's
 * `Default_Ignorable_Code_Point` property: a zero-width space is nothing),
 * and in lower case after upper case after lower case (so `ß`, `ẞ` and
 * `SS` meet, as `ss`; and the Turkish `İ`, lower-cased to an `i` with a
 * combining dot, is an `i`: the library's own stand-in for Unicode's
 * default case folding, which the language does not offer). A permission compares ids exactly: reading
 * two spellings as one may only withhold.
 */
export function restrictionKey(id: string, spelling: RestrictionIds): string {
  if (ASCII.test(id)) return spelling === "lookalike" && ASCII_UPPER.test(id) ? id.toLowerCase() : id;
  if (spelling === "canonical") return id.normalize("NFC");
  const folded = id.normalize("NFKC").replace(IGNORABLE, "").toLowerCase().toUpperCase().toLowerCase();
  return folded.normalize("NFKC").replace(DOTTED_I, "i");
}
