import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { compareText } from "../../model/internal/compareText.js";
import type { IsoDate } from "../../model/index.js";
import type { RuleContext } from "../createRuleContext.js";
import { networkTimeline } from "./networkTimeline.js";

/**
 * The first day after today, up to the horizon, on which the client is in
 * network with the clinician (cover that starts, a panel that opens);
 * undefined when there is none. Found in one sweep over the days cover can
 * change (see `networkTimeline`).
 */
export function firstInNetworkDay(context: Pick<RuleContext, "now" | "horizon" | "client" | "clinician">): IsoDate | undefined {
  const { now, horizon, client, clinician } = context;
  const days = new Set<IsoDate>();
  for (const { period } of [...client.coverage, ...clinician.insurancePanels]) {
    days.add(period.start);
    if (period.end !== undefined) days.add(addCalendarDays(period.end, 1));
  }
  // The sweep counts what is in force from the first change on, so it runs through the days before today too.
  const changes = [...days].sort(compareText);
  const covered = networkTimeline(client, clinician, changes);
  const index = changes.findIndex((day, at) => day > now && day <= horizon && covered[at] === 1);
  return index < 0 ? undefined : changes[index];
}
