import type { Client, Clinician, PayerRef } from "../../model/index.js";
import { withinPeriod as periodContains } from "../../model/internal/withinPeriod.js";
import { comparePayers } from "./comparePayers.js";
import { payerRef } from "./payerRef.js";

/** The client's coverage that is in network with the clinician on a day, sorted. */
export function inNetworkOn(client: Client, clinician: Clinician, date: string): PayerRef[] {
  const out: PayerRef[] = [];
  for (const coverage of client.coverage) {
    if (!periodContains(coverage.period, date)) continue;
    const listed = clinician.insurancePanels.some(
      (panel) =>
        panel.payerId === coverage.payerId &&
        periodContains(panel.period, date) &&
        (panel.plans === undefined || (coverage.planId !== undefined && panel.plans.includes(coverage.planId))),
    );
    if (listed) out.push(payerRef(coverage));
  }
  return out.length > 1 ? out.sort(comparePayers) : out;
}
