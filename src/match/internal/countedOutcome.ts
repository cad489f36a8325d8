import type { DomainOutcome } from "../../model/clinician.js";
import { outcomeFor } from "./clinicianCodes.js";
import type { CompiledClinician, CompiledDirectory } from "./compiled.js";

/**
 * A clinician's rating for a canonical problem area when it rests on enough
 * cases to count (`outcomeMinCases`): a rating on fewer is no evidence,
 * for the outcome veto and the outcome fit alike.
 */
export function countedOutcome(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  need: string,
): Pick<DomainOutcome, "rating" | "cases"> | undefined {
  const outcome = outcomeFor(directory, clinician, need);
  return outcome !== undefined && outcome.cases >= directory.options.outcomeMinCases ? outcome : undefined;
}
