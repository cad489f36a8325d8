import { ExpectedText, FROM_SCHEMA, InvalidInputError, type InputIssueDraft } from "../errors.js";
import { normalizeTag } from "./normalizeTag.js";
import { validate } from "./validate.js";
import { defaultVocabulary, VocabularyExtension, type VocabularyExtensionInput, type VocabularyList } from "./defaultVocabulary.js";

/**
 * The open code lists, compiled: resolves any tag to its canonical code so
 * that tags compare on codes, not spellings. Tags no list knows still
 * compare, on their normalized form.
 */
export interface Vocabulary {
  /** The canonical code for a tag: a known code or synonym resolves to its code; anything else to its normalized form. */
  canonical(list: VocabularyList, tag: string): string;
  /** Whether the tag resolves to a code of the list. */
  isKnown(list: VocabularyList, tag: string): boolean;
  /** The label of the code a tag resolves to, or `undefined` for an unknown tag. */
  label(list: VocabularyList, tag: string): string | undefined;
  /** Every code of a list, sorted. */
  codes(list: VocabularyList): readonly string[];
}

interface CompiledList {
  readonly byTag: ReadonlyMap<string, string>;
  readonly labels: ReadonlyMap<string, string>;
}

const LISTS = ["problemAreas", "modalities", "populations", "disciplines"] as const satisfies readonly VocabularyList[];
const LIST_NAMES: ReadonlySet<unknown> = new Set(LISTS);

/** The methods' own checks: cheap, since the matcher resolves every tag of a directory through them. */
function checkArguments(list: unknown, tag: unknown, withTag: boolean): void {
  // Called for every tag compared: the usual case returns before anything is allocated.
  if (LIST_NAMES.has(list) && (!withTag || typeof tag === "string")) return;
  const issues: InputIssueDraft[] = [];
  if (!LIST_NAMES.has(list))
    issues.push({ path: ["list"], code: list === undefined ? "required" : "invalid-value", expected: `one of [${LISTS.join(", ")}]` });
  if (withTag && typeof tag !== "string")
    issues.push({ path: ["tag"], code: tag === undefined ? "required" : "invalid-type", expected: ExpectedText.string });
  if (issues.length > 0) throw new InvalidInputError("vocabulary", issues, FROM_SCHEMA);
}

/**
 * Compiles the default code lists, plus a host's own codes and synonyms,
 * into a {@link Vocabulary}. Compile once and reuse it: resolving a tag is a
 * map lookup.
 *
 * @param extension - codes and synonyms to add (an entry with a known code adds synonyms to it)
 * @throws {@link InvalidInputError} when the extension is malformed, or a
 * synonym would resolve to two codes (`ambiguous-synonym`); its methods
 * throw it (named `vocabulary`) when given a list that is not one of the
 * four, or a tag that is not a string
 *
 * @example
 * ```ts
 * import { createVocabulary } from "referwell";
 *
 * const vocabulary = createVocabulary({
 *   modalities: [{ code: "cat", label: "Cognitive analytic therapy", synonyms: ["cognitive analytic"] }],
 * });
 * vocabulary.canonical("modalities", "Cognitive Behavioural Therapy"); // => "cbt"
 * vocabulary.canonical("modalities", "Cognitive Analytic"); // => "cat"
 * vocabulary.canonical("problemAreas", "PTSD"); // => "trauma"
 * vocabulary.canonical("problemAreas", "Horse phobia"); // => "horse-phobia"
 * vocabulary.isKnown("problemAreas", "Horse phobia"); // => false
 * ```
 */
export function createVocabulary(extension: VocabularyExtensionInput = {}): Vocabulary {
  const added = validate(VocabularyExtension, extension, "vocabulary");
  const issues: InputIssueDraft[] = [];
  const compiled = new Map<VocabularyList, CompiledList>();
  for (const list of LISTS) {
    const byTag = new Map<string, string>();
    const labels = new Map<string, string>();
    const claim = (tag: string, code: string, path: ReadonlyArray<string | number> | undefined): void => {
      const key = normalizeTag(tag);
      const owner = byTag.get(key);
      if (owner === undefined) byTag.set(key, code);
      else if (owner !== code && path !== undefined) issues.push({ path, code: "ambiguous-synonym" });
    };
    // A label resolves to its code too, unless a code or synonym already claims it.
    const claimLabel = (label: string, code: string): void => {
      const key = normalizeTag(label);
      if (!byTag.has(key)) byTag.set(key, code);
    };
    for (const entry of defaultVocabulary[list]) {
      labels.set(entry.code, entry.label);
      claim(entry.code, entry.code, undefined);
    }
    for (const entry of defaultVocabulary[list]) for (const synonym of entry.synonyms) claim(synonym, entry.code, undefined);
    added[list].forEach((entry, index) => {
      // A host entry that names a known code or synonym extends that code.
      const code = byTag.get(normalizeTag(entry.code)) ?? normalizeTag(entry.code);
      labels.set(code, entry.label);
      claim(entry.code, code, [list, index, "code"]);
      entry.synonyms.forEach((synonym, synonymIndex) => claim(synonym, code, [list, index, "synonyms", synonymIndex]));
    });
    for (const entry of defaultVocabulary[list]) claimLabel(entry.label, entry.code);
    for (const entry of added[list]) claimLabel(entry.label, byTag.get(normalizeTag(entry.code)) ?? normalizeTag(entry.code));
    compiled.set(list, { byTag, labels });
  }
  if (issues.length > 0) throw new InvalidInputError("vocabulary", issues);

  const lookup = (list: VocabularyList): CompiledList => compiled.get(list) as CompiledList;
  // Keys are normalized, and normalizing is idempotent, so a tag that is already a key skips normalizing.
  // Only the code is given, no pair: the matcher resolves every tag of a directory, and an unknown tag (rare) is normalized again.
  const codeOf = (list: VocabularyList, tag: string): string | undefined => {
    const { byTag } = lookup(list);
    return byTag.get(tag) ?? byTag.get(normalizeTag(tag));
  };
  return {
    canonical: (list, tag) => {
      checkArguments(list, tag, true);
      return codeOf(list, tag) ?? normalizeTag(tag);
    },
    isKnown: (list, tag) => {
      checkArguments(list, tag, true);
      return codeOf(list, tag) !== undefined;
    },
    label: (list, tag) => {
      checkArguments(list, tag, true);
      const code = codeOf(list, tag);
      return code === undefined ? undefined : lookup(list).labels.get(code);
    },
    codes: (list) => {
      checkArguments(list, undefined, false);
      return [...lookup(list).labels.keys()].sort();
    },
  };
}
