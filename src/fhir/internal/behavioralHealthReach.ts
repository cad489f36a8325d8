import type { DisclosureCategory, SensitivityCode } from "../../consent/categories.js";
import { markedBy } from "./markedBy.js";

/** The behavioral-health sensitivity codes, read together by default (the FHIR guide says why and from what sources). */
export const BEHAVIORAL_HEALTH_FAMILY: ReadonlySet<SensitivityCode> = new Set<SensitivityCode>(["BH", "MH", "PSY"]);

/** What a deny labelled with any of the family denies, read together: every category labelled with one of these. */
const BEHAVIORAL_HEALTH_REACH: readonly SensitivityCode[] = ["BH", "MH", "PSY", "PSYTHPN", "EMOTDIS", "COGN", "DVD", "SUD", "ETH"];

/**
 * The categories of `catalogue`, in its order, that a behavioral-health
 * label denies read together, or `undefined` when the host reads each as
 * labelled. Worked out once per consent read.
 */
export function behavioralHealthReach(
  catalogue: readonly DisclosureCategory[],
  reading: "together" | "as-labelled",
): readonly string[] | undefined {
  if (reading !== "together") return undefined;
  const reached = new Set(BEHAVIORAL_HEALTH_REACH.flatMap((code) => markedBy(catalogue, code)));
  return catalogue.map((category) => category.code).filter((code) => reached.has(code));
}
