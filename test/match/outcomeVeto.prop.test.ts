import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Directory, MatchCriteria } from "referwell";
import { createMatcher } from "referwell/match";
import { matchCriteria, matchDirectory } from "../arbitraries/match.js";

const NOW = "2026-11-23T09:00:00-08:00";
const ALL = { now: NOW, limit: 10_000 };

/** Where a clinician stands in a ranking: its score and position, or nothing when it is not an option. */
function standing(directory: Directory, criteria: MatchCriteria, id: string, policy: "exclude" | "penalize") {
  const { options } = createMatcher(directory, { ineffectiveOnPrimary: policy }).rank({ criteria }, ALL);
  const position = options.findIndex((option) => option.clinicianId === id);
  return position < 0 ? { score: -1, position: Number.POSITIVE_INFINITY } : { score: options[position]?.score ?? -1, position };
}

describe("outcome veto", () => {
  test.prop([
    matchDirectory(),
    matchCriteria,
    fc.nat(),
    fc.nat(),
    fc.integer({ min: 15, max: 200 }),
    fc.constantFrom("exclude" as const, "penalize" as const),
  ])(
    "adding an ineffective rating on one of the client's needs never raises a clinician's score or rank",
    (directory, criteria, pick, which, cases, policy) => {
      const needs = criteria.prefer.problemAreas;
      fc.pre(needs.length > 0 && directory.clinicians.length > 0);
      const clinician = directory.clinicians[pick % directory.clinicians.length];
      if (clinician === undefined) throw new Error("no clinician");
      const need = needs[which % needs.length] as string;
      const rated: Directory = {
        ...directory,
        clinicians: directory.clinicians.map((c) =>
          c.id === clinician.id ? { ...c, outcomes: [...(c.outcomes ?? []), { problemArea: need, rating: "ineffective", cases }] } : c,
        ),
      };
      const before = standing(directory, criteria, clinician.id, policy);
      const after = standing(rated, criteria, clinician.id, policy);
      expect(after.score).toBeLessThanOrEqual(before.score + 1e-12);
      expect(after.position).toBeGreaterThanOrEqual(before.position);
    },
  );

  test.prop([matchDirectory(), matchCriteria, fc.nat(), fc.integer({ min: 15, max: 200 })])(
    "once rated ineffective on one need, effective ratings on the others never raise the score",
    (directory, criteria, pick, cases) => {
      const needs = criteria.prefer.problemAreas;
      // The ineffective need is not the primary one, so the clinician stays an option under the default policy.
      fc.pre(needs.length > 1 && directory.clinicians.length > 0);
      const clinician = directory.clinicians[pick % directory.clinicians.length];
      if (clinician === undefined) throw new Error("no clinician");
      const ineffective = { problemArea: needs[1] as string, rating: "ineffective" as const, cases };
      const effective = needs.filter((_, i) => i !== 1).map((problemArea) => ({ problemArea, rating: "effective" as const, cases }));
      const withOutcomes = (outcomes: NonNullable<Directory["clinicians"][number]["outcomes"]>): Directory => ({
        ...directory,
        clinicians: directory.clinicians.map((c) => (c.id === clinician.id ? { ...c, outcomes } : c)),
      });
      const before = standing(withOutcomes([ineffective]), criteria, clinician.id, "exclude");
      const after = standing(withOutcomes([ineffective, ...effective]), criteria, clinician.id, "exclude");
      expect(after.score).toBeLessThanOrEqual(before.score + 1e-12);
    },
  );
});
