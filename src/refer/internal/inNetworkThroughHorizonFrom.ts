import type { IsoDate } from "../../model/index.js";
import type { RuleContext } from "../createRuleContext.js";
import { networkChanges } from "./networkChanges.js";

/**
 * The day after today from which the client is in network with the
 * clinician on every day through the horizon (cover that starts, a panel
 * that opens, and nothing lapsing after); undefined when there is none.
 * Cover that starts and lapses again before the horizon is no such day.
 */
export function inNetworkThroughHorizonFrom(context: Pick<RuleContext, "now" | "horizon" | "client" | "clinician">): IsoDate | undefined {
  const { now, horizon } = context;
  const { days, covered } = networkChanges(context.client, context.clinician);
  let from: IsoDate | undefined;
  for (let at = 0; at < days.length; at += 1) {
    const day = days[at] as IsoDate;
    if (day <= now) continue;
    if (day > horizon) break;
    // The latest change up to the horizon decides: in network from where this stretch began, or not at all.
    from = covered[at] === 1 ? (from ?? day) : undefined;
  }
  return from;
}
