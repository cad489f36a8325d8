import type { Client } from "../client.js";
import type { Clinician } from "../clinician.js";
import type { Vocabulary } from "../createVocabulary.js";
import type { MatchCriteria } from "../criteria.js";
import type { TagList, UnknownTag } from "../unknownTag.js";
import { isKnownLanguage } from "./isKnownLanguage.js";

type Path = readonly (string | number)[];

/** Where tags sit in an input: criteria, a client record or a clinician record, under `path`. */
export type TagHolder =
  | { readonly path: Path; readonly criteria: MatchCriteria }
  | { readonly path: Path; readonly client: Client }
  | { readonly path: Path; readonly clinician: Clinician };

/** The tag lists of a holder, each with its path and list; a single tag (a discipline) has a string. */
function listsOf(holder: TagHolder): [Path, TagList, readonly string[] | string][] {
  const at = (...rest: string[]): Path => [...holder.path, ...rest];
  if ("criteria" in holder) {
    const { require, prefer } = holder.criteria;
    return [
      [at("require", "populations"), "populations", require.populations],
      [at("require", "problemAreas"), "problemAreas", require.problemAreas],
      [at("require", "modalities"), "modalities", require.modalities],
      [at("require", "languages"), "languages", require.languages],
      [at("require", "disciplines"), "disciplines", require.disciplines],
      [at("prefer", "problemAreas"), "problemAreas", prefer.problemAreas],
      [at("prefer", "modalities"), "modalities", prefer.modalities],
      [at("prefer", "languages"), "languages", prefer.languages],
    ];
  }
  if ("client" in holder) {
    const { needs, preferences } = holder.client;
    return [
      [at("needs", "problemAreas"), "problemAreas", needs.problemAreas],
      [at("preferences", "modalities"), "modalities", preferences.modalities],
      [at("preferences", "languages"), "languages", preferences.languages],
    ];
  }
  const { clinician } = holder;
  return [
    [at("discipline"), "disciplines", clinician.discipline],
    [at("problemAreas"), "problemAreas", clinician.problemAreas],
    [at("modalities"), "modalities", clinician.modalities],
    [at("populations"), "populations", clinician.populations],
    [at("languages"), "languages", clinician.languages],
    ...(clinician.outcomes ?? []).map((outcome, index): [Path, TagList, string] => [
      [...holder.path, "outcomes", index, "problemArea"],
      "problemAreas",
      outcome.problemArea,
    ]),
  ];
}

/**
 * The tags of the holders that no list knows, by path and list, in the order
 * the holders and their fields are given. Never the tags themselves: they
 * are client data.
 */
export function findUnknownTags(vocabulary: Vocabulary, holders: readonly TagHolder[]): UnknownTag[] {
  const known = (list: TagList, tag: string): boolean => (list === "languages" ? isKnownLanguage(tag) : vocabulary.isKnown(list, tag));
  const found: UnknownTag[] = [];
  for (const holder of holders) {
    for (const [path, list, tags] of listsOf(holder)) {
      if (typeof tags === "string") {
        if (!known(list, tags)) found.push({ path: [...path], list });
        continue;
      }
      tags.forEach((tag, index) => {
        if (!known(list, tag)) found.push({ path: [...path, index], list });
      });
    }
  }
  return found;
}
