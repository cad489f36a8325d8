import type { Client, Clinician, PayerRef } from "../../model/index.js";
import { panelListing } from "../../model/internal/panelListing.js";
import { withinPeriod as periodContains } from "../../model/internal/withinPeriod.js";
import { comparePayers } from "./comparePayers.js";
import { payerRef } from "./payerRef.js";

/** The client's coverage that is in network with the clinician on a day, sorted. */
export function inNetworkOn(client: Client, clinician: Clinician, date: string): PayerRef[] {
  const out: PayerRef[] = [];
  for (const coverage of client.coverage) {
    if (!periodContains(coverage.period, date)) continue;
    // A plan-limited panel and a coverage without a plan id: benefits must be verified, so not in network (fails closed).
    const listed = clinician.insurancePanels.some((panel) => panelListing(panel, coverage, date) === "in-network");
    if (listed) out.push(payerRef(coverage));
  }
  return out.length > 1 ? out.sort(comparePayers) : out;
}
