import type { Clinician } from "../clinician.js";
import type { Vocabulary } from "../createVocabulary.js";
import { CLINICIAN_LISTS } from "./findUnknownTags.js";
import { isKnownTag } from "./isKnownTag.js";

/**
 * Whether every tag of a clinician is known: exactly when
 * `findUnknownTags` finds none for it, but building nothing, since the
 * matcher asks for every clinician of a directory and most have none.
 */
export function clinicianTagsKnown(vocabulary: Vocabulary, clinician: Clinician): boolean {
  for (let entry = 0; entry < CLINICIAN_LISTS.length; entry += 1) {
    const listed = CLINICIAN_LISTS[entry] as (typeof CLINICIAN_LISTS)[number];
    const list = listed[1];
    const tags = listed[2](clinician);
    if (typeof tags === "string") {
      if (!isKnownTag(vocabulary, list, tags)) return false;
    } else for (let at = 0; at < tags.length; at += 1) if (!isKnownTag(vocabulary, list, tags[at] as string)) return false;
  }
  const outcomes = clinician.outcomes;
  if (outcomes !== undefined)
    for (let at = 0; at < outcomes.length; at += 1)
      if (!vocabulary.isKnown("problemAreas", outcomes[at]?.problemArea as string)) return false;
  return true;
}
