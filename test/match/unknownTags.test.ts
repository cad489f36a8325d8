import { describe, expect, it } from "vitest";
import type { ClinicianInput } from "referwell";
import { assignReferrals, createMatcher, type MatchRequestInput, scoreMatch } from "referwell/match";

const NOW = { now: "2026-11-23" };
const clinician: ClinicianInput = {
  id: "ana",
  name: "Ana",
  discipline: "psychologist",
  licensure: { licenses: [{ jurisdiction: "US-OR" }] },
  problemAreas: ["depression", "trauma"],
  modalities: ["CBT"],
  populations: ["adults"],
  languages: ["en", "es"],
  telehealth: true,
  availability: { timeZone: "America/Los_Angeles", slots: [] },
  acceptingNewClients: true,
  capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
};
const where = { location: { jurisdiction: "US-OR" } };
const matcher = createMatcher({ clinicians: [clinician] });

describe("unknown tags", () => {
  it("reports each tag no vocabulary knows by its path and list, in the order of the criteria", () => {
    const request: MatchRequestInput = {
      criteria: {
        ...where,
        require: {
          populations: ["adults", "Grown-ups"],
          problemAreas: ["Depresion"],
          languages: ["es", "ez"],
          disciplines: ["psychologist"],
        },
        prefer: { problemAreas: ["PTSD", "Horse phobia"], modalities: ["cognitive behavioural therapy", "Thought fixing"] },
      },
    };
    expect(matcher.rank(request, NOW).unknownTags).toEqual([
      { path: ["criteria", "require", "populations", 1], list: "populations" },
      { path: ["criteria", "require", "problemAreas", 0], list: "problemAreas" },
      { path: ["criteria", "require", "languages", 1], list: "languages" },
      { path: ["criteria", "prefer", "problemAreas", 1], list: "problemAreas" },
      { path: ["criteria", "prefer", "modalities", 1], list: "modalities" },
    ]);
  });

  it("reports nothing when every tag is a code, a synonym or a label in any spelling", () => {
    const result = matcher.rank(
      {
        criteria: {
          ...where,
          require: { populations: ["Adults"], modalities: ["cbt"], languages: ["EN", "pt-BR", "ase"] },
          prefer: { problemAreas: ["Low mood", "PTSD", "Trauma and PTSD", "grief & loss"], languages: ["zh-Hant"] },
        },
      },
      NOW,
    );
    expect(result.unknownTags).toEqual([]);
    expect(result.eligibleCount).toBe(0);
  });

  it("a host's own codes and synonyms count as known", () => {
    const criteria = { ...where, prefer: { problemAreas: ["Horse phobia", "equinophobia"] } };
    expect(matcher.rank({ criteria }, NOW).unknownTags).toHaveLength(2);
    const extended = createMatcher(
      { clinicians: [clinician] },
      { vocabulary: { problemAreas: [{ code: "horse-phobia", label: "Horse phobia", synonyms: ["equinophobia"] }] } },
    );
    expect(extended.rank({ criteria }, NOW).unknownTags).toEqual([]);
  });

  it("a directory's spelling is read by each matcher's own vocabulary, compiled and updated", () => {
    const horse = { ...clinician, problemAreas: ["depression", "Equinophobia"] };
    const vocabulary = { problemAreas: [{ code: "horse-phobia", label: "Horse phobia", synonyms: ["equinophobia"] }] };
    const plain = createMatcher({ clinicians: [horse] });
    const extended = createMatcher({ clinicians: [horse] }, { vocabulary });
    const unknown = [{ path: ["clinicians", 0, "problemAreas", 1], list: "problemAreas" }];
    expect(plain.unknownTags).toEqual(unknown);
    expect(extended.unknownTags).toEqual([]);
    // The same spelling on a clinician added later is read as the matcher read it while compiling.
    plain.update({ upsert: [{ ...horse, id: "bo" }] });
    extended.update({ upsert: [{ ...horse, id: "bo" }] });
    expect(plain.unknownTags).toEqual([...unknown, { path: ["clinicians", 1, "problemAreas", 1], list: "problemAreas" }]);
    expect(extended.unknownTags).toEqual([]);
    // And it is matched as the code it reads as.
    const wanted = { criteria: { ...where, require: { problemAreas: ["horse-phobia"] } } };
    expect(extended.rank(wanted, NOW).eligibleCount).toBe(2);
    expect(plain.rank(wanted, NOW).eligibleCount).toBe(0);
  });

  it("paths a client's needs and preferences when the request carries a client", () => {
    const result = matcher.rank(
      {
        client: {
          id: "cl-1",
          ageGroup: "adult",
          residence: { jurisdiction: "US-OR" },
          needs: { problemAreas: ["depression", "Sadnes"] },
          preferences: { modalities: ["EMDR", "Chat"], languages: ["qq"] },
        },
      },
      NOW,
    );
    expect(result.unknownTags).toEqual([
      { path: ["client", "needs", "problemAreas", 1], list: "problemAreas" },
      { path: ["client", "preferences", "modalities", 1], list: "modalities" },
      { path: ["client", "preferences", "languages", 0], list: "languages" },
    ]);
  });

  it("explain and scoreMatch report them too, for a known clinician, an unknown one and an ineligible one", () => {
    const request = { criteria: { ...where, require: { problemAreas: ["Depresion"] } } };
    const expected = [{ path: ["criteria", "require", "problemAreas", 0], list: "problemAreas" }];
    expect(matcher.explain(request, "ana", NOW)).toMatchObject({ eligible: false, unknownTags: expected });
    expect(matcher.explain(request, "nobody", NOW)).toMatchObject({ known: false, unknownTags: expected });
    expect(scoreMatch(request, clinician, NOW).unknownTags).toEqual(expected);
    expect(scoreMatch({ criteria: where }, clinician, NOW)).toMatchObject({ eligible: true, unknownTags: [] });
  });

  it("assignReferrals paths them from the referrals as given, whatever their ids", () => {
    const result = assignReferrals(
      [
        { id: "r2", criteria: { ...where, prefer: { problemAreas: ["depression"] } } },
        { id: "r1", criteria: { ...where, prefer: { problemAreas: ["trauma", "Bad vibes"] } } },
      ],
      [clinician],
      NOW,
    );
    expect(result.unknownTags).toEqual([{ path: [1, "criteria", "prefer", "problemAreas", 1], list: "problemAreas" }]);
  });

  it("never carries the tag itself", () => {
    const secret = "Jordan Smith ZQXSECRET";
    const request = { criteria: { ...where, require: { problemAreas: [secret] }, prefer: { modalities: [secret] } } };
    const ranked = matcher.rank(request, NOW);
    expect(ranked.unknownTags).toHaveLength(2);
    expect(JSON.stringify(ranked.unknownTags)).not.toMatch(/ZQX|jordan/i);
    expect(JSON.stringify(matcher.explain(request, "ana", NOW).unknownTags)).not.toMatch(/ZQX|jordan/i);
  });
});

