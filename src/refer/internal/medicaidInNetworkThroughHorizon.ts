import type { RuleContext } from "../createRuleContext.js";
import { networkChanges } from "./networkChanges.js";

/**
 * Whether the client's Medicaid keeps them in network with the clinician
 * on every day from today through the horizon: their Medicaid cover alone,
 * whatever other cover they hold or lose.
 */
export function medicaidInNetworkThroughHorizon(context: Pick<RuleContext, "now" | "horizon" | "client" | "clinician">): boolean {
  const { now, horizon, client } = context;
  const coverage = client.coverage.filter((entry) => entry.program === "medicaid");
  if (coverage.length === 0) return false;
  const { days, covered } = networkChanges({ ...client, coverage }, context.clinician);
  let today = false;
  for (let at = 0; at < days.length; at += 1) {
    const day = days[at] as string;
    // The last change by today says how things stand today; every change after it, up to the horizon, must keep them so.
    if (day <= now) today = covered[at] === 1;
    else if (day > horizon) break;
    else if (covered[at] !== 1) return false;
  }
  return today;
}
