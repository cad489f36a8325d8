import { coverageInForce } from "../../model/internal/coverageInForce.js";
import type { RuleContext } from "../createRuleContext.js";
import { comparePayers } from "./comparePayers.js";
import { payerRef } from "./payerRef.js";

/** Whether the client holds Medicaid today through a plan the clinician is in network with (`inNetworkToday` lists such cover by payer and plan). */
export function medicaidInNetworkToday(context: Pick<RuleContext, "now" | "client" | "inNetworkToday">): boolean {
  return coverageInForce(context.client, context.now).some(
    (coverage) => coverage.program === "medicaid" && context.inNetworkToday.some((payer) => comparePayers(payer, payerRef(coverage)) === 0),
  );
}
