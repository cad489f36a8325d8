import type { FhirNote } from "../notes.js";
import type { CompiledMap } from "./codeLookup.js";
import { codingsOf } from "./elements.js";
import type { FhirPath, FhirReader } from "./read.js";

/**
 * The tags the CodeableConcepts map to, in order without repeats: each
 * concept's first coding the map knows, or with `every` (a client's needs,
 * where a need dropped is a risk missed) every coding's, the first coding's
 * first, with a note `codings-disagree` where they differ. A concept with no
 * known coding is noted, never dropped silently.
 */
export function mapConcepts(
  reader: FhirReader,
  concepts: readonly { value: unknown; path: FhirPath }[],
  map: CompiledMap,
  notes: FhirNote[],
  every = false,
): string[] {
  const tags: string[] = [];
  for (const { value, path } of concepts) {
    const codings = codingsOf(reader, value, path);
    const mapped: string[] = [];
    for (const { value: coding } of codings) {
      const tag = map.tagOf(coding.system, coding.code);
      if (tag !== undefined && !mapped.includes(tag)) mapped.push(tag);
    }
    if (mapped.length === 0) {
      const system = codings.map(({ value: coding }) => coding.system).find((candidate) => map.knows(candidate));
      notes.push(system === undefined ? { path: [...path], code: "unknown-code" } : { path: [...path], code: "unknown-code", system });
      continue;
    }
    if (every && mapped.length > 1) notes.push({ path: [...path], code: "codings-disagree" });
    for (const tag of every ? mapped : mapped.slice(0, 1)) if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}
