import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import type { ConstraintResult } from "./evaluateConstraints.js";
import { type FitFacts, softFits } from "./softFits.js";
import type { RankedOption, ScorePart } from "../types.js";
import { capacityIn } from "./packedCapacity.js";

/** A scored clinician whose explanation is built only when asked for: ranking scores thousands, explains a few. */
export interface ScoredCandidate {
  readonly clinicianId: string;
  readonly score: number;
  readonly colleague: boolean;
  explain(): RankedOption;
}

/**
 * Scores an eligible clinician part by part. Every part is a fit from 0 to
 * 1; a part the request says nothing about fits fully (nothing asked,
 * nothing missed), except outcomes, which only ever add evidence.
 */
export function scoreOption(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  query: PreparedQuery,
  constraints: ConstraintResult,
): ScoredCandidate {
  const facts: FitFacts = { directory, clinician, query, constraints };
  // Only the fits are read here, each a number: the reasons are written when an option is explained.
  let sum = 0;
  for (const [criterion, weight] of query.weights) sum += weight * softFits[criterion].fit(facts);
  // Weights sum to 1, so the sum is within [0, 1] but for rounding in the last place.
  const score = Math.min(1, Math.max(0, sum));
  const practiceId = clinician.practiceId;
  const wait = capacityIn(directory.codes, clinician.index, "expectedWaitDays");
  const colleague = practiceId !== undefined && practiceId === query.practiceId;
  return {
    clinicianId: clinician.id,
    score,
    colleague,
    explain: () => {
      const parts: ScorePart[] = query.weights.map(([criterion, weight]) => {
        const fit = softFits[criterion].fit(facts);
        return { criterion, weight, fit, contribution: weight * fit, reason: softFits[criterion].reason(facts) };
      });
      return {
        clinicianId: clinician.id,
        ...(practiceId === undefined ? {} : { practiceId }),
        colleague,
        score,
        parts,
        // The answer's own list: the constraints share one list per set of modes among all candidates.
        modes: [...constraints.modes],
        payment: constraints.payment,
        ...(constraints.distanceKm === undefined ? {} : { distanceKm: constraints.distanceKm }),
        ...(wait === undefined ? {} : { expectedWaitDays: wait }),
        ...(constraints.payment.via === "insurance" && constraints.payment.networkEndsOn !== undefined
          ? {
              warnings: [
                `In network with the client's payer only until ${constraints.payment.networkEndsOn}, before the expected course ends on ${query.courseEnd}.`,
              ],
            }
          : {}),
      };
    },
  };
}
