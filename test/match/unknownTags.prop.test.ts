import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { defaultVocabulary, type VocabularyList } from "referwell";
import { createMatcher, type MatchRequestInput } from "referwell/match";
import { syntheticDirectory } from "../arbitraries/synthetic.js";

// Every tag is drawn labelled: a spelling the vocabulary knows (a code, a synonym or a label, in any case), or one it cannot know.
type Drawn = { readonly tag: string; readonly known: boolean };

const knownSpelling = (list: VocabularyList): fc.Arbitrary<string> =>
  fc
    .constantFrom(...defaultVocabulary[list].flatMap((entry) => [entry.code, entry.label, ...entry.synonyms]))
    .chain((spelling) => fc.constantFrom(spelling, spelling.toUpperCase(), ` ${spelling.replace(/-/g, " ")} `));
const unknownSpelling = fc.stringMatching(/^[A-Z0-9]{6}$/).map((s) => `ZQX${s}`);
const vocabularyTags = (list: VocabularyList): fc.Arbitrary<Drawn[]> =>
  fc.array(
    fc.oneof(
      knownSpelling(list).map((tag) => ({ tag, known: true })),
      unknownSpelling.map((tag) => ({ tag, known: false })),
    ),
    { maxLength: 4 },
  );
// Two-letter primary subtags outside ISO 639-1 are unknown; three-letter ones are not checked.
const languageTags: fc.Arbitrary<Drawn[]> = fc.array(
  fc.oneof(
    fc.constantFrom("en", "ES", "pt-BR", "zh-Hant", "ase", "fil", "iw").map((tag) => ({ tag, known: true })),
    fc
      .tuple(fc.constantFrom("qq", "xx", "zz", "ez", "bx", "QJ"), fc.constantFrom("", "-US", "-ZQX9"))
      .map(([code, region]) => ({ tag: `${code}${region}`, known: false })),
  ),
  { maxLength: 4 },
);

const LISTS = [
  ["require", "populations", vocabularyTags("populations")],
  ["require", "problemAreas", vocabularyTags("problemAreas")],
  ["require", "modalities", vocabularyTags("modalities")],
  ["require", "languages", languageTags],
  ["require", "disciplines", vocabularyTags("disciplines")],
  ["prefer", "problemAreas", vocabularyTags("problemAreas")],
  ["prefer", "modalities", vocabularyTags("modalities")],
  ["prefer", "languages", languageTags],
] as const;

const drawnCriteria = fc.tuple(...LISTS.map(([, , tags]) => tags));
const requestOf = (drawn: readonly Drawn[][]): MatchRequestInput => {
  const require: Record<string, string[]> = {};
  const prefer: Record<string, string[]> = {};
  LISTS.forEach(([part, key], index) => {
    (part === "require" ? require : prefer)[key] = (drawn[index] ?? []).map((entry) => entry.tag);
  });
  return { criteria: { location: { jurisdiction: "US-OR" }, require, prefer } };
};
const sorted = (paths: readonly (readonly (string | number)[])[]) => paths.map((path) => JSON.stringify(path)).sort();
const matcher = createMatcher({ clinicians: [] });
const NOW = { now: "2026-11-23" };

describe("unknown tags", () => {
  test.prop([drawnCriteria])("exactly the unknown: a tag is reported, by its path, if and only if no list can know it", (drawn) => {
    const expected = LISTS.flatMap(([part, key], index) =>
      (drawn[index] ?? []).flatMap((entry, position) => (entry.known ? [] : [["criteria", part, key, position]])),
    );
    const { unknownTags } = matcher.rank(requestOf(drawn), NOW);
    expect(sorted(unknownTags.map((tag) => tag.path))).toEqual(sorted(expected));
    for (const { path, list } of unknownTags) expect(list).toBe(path[2]);
  });

  test.prop([drawnCriteria])("never the value: the report holds schema keys and positions only, never a tag", (drawn) => {
    const { unknownTags } = matcher.rank(requestOf(drawn), NOW);
    const keys = new Set(["criteria", "require", "prefer", ...LISTS.map(([, key]) => key)]);
    for (const { path } of unknownTags) for (const step of path) expect(typeof step === "number" || keys.has(step)).toBe(true);
    expect(JSON.stringify(unknownTags)).not.toMatch(/ZQX/);
  });
});

