import type { Client } from "../client.js";
import type { Clinician } from "../clinician.js";
import type { Vocabulary } from "../createVocabulary.js";
import type { MatchCriteria } from "../criteria.js";
import type { TagList, UnknownTag } from "../unknownTag.js";
import { isKnownTag } from "./isKnownTag.js";

type Path = readonly (string | number)[];

/** Where tags sit in an input: criteria, a client record or a clinician record, under `path`. */
export type TagHolder =
  | { readonly path: Path; readonly criteria: MatchCriteria }
  | { readonly path: Path; readonly client: Client }
  | { readonly path: Path; readonly clinician: Clinician };

/** A tag list of a holder: where it sits below the holder's path, which list its tags belong to, and how to read it. */
export type ListOf<Holder> = readonly [Path, TagList, (holder: Holder) => readonly string[] | string];

// Fixed tables, so a look over a holder builds nothing unless a tag is unknown.
const CRITERIA_LISTS: readonly ListOf<MatchCriteria>[] = [
  [["require", "populations"], "populations", (criteria) => criteria.require.populations],
  [["require", "problemAreas"], "problemAreas", (criteria) => criteria.require.problemAreas],
  [["require", "modalities"], "modalities", (criteria) => criteria.require.modalities],
  [["require", "languages"], "languages", (criteria) => criteria.require.languages],
  [["require", "disciplines"], "disciplines", (criteria) => criteria.require.disciplines],
  [["prefer", "problemAreas"], "problemAreas", (criteria) => criteria.prefer.problemAreas],
  [["prefer", "modalities"], "modalities", (criteria) => criteria.prefer.modalities],
  [["prefer", "languages"], "languages", (criteria) => criteria.prefer.languages],
];
const CLIENT_LISTS: readonly ListOf<Client>[] = [
  [["needs", "problemAreas"], "problemAreas", (client) => client.needs.problemAreas],
  [["preferences", "modalities"], "modalities", (client) => client.preferences.modalities],
  [["preferences", "languages"], "languages", (client) => client.preferences.languages],
];
export const CLINICIAN_LISTS: readonly ListOf<Clinician>[] = [
  [["discipline"], "disciplines", (clinician) => clinician.discipline],
  [["problemAreas"], "problemAreas", (clinician) => clinician.problemAreas],
  [["modalities"], "modalities", (clinician) => clinician.modalities],
  [["populations"], "populations", (clinician) => clinician.populations],
  [["languages"], "languages", (clinician) => clinician.languages],
];

/**
 * The tags of the holders that no list knows, by path and list, in the order
 * the holders and their fields are given. Never the tags themselves: they
 * are client data.
 */
export function findUnknownTags(vocabulary: Vocabulary, holders: readonly TagHolder[]): UnknownTag[] {
  const found: UnknownTag[] = [];
  const look = (at: Path, rest: Path, list: TagList, tags: readonly string[] | string): void => {
    if (typeof tags === "string") {
      if (!isKnownTag(vocabulary, list, tags)) found.push({ path: [...at, ...rest], list });
      return;
    }
    for (let index = 0; index < tags.length; index++) {
      if (!isKnownTag(vocabulary, list, tags[index] as string)) found.push({ path: [...at, ...rest, index], list });
    }
  };
  for (const holder of holders) {
    if ("criteria" in holder) for (const [rest, list, read] of CRITERIA_LISTS) look(holder.path, rest, list, read(holder.criteria));
    else if ("client" in holder) for (const [rest, list, read] of CLIENT_LISTS) look(holder.path, rest, list, read(holder.client));
    else {
      const { clinician } = holder;
      for (const [rest, list, read] of CLINICIAN_LISTS) look(holder.path, rest, list, read(clinician));
      const outcomes = clinician.outcomes ?? [];
      for (let index = 0; index < outcomes.length; index++) {
        look(holder.path, ["outcomes", index, "problemArea"], "problemAreas", (outcomes[index] as { problemArea: string }).problemArea);
      }
    }
  }
  return found;
}
