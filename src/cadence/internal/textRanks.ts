/**
 * Each string's rank in UTF-16 code-unit order (the order of `compareText`),
 * equal strings sharing one: sorting a large list on these integers compares
 * numbers where it would compare strings, and the strings are sorted once,
 * by the engine's own comparison.
 */
export function textRanks(texts: readonly string[]): Int32Array {
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units, as compareText does.
  const sorted = [...new Set(texts)].sort();
  const rankOf = new Map(sorted.map((text, rank) => [text, rank]));
  return Int32Array.from(texts, (text) => rankOf.get(text) as number);
}
