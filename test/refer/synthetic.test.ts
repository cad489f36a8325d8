import { describe, expect, it } from "vitest";
import { createVocabulary } from "referwell";
import { assessReferral, ReferralCase } from "referwell/refer";
import { SYNTHETIC_NOW, syntheticReferralCases } from "../arbitraries/synthetic.js";

describe("synthetic referral cases", () => {
  const cases = syntheticReferralCases({ seed: 1, count: 2_000 });

  it("are valid, and deterministic per seed", () => {
    for (const input of cases) expect(ReferralCase.safeParse(input).success).toBe(true);
    expect(JSON.stringify(syntheticReferralCases({ seed: 1, count: 50 }))).toBe(JSON.stringify(cases.slice(0, 50)));
  });

  it("make every trigger fire on some cases, and leave many with none", () => {
    const vocabulary = createVocabulary();
    const counts = new Map<string, number>();
    for (const input of cases) {
      const codes = assessReferral(input, { now: SYNTHETIC_NOW, vocabulary }).findings.map((finding) => finding.code);
      for (const code of codes.length === 0 ? ["none"] : codes) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(
      [
        "alliance",
        "cannot-afford",
        "deterioration",
        "impartiality",
        "insurance-changed",
        "leaving-panel",
        "moving",
        "no-progress",
        "none",
        "outside-scope",
        "treatment-disagreement",
      ].sort(),
    );
    expect(counts.get("none")).toBeGreaterThan(cases.length / 10);
  });
});
