import type { ConstraintFailure } from "../types.js";
import type { CompiledClinician, PreparedQuery } from "./compiled.js";

/** Why the client could not pay this clinician: out of network, and the self-pay fee out of reach. */
export function paymentFailure(clinician: CompiledClinician, query: PreparedQuery): ConstraintFailure {
  const payment = query.criteria.require.payment;
  const budget = payment?.maxSelfPay;
  const fee = clinician.source.fee;
  const inNetwork =
    payment === undefined || payment.payers.length === 0 ? "" : `Not in network with the client's payer on ${query.startDate}`;
  const selfPay =
    budget === undefined
      ? ""
      : fee === undefined
        ? "no self-pay fee is listed"
        : fee.currency !== budget.currency
          ? "the fee is in another currency"
          : "the fee and any sliding scale are above what the client can pay";
  const sentence = [inNetwork, selfPay].filter((part) => part !== "").join(", and ");
  const reason = payment === undefined || payment.payers.length === 0 ? "self-pay-unaffordable" : "not-in-network";
  return { constraint: "payment", reason, text: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` };
}
