import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { createVocabulary, defaultVocabulary, normalizeTag, type Vocabulary } from "referwell";
import {
  LONGEST_REMEMBERED,
  MOST_REMEMBERED,
  noTagsResolved,
  resolvedTag,
  type ResolvedList,
} from "../../src/match/internal/resolvedTag.js";

/** A vocabulary that counts what it is asked. */
function countingVocabulary(): { vocabulary: Vocabulary; asked: () => number } {
  const inner = createVocabulary({ problemAreas: [{ code: "eco-anxiety", label: "Eco-anxiety", synonyms: ["climate distress"] }] });
  let asked = 0;
  const vocabulary: Vocabulary = {
    canonical: (list, tag) => ((asked += 1), inner.canonical(list, tag)),
    isKnown: (list, tag) => ((asked += 1), inner.isKnown(list, tag)),
    label: (list, tag) => inner.label(list, tag),
    codes: (list) => inner.codes(list),
  };
  return { vocabulary, asked: () => asked };
}

const LISTS: readonly ResolvedList[] = ["problemAreas", "modalities", "populations", "disciplines", "languages", "cultures", "faiths"];
// Spellings every list may be asked for: each vocabulary's (so one list knows what another does not), languages, and unknown ones.
const SPELLINGS = [
  ...Object.values(defaultVocabulary).flatMap((entries) => entries.flatMap((entry) => [entry.code, entry.label])),
  "pt-BR",
  "EN",
  "qq",
  "ZQX unheard of",
];

describe("resolvedTag", () => {
  test.prop([fc.array(fc.tuple(fc.constantFrom(...LISTS), fc.constantFrom(...SPELLINGS)), { maxLength: 200 })])(
    "every answer, first or remembered, is the one a memory that forgets everything gives",
    (asked) => {
      const { vocabulary } = countingVocabulary();
      const resolved = noTagsResolved();
      for (const [list, tag] of asked)
        expect(resolvedTag(resolved, vocabulary, list, tag)).toEqual(resolvedTag(noTagsResolved(), vocabulary, list, tag));
    },
  );

  it("reads each list's tags as compiling always has: canonical codes, primary languages, normalized cultures and faiths", () => {
    const { vocabulary } = countingVocabulary();
    const resolved = noTagsResolved();
    const cases: [ResolvedList, string, string, boolean][] = [
      ["problemAreas", "Climate Distress", "eco-anxiety", true],
      ["problemAreas", "Depression", "depression", true],
      ["problemAreas", "ZQX unheard of", normalizeTag("ZQX unheard of"), false],
      ["modalities", "CBT", vocabulary.canonical("modalities", "CBT"), true],
      ["modalities", "ZQX-therapy", "zqx-therapy", false],
      ["populations", "Adults", "adults", true],
      ["populations", "ZQX group", "zqx-group", false],
      ["disciplines", "Psychologist", "psychologist", true],
      ["disciplines", "ZQX healer", "zqx-healer", false],
      ["languages", "pt-BR", "pt", true],
      ["languages", "QQ-US", "qq", false],
      ["cultures", "Pacific Islander", "pacific-islander", true],
      ["faiths", "  Latter-day Saint ", normalizeTag("  Latter-day Saint "), true],
    ];
    for (const [list, tag, code, known] of cases) {
      expect(resolvedTag(resolved, vocabulary, list, tag)).toEqual({ code, known });
      // Asked again, the remembered answer is the same.
      expect(resolvedTag(resolved, vocabulary, list, tag)).toEqual({ code, known });
    }
  });

  it("asks the vocabulary once per spelling and list, and keeps each list apart", () => {
    const { vocabulary, asked } = countingVocabulary();
    const resolved = noTagsResolved();
    resolvedTag(resolved, vocabulary, "problemAreas", "anxiety");
    const once = asked();
    expect(once).toBeGreaterThan(0);
    for (let round = 0; round < 5; round += 1) resolvedTag(resolved, vocabulary, "problemAreas", "anxiety");
    expect(asked()).toBe(once);
    // The same spelling in another list is that list's own question.
    expect(resolvedTag(resolved, vocabulary, "populations", "anxiety").known).toBe(false);
    expect(asked()).toBeGreaterThan(once);
  });

  it("remembers at most its bound of spellings per list: past it, it starts again, and answers as before", () => {
    const { vocabulary, asked } = countingVocabulary();
    const resolved = noTagsResolved();
    for (let at = 0; at < MOST_REMEMBERED; at += 1) resolvedTag(resolved, vocabulary, "modalities", `zqx-${at}`);
    expect(resolved.modalities.size).toBe(MOST_REMEMBERED);
    resolvedTag(resolved, vocabulary, "modalities", "EMDR");
    // Only the spelling that did not fit is remembered now: it is not asked again, the first one is.
    expect(resolved.modalities.size).toBe(1);
    const emdr = { code: vocabulary.canonical("modalities", "EMDR"), known: true };
    const after = asked();
    expect(resolvedTag(resolved, vocabulary, "modalities", "EMDR")).toEqual(emdr);
    expect(asked()).toBe(after);
    expect(resolvedTag(resolved, vocabulary, "modalities", "zqx-0")).toEqual({ code: "zqx-0", known: false });
    expect(asked()).toBeGreaterThan(after);
  });

  it("does not remember a spelling longer than its bound, and still answers it", () => {
    const { vocabulary } = countingVocabulary();
    const resolved = noTagsResolved();
    const long = `pt-${"x".repeat(LONGEST_REMEMBERED)}`;
    expect(resolvedTag(resolved, vocabulary, "languages", long)).toEqual({ code: "pt", known: true });
    expect(resolved.languages.size).toBe(0);
    resolvedTag(resolved, vocabulary, "cultures", "x".repeat(LONGEST_REMEMBERED));
    expect(resolved.cultures.size).toBe(1);
  });
});
