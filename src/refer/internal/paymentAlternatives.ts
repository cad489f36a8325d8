import type { Client, Clinician, Money, PayerRef } from "../../model/index.js";
import type { Alternative } from "../results.js";
import type { ReferralPolicy } from "../schemas.js";
import { describeMoney } from "./describeMoney.js";

/** What the policy lets the client do instead of leaving, paying themselves or through these payers. */
export function paymentAlternatives(
  billing: ReferralPolicy["billing"],
  client: Client,
  clinician: Clinician,
  payers: readonly PayerRef[],
): Alternative[] {
  const { fee, slidingScaleFloor: floor } = clinician;
  const most = client.maxSelfPay;
  const affordable = (amount: Money | undefined): boolean =>
    amount === undefined || most === undefined || (most.currency === amount.currency && most.minorUnits >= amount.minorUnits);
  const priced = (amount: Money | undefined) => (amount === undefined ? {} : { amount });
  const perSession = (amount: Money | undefined): string => (amount === undefined ? "" : ` at ${describeMoney(amount)} a session`);
  const out: Alternative[] = [];
  const payFee = affordable(fee);
  if (billing.selfPay && payFee) {
    out.push({
      kind: "self-pay",
      summary: `Continue as self-pay${perSession(fee)}.`,
      explanation: `You could keep seeing me and pay for sessions yourself${perSession(fee)}.`,
      ...priced(fee),
    });
  }
  if (billing.slidingScale && floor !== undefined && affordable(floor) && !(payFee && fee !== undefined && most !== undefined)) {
    out.push({
      kind: "sliding-scale",
      summary: `Continue on the practice's sliding scale, from ${describeMoney(floor)} a session.`,
      explanation: `I can offer you a reduced fee, from ${describeMoney(floor)} a session.`,
      amount: floor,
    });
  }
  if (payers.length > 0 && billing.superbill && payFee) {
    out.push({
      kind: "superbill",
      summary: `Continue as self-pay with a superbill the client submits to their insurer${perSession(fee)}.`,
      explanation: "You could pay for sessions yourself, and I would give you the paperwork to claim back what your insurance covers.",
      ...priced(fee),
    });
  }
  if (payers.length > 0 && billing.outOfNetwork) {
    out.push({
      kind: "out-of-network",
      summary: "Continue and bill the client's insurer out of network.",
      explanation: "I could bill your insurance even though I'm not in their network; they may pay part of the cost.",
    });
  }
  return out;
}
