import type { CareMode } from "../../model/enums.js";
import { deepFreeze } from "../../model/internal/deepFreeze.js";
import { type ConstraintFailure, HardConstraint, type PaymentRoute } from "../types.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import type { Evaluation } from "./constraintChecks.js";
import { UNSPECIFIED } from "./paymentRoute.js";

/** The outcome of the hard constraints for one clinician and one request. */
export interface ConstraintResult {
  /** The first constraint the clinician fails, if any. */
  readonly failed: HardConstraint | undefined;
  /** Every failure, each with its sentence, when all constraints were evaluated; empty after `"first"`. */
  readonly failures: readonly ConstraintFailure[];
  readonly modes: readonly CareMode[];
  readonly payment: PaymentRoute;
  readonly distanceKm: number | undefined;
}

/** What ranking gets when a constraint fails: the constraint, and nothing allocated per clinician. */
const FAILED_ON = Object.fromEntries(
  HardConstraint.options.map((constraint) => [
    constraint,
    deepFreeze<ConstraintResult>({ failed: constraint, failures: [], modes: [], payment: UNSPECIFIED, distanceKm: undefined }),
  ]),
) as Record<HardConstraint, ConstraintResult>;

const NO_FAILURES: readonly ConstraintFailure[] = Object.freeze([]);
const NO_MODES: readonly CareMode[] = Object.freeze([]);

/**
 * Checks the hard constraints of a request against one clinician, in the
 * order of the table (`constraintChecks`). `"first"` (ranking) stops at the first
 * constraint that fails and only names it; `"all"` (explaining) lists every
 * failure with its reason and sentence.
 */
export function evaluateConstraints(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  query: PreparedQuery,
  until: "first" | "all",
): ConstraintResult {
  const evaluation: Evaluation = { directory, clinician, query, payment: undefined, care: undefined };
  // Ranking never lists failures: no array per clinician.
  const failures: ConstraintFailure[] | undefined = until === "all" ? [] : undefined;
  let failed: HardConstraint | undefined;
  const checks = query.constraintChecks;
  for (let at = 0; at < checks.length; at += 1) {
    const check = checks[at] as (typeof checks)[number];
    if (check.passes(evaluation)) continue;
    if (until === "first") return FAILED_ON[check.constraint];
    failed ??= check.constraint;
    failures?.push(...check.explain(evaluation));
  }
  const modes = evaluation.care?.modes ?? NO_MODES;
  return {
    failed,
    failures: failures ?? NO_FAILURES,
    modes,
    payment: evaluation.payment ?? UNSPECIFIED,
    distanceKm: modes.includes("in-person") ? evaluation.care?.distanceKm : undefined,
  };
}
