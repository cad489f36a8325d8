import type { Vocabulary } from "../createVocabulary.js";
import type { TagList } from "../unknownTag.js";
import { isKnownLanguage } from "./isKnownLanguage.js";

/** Whether a tag of a list is known: a language by its ISO 639-1 code, any other by the vocabulary. */
export const isKnownTag = (vocabulary: Vocabulary, list: TagList, tag: string): boolean =>
  list === "languages" ? isKnownLanguage(tag) : vocabulary.isKnown(list, tag);
