import type { HardConstraint } from "../types.js";
import type { CompiledDirectory, PreparedQuery } from "./compiled.js";
import type { Evaluation } from "./constraintChecks.js";

/**
 * Why no clinician is eligible for a request: how many clinicians fail each
 * hard constraint. Every check is asked, as when explaining, but no sentence
 * is written: only the counts are reported.
 */
export function failedConstraintCounts(directory: CompiledDirectory, query: PreparedQuery): Partial<Record<HardConstraint, number>> {
  const counts: Partial<Record<HardConstraint, number>> = {};
  for (const clinician of directory.clinicians) {
    if (clinician === undefined) continue;
    const evaluation: Evaluation = { directory, clinician, query, payment: undefined, care: undefined };
    // The table has one check per constraint, so each clinician counts once per constraint.
    for (const check of query.constraintChecks) {
      if (!check.passes(evaluation)) counts[check.constraint] = (counts[check.constraint] ?? 0) + 1;
    }
  }
  return counts;
}
