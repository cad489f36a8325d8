import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { compareText } from "../../model/internal/compareText.js";
import type { IsoDate } from "../../model/index.js";
import type { RuleContext } from "../createRuleContext.js";
import { networkTimeline } from "./networkTimeline.js";

/**
 * The day after today from which the client is in network with the
 * clinician on every day up to the horizon (cover that starts, a panel that
 * opens, and nothing lapsing after); undefined when there is none. Cover
 * that starts and lapses again before the horizon is no such day: the days
 * after it are out of network again. Found in one sweep over the days cover
 * can change (see `networkTimeline`), between which nothing changes.
 */
export function inNetworkToHorizonFrom(context: Pick<RuleContext, "now" | "horizon" | "client" | "clinician">): IsoDate | undefined {
  const { now, horizon, client, clinician } = context;
  const days = new Set<IsoDate>();
  for (const { period } of [...client.coverage, ...clinician.insurancePanels]) {
    days.add(period.start);
    if (period.end !== undefined) days.add(addCalendarDays(period.end, 1));
  }
  // The sweep counts what is in force from the first change on, so it runs through the days before today too.
  const changes = [...days].sort(compareText);
  const covered = networkTimeline(client, clinician, changes);
  let from: IsoDate | undefined;
  for (let at = 0; at < changes.length; at += 1) {
    const day = changes[at] as IsoDate;
    if (day <= now) continue;
    if (day > horizon) break;
    // The latest change up to the horizon decides: in network from where this stretch began, or not at all.
    from = covered[at] === 1 ? (from ?? day) : undefined;
  }
  return from;
}
