import { compareText } from "../../model/internal/compareText.js";
import type { ConsentDecision, PermitReason } from "../types.js";

/** What a disclosure rests on: the consents relied on by id, the rules relied on instead of a consent, and whether any is the emergency rule. */
export interface Grounds {
  readonly basis: readonly string[];
  readonly rules: readonly PermitReason[];
  readonly emergency: boolean;
}

/** The grounds of the decisions behind one disclosure (its acknowledgement and each fact), each listed once, in code order. */
export function groundsOf(decisions: readonly ConsentDecision[]): Grounds {
  const basis = new Set<string>();
  const rules = new Set<PermitReason>();
  for (const decision of decisions) {
    if (decision.decision !== "permit") continue;
    if (decision.provision !== undefined) basis.add(decision.provision.consentId);
    if (decision.reason !== "permitted") rules.add(decision.reason);
  }
  return { basis: [...basis].sort(compareText), rules: [...rules].sort(compareText), emergency: rules.has("emergency-treatment") };
}
