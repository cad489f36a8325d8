import type { Vocabulary } from "../../model/createVocabulary.js";

/**
 * Labels for the listed codes, then a count for the rest: a tag no vocabulary
 * knows is the client's own text, so a summary counts it and never quotes it.
 */
export function labelsOrCounts(
  vocabulary: Vocabulary,
  list: "problemAreas" | "modalities",
  listed: readonly string[],
  unlisted: number,
  [one, many]: readonly [string, string],
): string[] {
  const labels = listed.map((code) => vocabulary.label(list, code) ?? code);
  return unlisted === 0 ? labels : [...labels, unlisted === 1 ? `an unlisted ${one}` : `${unlisted} unlisted ${many}`];
}
