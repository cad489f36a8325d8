import type { ConstraintFailure, ConstraintReason } from "../types.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import { networkCover } from "./networkCover.js";
import { feeIn } from "./packedFees.js";

/** Why the client's insurance does not put the clinician in network over the course, as a reason and a clause. */
function networkClause(directory: CompiledDirectory, clinician: CompiledClinician, query: PreparedQuery): [ConstraintReason, string] {
  const cover = networkCover(directory, clinician, query);
  switch (cover.kind) {
    case "ends":
      return [
        "network-ends-during-care",
        `In network with the client's payer only until ${cover.endsOn}, before the expected course ends on ${query.courseEnd}`,
      ];
    case "refuses-associates":
      return ["associate-not-accepted", "The client's payer does not pay for care by pre-licensed clinicians"];
    case "verify-benefits":
      return [
        "verify-benefits",
        "In network only with some plans of the client's payer and the client's plan is not known: verify benefits",
      ];
    default:
      return ["not-in-network", `Not in network with the client's payer on ${query.startDate}`];
  }
}

/** Why the client could not pay this clinician: out of network (or not for the whole course), and the self-pay fee out of reach. */
export function paymentFailure(directory: CompiledDirectory, clinician: CompiledClinician, query: PreparedQuery): ConstraintFailure {
  const payment = query.criteria.require.payment;
  const budget = payment?.maxSelfPay;
  const fee = feeIn(directory.codes, clinician.index, 0);
  const [reason, inNetwork]: [ConstraintReason, string] =
    payment === undefined || payment.payers.length === 0 ? ["self-pay-unaffordable", ""] : networkClause(directory, clinician, query);
  const selfPay =
    budget === undefined
      ? ""
      : fee === undefined
        ? "no self-pay fee is listed"
        : fee.currency !== budget.currency
          ? "the fee is in another currency"
          : "the fee and any sliding scale are above what the client can pay";
  const sentence = [inNetwork, selfPay].filter((part) => part !== "").join(", and ");
  return { constraint: "payment", reason, text: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` };
}
