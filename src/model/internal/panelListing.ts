import type { InsurancePanel } from "../clinician.js";
import type { IsoDate } from "../scalars.js";
import { withinPeriod } from "./withinPeriod.js";

/**
 * How a panel lists a client's payer and plan on a day: `in-network`;
 * `verify-benefits` when the panel is limited to some plans of the payer and
 * the client's plan is not known (it fails closed: only the payer can say
 * whether the plan is one of them); else `out-of-network`. Shared by
 * `referwell/refer` and `referwell/match`, so they never disagree.
 */
export function panelListing(
  panel: InsurancePanel,
  payer: { readonly payerId: string; readonly planId?: string | undefined },
  date: IsoDate,
): "in-network" | "verify-benefits" | "out-of-network" {
  if (panel.payerId !== payer.payerId || !withinPeriod(panel.period, date)) return "out-of-network";
  if (panel.plans === undefined) return "in-network";
  if (payer.planId === undefined) return "verify-benefits";
  return panel.plans.includes(payer.planId) ? "in-network" : "out-of-network";
}
