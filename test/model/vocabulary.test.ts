import { describe, expect, it } from "vitest";
import { createVocabulary, defaultVocabulary, InvalidInputError, normalizeTag, VocabularyList } from "referwell";
import { untyped } from "../support/untyped.js";

describe("normalizeTag", () => {
  it.each([
    ["CBT", "cbt"],
    ["Cognitive Behavioural Therapy", "cognitive-behavioral-therapy"],
    ["cognitive-behavioral therapy", "cognitive-behavioral-therapy"],
    ["Person-Centred", "person-centered"],
    ["Pædiatric", "pediatric"],
    ["Grief & Loss", "grief-and-loss"],
    ["  --EMDR--  ", "emdr"],
    ["Thérapie", "therapie"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeTag(input)).toBe(expected);
  });

  it("is idempotent on every default code, label and synonym", () => {
    for (const list of VocabularyList.options) {
      for (const entry of defaultVocabulary[list]) {
        for (const tag of [entry.code, entry.label, ...entry.synonyms]) expect(normalizeTag(normalizeTag(tag))).toBe(normalizeTag(tag));
      }
    }
  });
});

describe("createVocabulary", () => {
  const vocabulary = createVocabulary();

  it("resolves spellings, abbreviations and synonyms to one code", () => {
    expect(vocabulary.canonical("modalities", "CBT")).toBe("cbt");
    expect(vocabulary.canonical("modalities", "cognitive behavioural therapy")).toBe("cbt");
    expect(vocabulary.canonical("modalities", "Cognitive Behavioral Therapy")).toBe("cbt");
    expect(vocabulary.canonical("problemAreas", "PTSD")).toBe("trauma");
    expect(vocabulary.canonical("populations", "Teens")).toBe("adolescents");
    expect(vocabulary.canonical("disciplines", "PCP")).toBe("general-practitioner");
    expect(vocabulary.canonical("disciplines", "Pediatrician")).toBe("paediatrician");
  });

  it("keeps lists apart: a code of one list is unknown in another", () => {
    expect(vocabulary.isKnown("modalities", "depression")).toBe(false);
    expect(vocabulary.isKnown("problemAreas", "depression")).toBe(true);
  });

  it("compares unknown tags on their normalized form", () => {
    expect(vocabulary.canonical("problemAreas", "Horse Phobia")).toBe(vocabulary.canonical("problemAreas", "horse-phobia"));
    expect(vocabulary.label("problemAreas", "Horse Phobia")).toBeUndefined();
  });

  it("every default label resolves to its own code", () => {
    for (const list of VocabularyList.options) {
      for (const entry of defaultVocabulary[list])
        expect(vocabulary.canonical(list, entry.label), `${list}: ${entry.label}`).toBe(entry.code);
    }
  });

  it("tags in other scripts keep their letters and never collide", () => {
    expect(vocabulary.canonical("problemAreas", "抑郁")).toBe("抑郁");
    expect(vocabulary.canonical("problemAreas", "тревога")).toBe("тревога");
    expect(vocabulary.canonical("problemAreas", "抑郁")).not.toBe(vocabulary.canonical("problemAreas", "тревога"));
  });

  it("labels a tag by the code it resolves to", () => {
    expect(vocabulary.label("modalities", "dialectical behavioral therapy")).toBe("Dialectical behaviour therapy");
  });

  it("lists codes sorted, one per entry", () => {
    const codes = vocabulary.codes("modalities");
    expect(codes).toEqual([...codes].sort());
    expect(codes).toHaveLength(defaultVocabulary.modalities.length);
  });

  it("the default lists are unambiguous: no tag resolves to two codes", () => {
    for (const list of VocabularyList.options) {
      const owners = new Map<string, string>();
      for (const entry of defaultVocabulary[list]) {
        for (const tag of [entry.code, ...entry.synonyms]) {
          const key = normalizeTag(tag);
          expect(owners.get(key) ?? entry.code, `${list}: ${tag}`).toBe(entry.code);
          owners.set(key, entry.code);
        }
      }
    }
  });

  it("adds a host's codes and synonyms, and synonyms to known codes", () => {
    const extended = createVocabulary({
      modalities: [
        { code: "CAT", label: "Cognitive analytic therapy", synonyms: ["cognitive analytic"] },
        { code: "cbt", label: "CBT", synonyms: ["cognitive therapy"] },
      ],
    });
    expect(extended.canonical("modalities", "Cognitive Analytic")).toBe("cat");
    expect(extended.canonical("modalities", "Cognitive therapy")).toBe("cbt");
    expect(extended.label("modalities", "cbt")).toBe("CBT");
    // The defaults are not changed for other vocabularies.
    expect(vocabulary.canonical("modalities", "Cognitive therapy")).toBe("cognitive-therapy");
  });

  it("an entry named by a synonym extends the code the synonym belongs to", () => {
    const extended = createVocabulary({ problemAreas: [{ code: "PTSD", label: "PTSD", synonyms: ["shell shock"] }] });
    expect(extended.canonical("problemAreas", "shell shock")).toBe("trauma");
  });

  it("rejects a synonym that would resolve to two codes, naming where", () => {
    const attempt = () => createVocabulary({ modalities: [{ code: "new-thing", label: "New", synonyms: ["ok", "CBT"] }] });
    expect(attempt).toThrow(InvalidInputError);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidInputError).issues).toEqual([
        expect.objectContaining({ path: ["modalities", 0, "synonyms", 1], code: "ambiguous-synonym" }),
      ]);
    }
  });

  it("rejects a malformed extension with a typed error", () => {
    expect(() => createVocabulary(untyped({ modalities: [{ code: "" }] }))).toThrow(InvalidInputError);
    expect(() => createVocabulary(untyped(null))).toThrow(InvalidInputError);
  });
});
