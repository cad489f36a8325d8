import type { Client, Clinician, IsoDate, Money, PayerProgram, PayerRef } from "../../model/index.js";
import { selfPayBarring } from "../../model/internal/selfPayBarring.js";
import { withinPeriod } from "../../model/internal/withinPeriod.js";
import type { Alternative } from "../results.js";
import type { ReferralPolicy } from "../schemas.js";
import { describeMoney } from "./describeMoney.js";

/** What the payment alternatives read: the practice's billing policy, the client and the clinician. */
export interface PaymentFacts {
  readonly policy: Pick<ReferralPolicy, "billing">;
  readonly client: Client;
  readonly clinician: Clinician;
  /** The day the client reported they can no longer afford the fee: the sliding scale is then offered even when the fee is within their stated maximum. */
  readonly hardshipReported?: IsoDate | undefined;
}

/**
 * The ways to keep paying the clinician, and whether one is known to work:
 * `alternatives` are what the policy and the payer rules allow; `sure` are
 * those the client is known to manage (a fee within their stated maximum,
 * a plan known to pay out of network); `needs` are the facts that would
 * decide it when none is sure.
 */
export interface PaymentWays {
  readonly alternatives: Alternative[];
  readonly sure: Alternative[];
  readonly needs: string[];
}

/** How the payers' programmes let the client pay the clinician outside the network. */
type Regime = "uninsured" | "ordinary" | "medicare" | "medicaid" | "unknown";

/** The ways of paying that are the client paying the clinician themselves (a good faith estimate is due: 45 CFR 149.610). */
export const SELF_PAY_KINDS: readonly string[] = ["self-pay", "sliding-scale", "superbill", "private-contract"];

const PRIVATE_CONTRACT_SOURCE =
  "42 CFR 405.415 (a private contract with a Medicare beneficiary, only while the clinician's opt-out is in force, 42 CFR 405.400–405.455); Social Security Act §1848(g)(4) (otherwise claims must be submitted)";

/**
 * The client's coverage for these payers in force on the day. Coverage that
 * has ended or not yet begun is not held: a plan the client no longer has
 * (or does not have yet) must not offer a superbill or out-of-network
 * billing, nor decide how they may pay.
 */
function coverageFor(client: Client, payers: readonly PayerRef[], on: IsoDate) {
  return client.coverage.filter(
    (coverage) =>
      withinPeriod(coverage.period, on) &&
      payers.some((payer) => payer.payerId === coverage.payerId && (payer.planId === undefined || payer.planId === coverage.planId)),
  );
}

/** The strictest programme wins: Medicaid, then an unknown one the policy withholds, then Medicare. */
function regimeOf(programs: readonly (PayerProgram | undefined)[], billing: ReferralPolicy["billing"]): Regime {
  if (programs.length === 0) return "uninsured";
  if (programs.includes("medicaid")) return "medicaid";
  // Withheld, cover of no known programme may be Medicaid, which bars even a Medicare private contract here: a client on
  // Medicare who holds it too is asked for its programme, not offered a contract.
  if (programs.includes(undefined) && billing.unknownProgram === "withhold") return "unknown";
  if (programs.includes("medicare")) return "medicare";
  return "ordinary";
}

/**
 * The practice's sliding scale, when the policy offers it and its floor is
 * within reach: only when self-pay at the full fee is not on offer and known
 * to be within reach, or the client reported hardship.
 */
function slidingScale(facts: PaymentFacts, payFee: boolean, affordable: (amount: Money | undefined) => boolean): Alternative[] {
  const { billing } = facts.policy;
  const { fee, slidingScaleFloor: floor } = facts.clinician;
  const fullFee = billing.selfPay && payFee && fee !== undefined && facts.client.maxSelfPay !== undefined;
  if (!billing.slidingScale || (fullFee && facts.hardshipReported === undefined)) return [];
  if (floor === undefined || !affordable(floor)) return [];
  return [
    {
      kind: "sliding-scale",
      summary: `Continue on the practice's sliding scale, from ${describeMoney(floor)} a session.`,
      explanation: `I can offer you a reduced fee, from ${describeMoney(floor)} a session.`,
      amount: floor,
    },
  ];
}

/** Self-pay, a sliding scale, a superbill and out-of-network billing, as the policy allows them. */
function ordinaryWays(facts: PaymentFacts, insured: boolean, affordable: (amount: Money | undefined) => boolean): Alternative[] {
  const { billing } = facts.policy;
  const { fee } = facts.clinician;
  const priced = fee === undefined ? {} : { amount: fee };
  const perSession = fee === undefined ? "" : ` at ${describeMoney(fee)} a session`;
  const payFee = affordable(fee);
  const out: Alternative[] = [];
  if (billing.selfPay && payFee) {
    out.push({
      kind: "self-pay",
      summary: `Continue as self-pay${perSession}.`,
      explanation: `You could keep seeing me and pay for sessions yourself${perSession}.`,
      ...priced,
    });
  }
  out.push(...slidingScale(facts, payFee, affordable));
  if (insured && billing.superbill && payFee) {
    out.push({
      kind: "superbill",
      summary: `Continue as self-pay with a superbill the client submits to their insurer${perSession}.`,
      explanation: "You could pay for sessions yourself, and I would give you the paperwork to claim back what your insurance covers.",
      ...priced,
    });
  }
  if (insured && billing.outOfNetwork) {
    out.push({
      kind: "out-of-network",
      summary: "Continue and bill the client's insurer out of network.",
      explanation: "I could bill your insurance even though I'm not in their network; they may pay part of the cost.",
    });
  }
  return out;
}