// A clinician's own lists, with the path each takes in the record, and its discipline and outcomes' problem areas.
// Each list ends with a known tag, as the schema wants one at least.
const CLINICIAN_LISTS = [
  ["problemAreas", vocabularyTags("problemAreas"), "anxiety"],
  ["modalities", vocabularyTags("modalities"), "cbt"],
  ["populations", vocabularyTags("populations"), "adults"],
  ["languages", languageTags, "en"],
] as const;
const oneTag = (list: VocabularyList): fc.Arbitrary<Drawn> =>
  fc.oneof(
    knownSpelling(list).map((tag) => ({ tag, known: true })),
    unknownSpelling.map((tag) => ({ tag, known: false })),
  );
// Often every tag but one place's is known (the outcomes', the discipline's or one list's), so an unknown tag there is often the only one.
const ONE_PLACE = ["outcomes", "discipline", ...CLINICIAN_LISTS.map(([key]) => key)] as const;
const drawnClinician = fc
  .record({
    lists: fc.tuple(...CLINICIAN_LISTS.map(([, tags]) => tags)),
    discipline: oneTag("disciplines"),
    outcomes: fc.array(oneTag("problemAreas"), { maxLength: 3 }),
    at: fc.nat({ max: 5 }),
    unknownOnlyIn: fc.option(fc.constantFrom(...ONE_PLACE)),
  })
  .map(({ unknownOnlyIn, ...drawn }) => {
    if (unknownOnlyIn === null) return drawn;
    const knownOnly = (entries: readonly Drawn[]) => entries.filter((entry) => entry.known);
    return {
      ...drawn,
      lists: drawn.lists.map((list, index) =>
        CLINICIAN_LISTS[index]?.[0] === unknownOnlyIn ? list : knownOnly(list),
      ) as unknown as typeof drawn.lists,
      discipline: unknownOnlyIn === "discipline" ? drawn.discipline : { tag: "psychologist", known: true },
      outcomes: unknownOnlyIn === "outcomes" ? drawn.outcomes : knownOnly(drawn.outcomes),
    };
  });
const base = syntheticDirectory({ seed: 11, clinicians: 6 });

describe("a directory's unknown tags", () => {
  test.prop([drawnClinician])(
    "exactly the unknown: each tag of a clinician, its discipline and its outcomes' needs, reported by path if and only if no list knows it",
    ({ lists, discipline, outcomes, at }) => {
      const source = base.clinicians[at] as (typeof base.clinicians)[number];
      const clinician = {
        ...source,
        ...Object.fromEntries(
          CLINICIAN_LISTS.map(([key, , last], index) => [key, [...(lists[index] ?? []).map((entry) => entry.tag), last]]),
        ),
        discipline: discipline.tag,
        outcomes: outcomes.map((entry, index) => ({ problemArea: entry.tag, rating: "effective" as const, cases: 10 + index })),
      };
      const clinicians = base.clinicians.map((each, index) => (index === at ? clinician : each));
      const expected = [
        ...CLINICIAN_LISTS.flatMap(([key], index) =>
          (lists[index] ?? []).flatMap((entry, position) => (entry.known ? [] : [["clinicians", at, key, position]])),
        ),
        ...(discipline.known ? [] : [["clinicians", at, "discipline"]]),
        ...outcomes.flatMap((entry, index) => (entry.known ? [] : [["clinicians", at, "outcomes", index, "problemArea"]])),
      ];
      const { unknownTags } = createMatcher({ ...base, clinicians });
      expect(sorted(unknownTags.map((tag) => tag.path))).toEqual(sorted(expected));
      expect(JSON.stringify(unknownTags)).not.toMatch(/ZQX/);
    },
  );
});
