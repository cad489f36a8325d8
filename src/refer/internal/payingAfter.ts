import type { IsoDate, PayerRef } from "../../model/index.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { coverageInForce } from "../../model/internal/coverageInForce.js";
import type { NetworkLoss, RuleContext } from "../createRuleContext.js";
import { comparePayers } from "./comparePayers.js";
import { payerRef } from "./payerRef.js";

/** How the client pays after a loss of in-network cover. */
export interface PayingAfter {
  /** The day the ways to keep paying are judged on: the loss's, or today for a loss already past. */
  readonly on: IsoDate;
  /** The last day the ways must hold: the look-ahead's length after `on` (see {@link payingAfter}). */
  readonly until: IsoDate;
  /** The client's cover on that day. */
  readonly payers: readonly PayerRef[];
  /** Cover the client held on the loss's day and has left since (a loss already past only). */
  readonly leftSince: readonly PayerRef[];
}

/**
 * The cover that decides how the client can keep paying after a loss of
 * in-network cover: that of the loss's day or, for a loss already past, the
 * cover the client holds today. A client who has left the plan since (for
 * Medicaid, say) is offered only what the cover they hold now allows, never
 * the ways of a plan they no longer have. The ways must hold for the
 * look-ahead's length from the day they start (see `paymentWays`), as the
 * assessment's criteria read it from the start date: cover the client takes
 * up by then that bars self-pay bars it now. Counted from that day, not
 * from today, so a loss near the end of the look-ahead (or a panel exit
 * beyond it, which `assessPanelExit` reaches) is not judged on a few days.
 */
export function payingAfter(context: RuleContext, loss: NetworkLoss): PayingAfter {
  const { now } = context;
  const on = loss.date > now ? loss.date : now;
  // The policy's own look-ahead from that day: a panel exit's context reaches further (its horizon), the ways do not.
  const until = addCalendarDays(on, context.policy.lookAheadDays);
  if (loss.date > now) return { on, until, payers: loss.coverageAfter, leftSince: [] };
  const payers = coverageInForce(context.client, now).map(payerRef).sort(comparePayers);
  const held = (payer: PayerRef) => payers.some((today) => comparePayers(today, payer) === 0);
  return { on, until, payers, leftSince: loss.coverageAfter.filter((payer) => !held(payer)) };
}

/** For the clinician's summary: the cover the client has left since the loss, and what they hold now; empty when nothing changed. */
export function leftSinceSummary({ payers, leftSince }: PayingAfter): string {
  if (leftSince.length === 0) return "";
  const ids = (list: readonly PayerRef[]) =>
    list.map((payer) => (payer.planId === undefined ? payer.payerId : `${payer.payerId} (${payer.planId})`)).join(", ");
  return ` The client has since left ${ids(leftSince)}; cover now: ${payers.length === 0 ? "none" : ids(payers)}.`;
}