/**
 * A Medicare beneficiary: a private contract, only while the clinician's
 * opt-out is in force on every day from `on` to `until`; never a superbill.
 */
function medicareWays(facts: PaymentFacts, on: IsoDate, until: IsoDate, affordable: (amount: Money | undefined) => boolean): Alternative[] {
  const { fee, medicareOptOut } = facts.clinician;
  // An opt-out's effects, private contracting among them, hold only for its period (42 CFR 405.425); after it the clinician
  // must submit claims again (Social Security Act §1848(g)(4)), so a contract signed under an opt-out that ends within the
  // days judged would lapse before they do. An opt-out is one period: in force on both ends is in force throughout.
  const optedOut = medicareOptOut !== undefined && withinPeriod(medicareOptOut, on) && withinPeriod(medicareOptOut, until);
  if (!facts.policy.billing.selfPay || !optedOut || !affordable(fee)) return [];
  const perSession = fee === undefined ? "" : ` at ${describeMoney(fee)} a session`;
  return [
    {
      kind: "private-contract",
      summary: `Continue under a Medicare private contract signed before the next session${perSession}; Medicare pays nothing and the client claims nothing from it.`,
      explanation: `You could keep seeing me and pay for sessions yourself${perSession}; Medicare wouldn't pay for them, and we'd sign an agreement saying so first.`,
      ...(fee === undefined ? {} : { amount: fee }),
      source: PRIVATE_CONTRACT_SOURCE,
    },
  ];
}

/** The facts that would decide whether the client can keep paying, when no way is sure. */
function missingFacts(facts: PaymentFacts, regime: Regime, alternatives: readonly Alternative[]): string[] {
  if (regime === "unknown") return ["client.coverage.program"];
  const paying = alternatives.some((alternative) => SELF_PAY_KINDS.includes(alternative.kind));
  return [
    ...(paying && facts.client.maxSelfPay === undefined ? ["client.maxSelfPay"] : []),
    ...(paying && facts.clinician.fee === undefined ? ["clinician.fee"] : []),
    ...(alternatives.some((alternative) => alternative.kind === "out-of-network") ? ["client.coverage.outOfNetworkBenefits"] : []),
  ];
}

/**
 * What the policy and the payer rules let the client do instead of leaving,
 * paying themselves or through these payers (none: uninsured), from `on`
 * to `until` (that day only unless given). The payers count only for
 * coverage in force on `on`; it alone may offer a superbill or
 * out-of-network billing. The programme is the strictest among that
 * coverage and any the client holds on some day of the window that bars
 * ordinary self-pay (see `selfPayBarring`), as the assessment's criteria
 * read it: Medicare and Medicaid beneficiaries are offered no superbill and
 * no ordinary self-pay, and a Medicare beneficiary may be offered a private
 * contract while the clinician's opt-out is in force throughout, unless
 * they also hold cover of no known programme the policy withholds (it may
 * be Medicaid). An
 * `until` before `on` is `on`.
 */
export function paymentWays(facts: PaymentFacts, payers: readonly PayerRef[], on: IsoDate, until: IsoDate = on): PaymentWays {
  const most = facts.client.maxSelfPay;
  const { billing } = facts.policy;
  const last = until < on ? on : until;
  const held = coverageFor(facts.client, payers, on);
  // Ways offered now must hold on every day they are meant to cover: a client on Medicaid from next week is offered no
  // self-pay from then on (see `PayerProgram`), whatever the plan they hold today allows.
  const barring = selfPayBarring(facts.client, on, last, billing.unknownProgram);
  const regime = regimeOf(
    [...held, ...barring].map((coverage) => coverage.program),
    billing,
  );
  // Offered when not known to be beyond the client; sure only when known to be within their stated maximum.
  const affordable = (amount: Money | undefined): boolean =>
    amount === undefined || most === undefined || (most.currency === amount.currency && most.minorUnits >= amount.minorUnits);
  const known = (amount: Money | undefined): boolean =>
    amount !== undefined && most !== undefined && most.currency === amount.currency && most.minorUnits >= amount.minorUnits;
  const alternatives =
    regime === "medicare"
      ? medicareWays(facts, on, last, affordable)
      : regime === "uninsured" || regime === "ordinary"
        ? ordinaryWays(facts, held.length > 0, affordable)
        : [];
  const sure = alternatives.filter((alternative) =>
    alternative.kind === "out-of-network" ? held.some((coverage) => coverage.outOfNetworkBenefits === true) : known(alternative.amount),
  );
  return { alternatives, sure, needs: sure.length > 0 ? [] : missingFacts(facts, regime, alternatives) };
}
