import type { DomainOutcome } from "../../model/clinician.js";
import { worstOutcome } from "./clinicianCodes.js";
import type { CompiledClinician, CompiledDirectory } from "./compiled.js";

/**
 * A clinician's rating for a canonical problem area when it rests on enough
 * cases to count (`outcomeMinCases`): a rating on fewer is no evidence,
 * for the outcome veto and the outcome fit alike. Of several that count,
 * the worst (see `worstOutcome`).
 */
export function countedOutcome(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  need: string,
): Pick<DomainOutcome, "rating" | "cases"> | undefined {
  return worstOutcome(directory, clinician, need, directory.options.outcomeMinCases);
}
