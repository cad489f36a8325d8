import type { Clinician } from "../../model/clinician.js";
import { PANEL_NUMBERS } from "./packedPanels.js";
import { CAPACITY_NUMBERS } from "./packedCapacity.js";
import { MOST_FEE_NUMBERS } from "./packedFees.js";

/**
 * The most entries a clinician's segment of the pool can take beyond its
 * header: one per tag, outcome (two) and slot, one more for older adults,
 * and the panels', capacity's and fees' numbers. At the schema's largest
 * lists that is 103,161.
 */
export function mostSegmentEntries(source: Clinician): number {
  let panels = 0;
  for (let at = 0; at < source.insurancePanels.length; at += 1)
    panels += 1 + PANEL_NUMBERS + (source.insurancePanels[at]?.plans?.length ?? 0);
  return (
    source.populations.length +
    1 +
    source.problemAreas.length +
    source.modalities.length +
    source.languages.length +
    (source.cultures?.length ?? 0) +
    (source.faiths?.length ?? 0) +
    2 * (source.outcomes?.length ?? 0) +
    panels +
    source.availability.slots.length +
    CAPACITY_NUMBERS +
    MOST_FEE_NUMBERS
  );
}
