import type { Vocabulary } from "../createVocabulary.js";

/** Whether a value is a compiled vocabulary: an object with every method a capability calls. */
export function isVocabulary(value: unknown): value is Vocabulary {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Record<keyof Vocabulary, unknown>>;
  return (
    typeof candidate.canonical === "function" &&
    typeof candidate.isKnown === "function" &&
    typeof candidate.label === "function" &&
    typeof candidate.codes === "function"
  );
}
