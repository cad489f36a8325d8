import type { HardConstraint } from "../types.js";
import type { CompiledDirectory, PreparedQuery } from "./compiled.js";
import type { ConstraintCheck, Evaluation } from "./constraintChecks.js";

/**
 * Why no clinician is eligible for a request: how many clinicians fail each
 * hard constraint. Every check is asked, as when explaining, but no sentence
 * is written: only the counts are reported.
 */
export function failedConstraintCounts(directory: CompiledDirectory, query: PreparedQuery): Partial<Record<HardConstraint, number>> {
  const checks = query.constraintChecks;
  const failures = new Uint32Array(checks.length);
  // The constraints in the order one first failed, clinician by clinician: the counts are listed in that order.
  const firstFailed: number[] = [];
  for (const clinician of directory.clinicians) {
    if (clinician === undefined) continue;
    const evaluation: Evaluation = { directory, clinician, query, payment: undefined, care: undefined };
    // The table has one check per constraint, so each clinician counts once per constraint.
    for (let at = 0; at < checks.length; at += 1) {
      if ((checks[at] as ConstraintCheck).passes(evaluation)) continue;
      if (failures[at] === 0) firstFailed.push(at);
      failures[at] = (failures[at] as number) + 1;
    }
  }
  const counts: Partial<Record<HardConstraint, number>> = {};
  for (const at of firstFailed) counts[(checks[at] as ConstraintCheck).constraint] = failures[at] as number;
  return counts;
}
