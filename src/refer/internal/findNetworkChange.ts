import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { calendarDays } from "../../model/internal/calendarDays.js";
import type { Client, Clinician, IsoDate, PayerRef, Urgency } from "../../model/index.js";
import { coverageInForce as coverageOn } from "../../model/internal/coverageInForce.js";
import type { NetworkGap, NetworkLoss } from "../createRuleContext.js";
import type { ReferralPolicy } from "../schemas.js";
import { comparePayers } from "./comparePayers.js";
import { compareText } from "../../model/internal/compareText.js";
import { payerRef } from "./payerRef.js";
import { panelListing } from "../../model/internal/panelListing.js";

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
  const changes = [
    ...new Set(
      [...client.coverage, ...clinician.insurancePanels].flatMap(({ period }) =>
        period.end === undefined ? [period.start] : [period.start, shift(period.end, 1)],
      ),
    ),
  ].sort(compareText);
  const boundaries = changes.filter((date) => date >= earliest).map((date) => ({ date, before: shift(date, -1) }));

  const lossUrgency = (date: string): Urgency => {
    if (date > now) return urgencyOf(date);
    return calendarDays(date, now) <= policy.soonWithinDays ? "urgent" : "soon";
  };

  // The first day in network again after a loss on `date`, when it comes by the horizon.
  const resumption = (date: string): string | undefined =>
    changes.find((change) => change > date && change <= horizon && inNetworkOn(change).length > 0);

  const coveredToday = inNetworkToday.length > 0;
  const candidates = boundaries.filter(({ date }) => (coveredToday ? date > now && date <= horizon : date <= now));
  // While not covered, only the latest loss says how the client stands now.
  if (!coveredToday) candidates.reverse();
  let gap: NetworkGap | undefined;
  for (const { date, before: dayBefore } of candidates) {
    const before = inNetworkOn(dayBefore);
    if (before.length === 0 || inNetworkOn(date).length > 0) continue;
    const after = coverageOn(client, date).map(payerRef).sort(comparePayers);
    const kept = (payer: PayerRef) => after.some((held) => comparePayers(held, payer) === 0);
    const loss: NetworkLoss = {
      date,
      coverageEnded: before.filter((payer) => !kept(payer)),
      panelEnded: before.filter(kept),
      coverageAfter: after,
      verifyBenefits: after.filter((payer) =>
        clinician.insurancePanels.some((panel) => panelListing(panel, payer, date) === "verify-benefits"),
      ),
      urgency: lossUrgency(date),
    };
    const resumes = resumption(date);
    if (resumes === undefined) return gap === undefined ? { loss } : { loss, gap };
    gap ??= { ...loss, resumes };
    if (!coveredToday) break;
  }
  return gap === undefined ? {} : { gap };
}
