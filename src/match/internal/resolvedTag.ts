import type { Vocabulary } from "../../model/createVocabulary.js";
import { isKnownTag } from "../../model/internal/isKnownTag.js";
import { normalizeTag } from "../../model/normalizeTag.js";
import type { TagList } from "../../model/unknownTag.js";
import { primaryLanguage } from "./primaryLanguage.js";

/** What a clinician's tag reads as: the code the matcher compiles it to, and whether a vocabulary knows it (`findUnknownTags`). */
export interface ResolvedTag {
  readonly code: string;
  readonly known: boolean;
}

/** The lists a clinician's tags are read from: the vocabulary's, and cultures and faiths, which are only normalized (and never unknown). */
export type ResolvedList = TagList | "cultures" | "faiths";

/** Each list's tags read so far, by the tag as written; see {@link resolvedTag}. */
export type ResolvedTags = Readonly<Record<ResolvedList, Map<string, ResolvedTag>>>;

/**
 * The most spellings of one list a matcher remembers, the library's own
 * bound: many times what the default vocabulary spells a list with (at most
 * 131), so a directory of the usual spellings reads each once, while a
 * matcher updated for years with ever new free-text tags starts again
 * rather than keep every one.
 */
export const MOST_REMEMBERED = 4096;
/**
 * The longest spelling remembered, the library's own bound (a tag's own
 * limit; a language tag has none): a longer one is read each time, so what
 * a matcher remembers stays within a few megabytes whatever its input.
 */
export const LONGEST_REMEMBERED = 100;

/** Fresh, empty memories of tags read, one per list. */
export const noTagsResolved = (): ResolvedTags => ({
  problemAreas: new Map(),
  modalities: new Map(),
  populations: new Map(),
  disciplines: new Map(),
  languages: new Map(),
  cultures: new Map(),
  faiths: new Map(),
});

function resolve(vocabulary: Vocabulary, list: ResolvedList, tag: string): ResolvedTag {
  if (list === "cultures" || list === "faiths") return { code: normalizeTag(tag), known: true };
  const code = list === "languages" ? primaryLanguage(tag) : vocabulary.canonical(list, tag);
  return { code, known: isKnownTag(vocabulary, list, tag) };
}

/**
 * The code and known-ness of a clinician's tag in `list`, worked out once
 * per spelling and remembered in `resolved`: a directory repeats a few
 * hundred spellings across millions of tags, and asking the vocabulary
 * again for each costs several lookups where this costs one. The vocabulary
 * must be the one the memories were made with: a matcher makes both when it
 * starts compiling, and neither changes.
 */
export function resolvedTag(resolved: ResolvedTags, vocabulary: Vocabulary, list: ResolvedList, tag: string): ResolvedTag {
  if (tag.length > LONGEST_REMEMBERED) return resolve(vocabulary, list, tag);
  const remembered = resolved[list];
  let found = remembered.get(tag);
  if (found === undefined) {
    found = resolve(vocabulary, list, tag);
    if (remembered.size >= MOST_REMEMBERED) remembered.clear();
    remembered.set(tag, found);
  }
  return found;
}
