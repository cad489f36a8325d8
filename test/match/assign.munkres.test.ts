import munkres from "munkres-js";
import { expect, it } from "vitest";
import { assignReferrals } from "referwell/match";
import { SYNTHETIC_COMPACTS } from "../arbitraries/synthetic.js";
import { assignmentFixture, munkresTotal, NOW, slotCostMatrix } from "../bench/assignmentFixture.js";

it("reaches the same optimum total as the Hungarian algorithm on the slot matrix", () => {
  const fixture = assignmentFixture({ seed: 5, referrals: 60, clinicians: 12, places: 3 });
  const ours = assignReferrals(fixture.referrals, fixture.clinicians, { now: NOW, compacts: SYNTHETIC_COMPACTS });
  const { matrix, columnClinician } = slotCostMatrix(fixture);
  const theirs = munkresTotal(fixture, munkres(matrix) as [number, number][], columnClinician);
  const index = new Map(fixture.clinicians.map((c, i) => [c.id, i]));
  const ourTotal = ours.assignments.reduce((sum, a) => {
    const r = fixture.referrals.findIndex((referral) => referral.id === a.referralId);
    return sum + (fixture.values[r]?.[index.get(a.clinicianId) ?? -1] ?? 0);
  }, 0);
  expect(ours.assignments.length).toBeGreaterThan(20);
  expect(ours.unassigned.length).toBeGreaterThan(0);
  expect(ourTotal).toBe(theirs);
});
