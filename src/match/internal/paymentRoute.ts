import { deepFreeze } from "../../model/internal/deepFreeze.js";
import type { PaymentRoute } from "../types.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import { networkCover } from "./networkCover.js";
import { feeUnitsIn } from "./packedFees.js";

/** The route when the request says nothing about payment; frozen, as results carry it and a caller that changed it would change every later result. */
export const UNSPECIFIED: PaymentRoute = /* @__PURE__ */ deepFreeze({ via: "unspecified" });

/** How the client would pay this clinician: in network over the expected course (see `networkCover`), else a fee or sliding-scale floor within budget; undefined when neither. */
export function paymentRoute(directory: CompiledDirectory, clinician: CompiledClinician, query: PreparedQuery): PaymentRoute | undefined {
  const payment = query.criteria.require.payment;
  if (payment === undefined) return UNSPECIFIED;
  if (payment.payers.length > 0) {
    const cover = networkCover(directory, clinician, query);
    if (cover.kind === "covered")
      return cover.endsOn === undefined
        ? { via: "insurance", payerId: cover.payerId }
        : { via: "insurance", payerId: cover.payerId, networkEndsOn: cover.endsOn };
  }
  const budget = payment.maxSelfPay;
  if (budget === undefined) return undefined;
  // A fee in another currency is never within the budget.
  const { currency, minorUnits: most } = budget;
  const fee = feeUnitsIn(directory.codes, clinician.index, 0, currency);
  if (fee === undefined) return undefined;
  if (fee <= most) return { via: "self-pay", amount: { currency, minorUnits: fee }, slidingScale: false };
  const floor = feeUnitsIn(directory.codes, clinician.index, 1, currency);
  return floor !== undefined && floor <= most
    ? { via: "self-pay", amount: { currency, minorUnits: floor }, slidingScale: true }
    : undefined;
}
