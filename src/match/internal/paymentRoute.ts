import { deepFreeze } from "../../model/internal/deepFreeze.js";
import { withinPeriod as periodContains } from "../../model/internal/withinPeriod.js";
import type { PaymentRoute } from "../types.js";
import type { CompiledClinician, PreparedQuery } from "./compiled.js";

/** The route when the request says nothing about payment; frozen, as results carry it and a caller that changed it would change every later result. */
export const UNSPECIFIED: PaymentRoute = /* @__PURE__ */ deepFreeze({ via: "unspecified" });

/** How the client would pay this clinician: in network on the start date, else a fee or sliding-scale floor within budget; undefined when neither. */
export function paymentRoute(clinician: CompiledClinician, query: PreparedQuery): PaymentRoute | undefined {
  const payment = query.criteria.require.payment;
  if (payment === undefined) return UNSPECIFIED;
  const { insurancePanels, fee, slidingScaleFloor } = clinician.source;
  for (const payer of payment.payers) {
    for (const panel of insurancePanels) {
      if (panel.payerId !== payer.payerId || !periodContains(panel.period, query.startDate)) continue;
      // A panel without plans covers every plan; a payer without a plan matches any listed plan.
      if (panel.plans === undefined || payer.planId === undefined || panel.plans.includes(payer.planId))
        return { via: "insurance", payerId: payer.payerId };
    }
  }
  const budget = payment.maxSelfPay;
  if (budget !== undefined && fee !== undefined && fee.currency === budget.currency) {
    if (fee.minorUnits <= budget.minorUnits) return { via: "self-pay", amount: fee, slidingScale: false };
    if (slidingScaleFloor !== undefined && slidingScaleFloor.minorUnits <= budget.minorUnits)
      return { via: "self-pay", amount: slidingScaleFloor, slidingScale: true };
  }
  return undefined;
}