describe("explanations name needs and modalities by their labels", () => {
  it("counts the unlisted ones instead of quoting them", () => {
    const own = { ...clinician, problemAreas: ["depression", "Horse phobia"], modalities: ["CBT", "Horse whispering"] };
    const result = scoreMatch(
      {
        criteria: {
          ...where,
          prefer: {
            problemAreas: ["Horse phobia", "depression", "Fear of geese", "Fear of ducks"],
            modalities: ["horse whispering", "cbt"],
          },
        },
      },
      own,
      NOW,
    );
    const reason = (criterion: string) => result.option?.parts.find((part) => part.criterion === criterion)?.reason;
    expect(reason("needs")).toBe("Treats depression and an unlisted need; not 2 unlisted needs.");
    expect(reason("modality")).toBe("Offers Cognitive behavioural therapy and an unlisted modality.");
    expect(JSON.stringify(result)).not.toMatch(/horse|geese|duck/i);
  });
});

describe("a directory's unknown tags", () => {
  it("are on the matcher, by path from the directory as given", () => {
    const typo = { ...clinician, id: "aaa", problemAreas: ["Depresion"], languages: ["en", "ez"] };
    const compiled = createMatcher({ clinicians: [clinician, typo] });
    expect(compiled.unknownTags).toEqual([
      { path: ["clinicians", 1, "problemAreas", 0], list: "problemAreas" },
      { path: ["clinicians", 1, "languages", 1], list: "languages" },
    ]);
    expect(compiled.unknownTags).toBe(compiled.unknownTags);
    expect(matcher.unknownTags).toEqual([]);
  });
});

describe("unknown tags in explanations", () => {
  it("a failed hard constraint describes an unknown tag and never quotes it", () => {
    const request: MatchRequestInput = {
      criteria: { ...where, require: { problemAreas: ["zqxsecretneed"], modalities: ["zqxsecretmodality"], languages: ["zq"] } },
    };
    const explanation = matcher.explain(request, "ana", NOW);
    expect(explanation.eligible).toBe(false);
    expect(explanation.failures.map((failure) => failure.text)).toEqual(
      expect.arrayContaining([
        "Does not treat an unlisted need.",
        "Does not offer an unlisted modality.",
        "Does not work in an unlisted language.",
      ]),
    );
    expect(JSON.stringify(explanation)).not.toMatch(/zq/);
  });

  it("explain checks the clinician id and the matcher's own list of unknown tags cannot be changed", () => {
    expect(() => matcher.explain({ criteria: where }, { secret: "Jordan" } as never, NOW)).toThrow(/clinicianId/);
    expect(Object.isFrozen(matcher.unknownTags)).toBe(true);
  });
});
