import { describe, expect, it } from "vitest";
import { createVocabulary } from "referwell";
import { assessPanelExit, assessReferral } from "referwell/refer";
import { assess, client, clinician, NOW, referralCase } from "./fixtures.js";
import { untyped } from "../support/untyped.js";

describe("unknown tags in a referral case", () => {
  it("reports the client's and the clinician's tags no vocabulary knows, by path and list", () => {
    const assessment = assess(
      referralCase({
        client: {
          needs: { problemAreas: ["depression", "Sadnes"] },
          preferences: { mode: "either", modalities: ["EMDR", "Chat"], languages: ["ez"] },
        },
        clinician: {
          discipline: "Shaman",
          problemAreas: ["depression", "anxiety", "Grumpiness"],
          modalities: ["cbt", "Vibes"],
          populations: ["adults", "Grown-ups"],
          languages: ["en", "qq"],
          outcomes: [{ problemArea: "Grumpiness", rating: "effective", cases: 12 }],
        },
      }),
    );
    expect(assessment.unknownTags).toEqual([
      { path: ["client", "needs", "problemAreas", 1], list: "problemAreas" },
      { path: ["client", "preferences", "modalities", 1], list: "modalities" },
      { path: ["client", "preferences", "languages", 0], list: "languages" },
      { path: ["clinician", "discipline"], list: "disciplines" },
      { path: ["clinician", "problemAreas", 2], list: "problemAreas" },
      { path: ["clinician", "modalities", 1], list: "modalities" },
      { path: ["clinician", "populations", 1], list: "populations" },
      { path: ["clinician", "languages", 1], list: "languages" },
      { path: ["clinician", "outcomes", 0, "problemArea"], list: "problemAreas" },
    ]);
  });

  it("reports nothing for codes, synonyms and labels in any spelling, nor for the host's own codes", () => {
    expect(assess(referralCase()).unknownTags).toEqual([]);
    const synonyms = referralCase({
      client: {
        needs: { problemAreas: ["Low mood", "PTSD"] },
        preferences: { mode: "either", modalities: ["Cognitive Behavioural Therapy"] },
      },
      clinician: { discipline: "Clinical Psychologist", languages: ["EN", "ase"] },
    });
    expect(assess(synonyms).unknownTags).toEqual([]);
    const own = referralCase({ client: { needs: { problemAreas: ["Horse phobia"] } } });
    expect(assess(own).unknownTags).toEqual([{ path: ["client", "needs", "problemAreas", 0], list: "problemAreas" }]);
    const vocabulary = createVocabulary({ problemAreas: [{ code: "horse-phobia", label: "Horse phobia" }] });
    expect(assess(own, { vocabulary }).unknownTags).toEqual([]);
  });

  it("never carries the tag itself", () => {
    const secret = "Jordan Smith ZQXSECRET";
    const assessment = assessReferral(
      untyped(referralCase({ client: { needs: { problemAreas: [secret] } }, clinician: { modalities: [secret] } })),
      { now: NOW },
    );
    expect(assessment.unknownTags).toHaveLength(2);
    expect(JSON.stringify(assessment.unknownTags)).not.toMatch(/ZQX|jordan/i);
  });

  it("a panel exit reports them in each referral's assessment", () => {
    const result = assessPanelExit(
      untyped({
        date: "2027-01-01",
        clinicianIds: ["clin-ana"],
        clinicians: [clinician()],
        clients: [client({ needs: { problemAreas: ["Depresion"] } })],
        episodes: [{ clientId: "cl-01", clinicianId: "clin-ana" }],
      }),
      { now: NOW },
    );
    expect(result.referrals.map((referral) => referral.assessment.unknownTags)).toEqual([
      [{ path: ["client", "needs", "problemAreas", 0], list: "problemAreas" }],
    ]);
  });
});

describe("unknown tags in findings", () => {
  it("a summary counts the client's unlisted needs and modalities and never quotes them", () => {
    const assessment = assess(
      referralCase({
        client: {
          needs: { problemAreas: ["zqxsecretneed"] },
          preferences: { mode: "either", modalities: ["zqxsecretmodality"] },
        },
      }),
    );
    const summaries = assessment.findings.map((finding) => finding.summary);
    expect(summaries.some((summary) => summary.startsWith("an unlisted need: outside the scope"))).toBe(true);
    expect(summaries.some((summary) => summary.includes("the client wants an unlisted modality"))).toBe(true);
    // The criteria carry the client's own tags on to the matcher; the words shown to people never do.
    const words = assessment.findings.map(({ summary, explanation, evidence }) => ({ summary, explanation, evidence }));
    expect(JSON.stringify(words)).not.toMatch(/zqx/);
  });
});

describe("the vocabulary option", () => {
  it("is an error, not a crash, when it lacks a method the rules call", () => {
    const partial = untyped({ canonical: (_list: string, tag: string) => tag });
    expect(() => assess(referralCase(), { vocabulary: partial })).toThrow(/options\.vocabulary/);
  });
});
