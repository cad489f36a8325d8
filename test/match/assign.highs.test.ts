import loadHighs from "highs";
import { linearSumAssignment } from "linear-sum-assignment";
import { describe, expect, it } from "vitest";
import { assignReferrals } from "referwell/match";
import { SYNTHETIC_COMPACTS } from "../arbitraries/synthetic.js";
import { assignmentFixture, assignmentProgramme, NOW, slotTotal, slotValueMatrix } from "../bench/assignmentFixture.js";

/**
 * Two outside solvers agree with the assignment's optimum: HiGHS on the
 * linear programme over eligible pairs, and a Jonker–Volgenant solver on the
 * slot matrix. Intake weeks with more referrals than places, fewer, and as
 * many, so some referrals go unplaced and some clinicians keep free places.
 */
const highs = await loadHighs();

const WEEKS = [
  { seed: 3, referrals: 120, clinicians: 20, places: 4 },
  { seed: 8, referrals: 40, clinicians: 30, places: 2 },
  { seed: 13, referrals: 90, clinicians: 30, places: 3 },
];

describe.each(WEEKS)("assignment of $referrals referrals to $clinicians clinicians with $places places", (week) => {
  const fixture = assignmentFixture(week);
  const ours = assignReferrals(fixture.referrals, fixture.clinicians, { now: NOW, compacts: SYNTHETIC_COMPACTS });
  const column = new Map(fixture.clinicians.map((clinician, index) => [clinician.id, index]));
  const row = new Map(fixture.referrals.map((referral, index) => [referral.id, index]));
  const ourTotal = ours.assignments.reduce(
    (sum, a) => sum + (fixture.values[row.get(a.referralId) ?? -1]?.[column.get(a.clinicianId) ?? -1] ?? Number.NaN),
    0,
  );

  it("places more than ten referrals and accounts for every one", () => {
    expect(ours.assignments.length).toBeGreaterThan(10);
    expect(ours.assignments.length + ours.unassigned.length).toBe(fixture.referrals.length);
  });

  it("reaches the optimum of the linear programme HiGHS solves, whose solution is whole", () => {
    const programme = assignmentProgramme(fixture, highs.constants.objectiveSense.maximize);
    const { objective, values } = highs.withModel(programme, (model) => {
      model.options.set({ output_flag: false });
      model.run();
      return { objective: model.getObjectiveValue(), values: Array.from(model.getSolution().colValue) };
    });
    for (const value of values) expect(Math.min(Math.abs(value), Math.abs(value - 1))).toBeLessThan(1e-9);
    expect(ourTotal).toBe(Math.round(objective));
  });

  it("reaches the optimum a Jonker–Volgenant solver finds on the slot matrix", () => {
    const { rowAssignments } = linearSumAssignment(slotValueMatrix(fixture), { maximaze: true });
    expect(ourTotal).toBe(slotTotal(fixture, rowAssignments));
  });
});
