import type { InsurancePanel } from "../../model/clinician.js";
import { type Located, referencedId } from "./elements.js";
import type { FhirObject, FhirPath, FhirReader } from "./read.js";

/** The insurance plans the roles' networks are looked up in, and the panels the plans found make. */
export interface PlanLookup {
  /** The plans that list this network, in the order given. */
  plansIn(networkId: string): readonly Located<FhirObject>[];
  /** Adds a plan to the panel of its payer and period, or opens that panel. */
  addPanel(payerId: string, planId: string, span: InsurancePanel["period"]): void;
}

/**
 * Plans by network and panels by payer and period, each read once: reading
 * every plan again for each role's network, and every panel for each plan,
 * would cost roles × plans and plans × panels. The plans are read on the
 * first look-up, so they are read (and their issues reported, once each) only
 * when a role names a network.
 */
export function planLookup(reader: FhirReader, plans: readonly unknown[], panels: InsurancePanel[]): PlanLookup {
  let byNetwork: Map<string, Located<FhirObject>[]> | undefined;
  const byPanel = new Map<string, { readonly panel: InsurancePanel; readonly plans: Set<string> }>();
  return {
    plansIn(networkId) {
      byNetwork ??= plansByNetwork(reader, plans);
      return byNetwork.get(networkId) ?? [];
    },
    addPanel(payerId, planId, span) {
      const key = JSON.stringify([payerId, span.start, span.end ?? null]);
      const same = byPanel.get(key);
      if (same === undefined) {
        const panel: InsurancePanel = { payerId, plans: [planId], period: span };
        panels.push(panel);
        byPanel.set(key, { panel, plans: new Set([planId]) });
      } else if (!same.plans.has(planId)) {
        same.plans.add(planId);
        same.panel.plans?.push(planId);
      }
    },
  };
}

function plansByNetwork(reader: FhirReader, plans: readonly unknown[]): Map<string, Located<FhirObject>[]> {
  const byNetwork = new Map<string, Located<FhirObject>[]>();
  plans.forEach((plan, index) => {
    const path: FhirPath = ["options", "insurancePlans", index];
    const value = reader.object(plan, path) ?? {};
    // A plan that lists a network twice is found once in it.
    const networks = new Set<string>();
    reader.array(value.network, [...path, "network"]).forEach((reference, item) => {
      const networkId = referencedId(reader, reference, "Organization", [...path, "network", item]);
      if (networkId !== undefined) networks.add(networkId);
    });
    for (const networkId of networks) {
      const listed = byNetwork.get(networkId);
      if (listed === undefined) byNetwork.set(networkId, [{ value, path }]);
      else listed.push({ value, path });
    }
  });
  return byNetwork;
}
