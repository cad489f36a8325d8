import type { FhirNote } from "../notes.js";
import type { CompiledMap } from "./codeLookup.js";
import { codingsOf } from "./elements.js";
import type { FhirPath, FhirReader } from "./read.js";

/**
 * The tag each CodeableConcept maps to (its first coding the map knows), in
 * order without repeats; a concept with no known coding is noted, never
 * dropped silently.
 */
export function mapConcepts(
  reader: FhirReader,
  concepts: readonly { value: unknown; path: FhirPath }[],
  map: CompiledMap,
  notes: FhirNote[],
): string[] {
  const tags: string[] = [];
  for (const { value, path } of concepts) {
    const codings = codingsOf(reader, value, path);
    const tag = codings.map(({ value: coding }) => map.tagOf(coding.system, coding.code)).find((found) => found !== undefined);
    if (tag === undefined) {
      const system = codings.map(({ value: coding }) => coding.system).find((candidate) => map.knows(candidate));
      notes.push(system === undefined ? { path: [...path], code: "unknown-code" } : { path: [...path], code: "unknown-code", system });
    } else if (!tags.includes(tag)) {
      tags.push(tag);
    }
  }
  return tags;
}
