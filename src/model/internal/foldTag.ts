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

/** Any text a spelling fold would look at (without `g`, so testing keeps no state). */
export const SPELLING_FOLD = new RegExp(SPELLING_FOLDS.map(([pattern]) => pattern.source).join("|"));

/**
 * Every step of `normalizeTag`, whatever the text: accents and ligatures
 * off, lower case, `&` as `and`, runs of characters that are neither letters
 * nor digits as one hyphen, then the spelling folds. Internal.
 */
export function foldTag(text: string): string {
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
