/**
 * An intake week assigned across a group practice at three sizes (referrals
 * × clinicians, five places each): 300 × 60, 1,000 × 200 and 3,000 × 600.
 * The aim: `assignReferrals`, validation and scoring included, within twice
 * the time HiGHS takes to solve the same assignment as a linear programme
 * over the eligible pairs, with the programme built and the pairs scored
 * before the clock starts (its solve alone). Beside them, on the square slot
 * matrix, the Hungarian algorithm (munkres-js) at the smallest size and a
 * Jonker–Volgenant solver (linear-sum-assignment) at the two smaller ones:
 * both read every pair, eligible or not, so they grow with the cube of the
 * slots and take about a minute at the largest. All solvers reach the same
 * optimum (test/match/assign.highs.test.ts). The durations are reported,
 * never asserted.
 */
import loadHighs from "highs";
import { linearSumAssignment } from "linear-sum-assignment";
import munkres from "munkres-js";
import { bench, describe } from "vitest";
import { assignReferrals } from "referwell/match";
import { SYNTHETIC_COMPACTS } from "../arbitraries/synthetic.js";
import { assignmentFixture, assignmentProgramme, NOW, slotCostMatrix, slotValueMatrix } from "./assignmentFixture.js";

const highs = await loadHighs();
const SIZES = [
  { referrals: 300, clinicians: 60, munkres: true, jonkerVolgenant: true },
  { referrals: 1_000, clinicians: 200, munkres: false, jonkerVolgenant: true },
  { referrals: 3_000, clinicians: 600, munkres: false, jonkerVolgenant: false },
];

for (const size of SIZES) {
  const fixture = assignmentFixture({ seed: 9, referrals: size.referrals, clinicians: size.clinicians, places: 5 });
  const programme = assignmentProgramme(fixture, highs.constants.objectiveSense.maximize);
  // Set rounds at the larger sizes, where each takes from a quarter of a second to seconds: enough after two to warm
  // up that a shared machine's pauses move the means less (with five after one, the mean at 1,000 × 200 was about twice
  // the fastest week), few enough to finish in minutes.
  const rounds = size.referrals > 300 ? { iterations: size.referrals > 1_000 ? 8 : 12, time: 0, warmupIterations: 2 } : {};

  describe(`assign ${size.referrals} referrals to ${size.clinicians} clinicians with 5 places each`, () => {
    bench(
      "assignReferrals (validation and scoring included)",
      () => {
        assignReferrals(fixture.referrals, fixture.clinicians, { now: NOW, compacts: SYNTHETIC_COMPACTS });
      },
      rounds,
    );
    bench(
      "HiGHS: the linear programme over eligible pairs, solve only (baseline)",
      () => {
        highs.withModel(programme, (model) => {
          model.options.set({ output_flag: false });
          model.run();
        });
      },
      rounds,
    );
    if (size.jonkerVolgenant) {
      const values = slotValueMatrix(fixture);
      bench(
        "linear-sum-assignment (Jonker–Volgenant) on the slot matrix (baseline)",
        () => void linearSumAssignment(values, { maximaze: true }),
        rounds,
      );
    }
    if (size.munkres) {
      const { matrix } = slotCostMatrix(fixture);
      bench("munkres-js on the slot matrix (baseline)", () => void munkres(matrix), rounds);
    }
  });
}
