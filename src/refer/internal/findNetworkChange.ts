import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { calendarDays } from "../../model/internal/calendarDays.js";
import type { Client, Clinician, IsoDate, PayerRef, Urgency } from "../../model/index.js";
import { coverageInForce as coverageOn } from "../../model/internal/coverageInForce.js";
import type { NetworkGap, NetworkLoss } from "../createRuleContext.js";
import type { ReferralPolicy } from "../schemas.js";
import { comparePayers } from "./comparePayers.js";
import { payerRef } from "./payerRef.js";
import { panelListing } from "../../model/internal/panelListing.js";
import { networkChanges } from "./networkChanges.js";

/** What finding the loss or gap of in-network cover reads from the rule context. */
export interface NetworkFacts {
  readonly now: IsoDate;
  readonly horizon: IsoDate;
  readonly episodeStart: IsoDate | undefined;
  readonly client: Client;
  readonly clinician: Clinician;
  readonly policy: ReferralPolicy;
  readonly inNetworkOn: (date: IsoDate) => PayerRef[];
  readonly inNetworkToday: readonly PayerRef[];
  readonly urgencyOf: (date: IsoDate) => Urgency;
}

const shift = addCalendarDays;

/**
 * The loss and the gap of in-network cover that matter now (see
 * `RuleContext.networkLoss` and `RuleContext.networkGap`).
 */
export function findNetworkChange(facts: NetworkFacts): { loss?: NetworkLoss; gap?: NetworkGap } {
  const { now, horizon, episodeStart, client, clinician, policy, inNetworkOn, inNetworkToday, urgencyOf } = facts;
  // Where cover can change: the first day of each coverage period and panel, and the day after each ends.
  // Losses count from the day after the episode starts or, without a start, within the look-ahead mirrored backwards.
  const earliest = episodeStart === undefined ? shift(now, -policy.lookAheadDays) : shift(episodeStart, 1);
  // In network on each change, found in one sweep; from one change to the next, nothing changes.
  const { days: changes, covered } = networkChanges(client, clinician);
  // For each change, the next one in network again (changes.length when none is).
  const nextCovered = new Int32Array(changes.length + 1).fill(changes.length);
  for (let index = changes.length - 1; index >= 0; index -= 1)
    nextCovered[index] = covered[index + 1] === 1 ? index + 1 : (nextCovered[index + 1] as number);

  const lossUrgency = (date: string): Urgency => {
    if (date > now) return urgencyOf(date);
    return calendarDays(date, now) <= policy.soonWithinDays ? "urgent" : "soon";
  };
  /** The loss of in-network cover on `date`: what ended, what the client holds after, what needs its benefits verified. */
  const lossOn = (date: IsoDate): NetworkLoss => {
    const before = inNetworkOn(shift(date, -1));
    const after = coverageOn(client, date).map(payerRef).sort(comparePayers);
    const kept = (payer: PayerRef) => after.some((held) => comparePayers(held, payer) === 0);
    return {
      date,
      coverageEnded: before.filter((payer) => !kept(payer)),
      panelEnded: before.filter(kept),
      coverageAfter: after,
      verifyBenefits: after.filter((payer) =>
        clinician.insurancePanels.some((panel) => panelListing(panel, payer, date) === "verify-benefits"),
      ),
      urgency: lossUrgency(date),
    };
  };

  const coveredToday = inNetworkToday.length > 0;
  // The changes that end cover: in network the day before (the change before it), not on the day.
  const candidates: number[] = [];
  changes.forEach((date, index) => {
    if (date < earliest || (coveredToday ? !(date > now && date <= horizon) : date > now)) return;
    if (index > 0 && covered[index - 1] === 1 && covered[index] === 0) candidates.push(index);
  });
  // While not covered, only the latest loss says how the client stands now.
  if (!coveredToday) candidates.reverse();
  let gap: NetworkGap | undefined;
  for (const index of candidates) {
    const date = changes[index] as IsoDate;
    // The first day in network again, when it comes by the horizon.
    const resumes = changes[nextCovered[index] as number];
    if (resumes === undefined || resumes > horizon) {
      const loss = lossOn(date);
      return gap === undefined ? { loss } : { loss, gap };
    }
    gap ??= { ...lossOn(date), resumes };
    if (!coveredToday) break;
  }
  return gap === undefined ? {} : { gap };
}
