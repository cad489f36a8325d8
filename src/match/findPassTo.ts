import type { CompiledDirectory } from "./compiled.js";
import type { ConstraintFailure, PassTo, RankedOption } from "./types.js";

/**
 * Seed 001: the best match wins, even when it is a colleague and not the
 * point person. A colleague takes the referral when the point person is not
 * an option, or when the colleague's score leads by the margin.
 */
export function findPassTo(
  directory: CompiledDirectory,
  ranked: readonly RankedOption[],
  pointPersonId: string,
  pointPerson: { readonly failures: readonly ConstraintFailure[]; readonly option: RankedOption | undefined },
): PassTo | undefined {
  const colleague = ranked.find((option) => option.colleague && option.clinicianId !== pointPersonId);
  if (colleague === undefined) return undefined;
  const own = pointPerson.option;
  const leadBy = own === undefined ? colleague.score : colleague.score - own.score;
  if (own !== undefined && leadBy < directory.options.margin) return undefined;
  const reasons = own === undefined ? pointPerson.failures.map((failure) => `Point person: ${failure.text}`) : [];
  if (own !== undefined) {
    for (const part of colleague.parts) {
      const theirs = own.parts.find((candidate) => candidate.criterion === part.criterion);
      if (theirs !== undefined && part.fit > theirs.fit + 1e-9) reasons.push(`${part.criterion}: ${part.reason}`);
    }
  }
  return { from: pointPersonId, to: colleague.clinicianId, leadBy, reasons };
}
