import type { ScoredCandidate } from "./scoreOption.js";
import type { ConstraintFailure, PassTo } from "../types.js";

/**
 * Seed 001: the best match wins, even when it is a colleague and not the
 * point person. A colleague takes the referral when the point person is not
 * an option, or when the colleague's score leads by the margin.
 */
export function findPassTo(
  ranked: readonly ScoredCandidate[],
  pointPersonId: string,
  pointPerson: { readonly failures: readonly ConstraintFailure[]; readonly option: ScoredCandidate | undefined },
  margin: number,
): PassTo | undefined {
  const best = ranked.find((option) => option.colleague && option.clinicianId !== pointPersonId);
  if (best === undefined) return undefined;
  const colleague = best.explain();
  const own = pointPerson.option?.explain();
  const leadBy = own === undefined ? colleague.score : colleague.score - own.score;
  if (own !== undefined && leadBy < margin - 1e-9) return undefined;
  const reasons = own === undefined ? pointPerson.failures.map((failure) => `Point person: ${failure.text}`) : [];
  if (own !== undefined) {
    for (const part of colleague.parts) {
      const theirs = own.parts.find((candidate) => candidate.criterion === part.criterion);
      if (theirs !== undefined && part.fit > theirs.fit + 1e-9) reasons.push(`${part.criterion}: ${part.reason}`);
    }
  }
  return { from: pointPersonId, to: colleague.clinicianId, leadBy, reasons };
}
