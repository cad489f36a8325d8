import type { Client, IsoDate } from "../../model/index.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import type { NetworkLoss } from "../createRuleContext.js";
import { comparePayers } from "./comparePayers.js";
import { payerRef } from "./payerRef.js";

/**
 * The day the client's cover changed in a loss of in-network cover: the
 * loss's own day, unless coverage that ended was still held then (the
 * practice left the panel first, and the client left the payer later, by
 * today): then the day after the client last held any of it.
 */
export function coverageChangedOn(client: Client, loss: NetworkLoss, now: IsoDate): IsoDate {
  const on = loss.date < now ? now : loss.date;
  let changed = loss.date;
  for (const coverage of client.coverage) {
    const { start, end } = coverage.period;
    // Started before `on` (coverage that ended is not held on `on`, so it ends before); one that ended before the loss
    // gives a day before it, never counted.
    if (end === undefined || start >= on) continue;
    const held = payerRef(coverage);
    if (!loss.coverageEnded.some((payer) => comparePayers(payer, held) === 0)) continue;
    const next = addCalendarDays(end, 1);
    if (next > changed) changed = next;
  }
  return changed;
}
