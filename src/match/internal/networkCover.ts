import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { panelListing } from "../../model/internal/panelListing.js";
import type { PayerRef } from "../../model/criteria.js";
import type { IsoDate } from "../../model/scalars.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";

/** How the client's payers put the clinician in network over the expected course of care. */
export type NetworkCover =
  /** In network from the start date to the end of the course; `endsOn` when the policy lets a panel end inside it with a warning. */
  | { readonly kind: "covered"; readonly payerId: string; readonly endsOn?: IsoDate }
  /** In network on the start date, but the panels end inside the course: `endsOn` is the last day in network. */
  | { readonly kind: "ends"; readonly payerId: string; readonly endsOn: IsoDate }
  /** A plan-limited panel of the client's payer, and the client's plan not known. */
  | { readonly kind: "verify-benefits" }
  /** In network on paper, but the payer does not pay for care by pre-licensed clinicians. */
  | { readonly kind: "refuses-associates" }
  | { readonly kind: "out" };

const COVERED_TO_THE_END = "9999-12-31";

/**
 * The last day the panels of one payer (and plan) keep the clinician in
 * network without a break from `start`: consecutive panels (a renewal)
 * join. Undefined when not in network on `start`.
 */
function coveredUntil(clinician: CompiledClinician, payer: { payerId: string; planId?: string | undefined }, start: IsoDate) {
  const panels = clinician.source.insurancePanels
    .filter((panel) => panelListing(panel, payer, panel.period.start) === "in-network")
    .sort((a, b) => (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0));
  let last: IsoDate | undefined;
  for (const { period } of panels) {
    const from = last === undefined ? start : addCalendarDays(last, 1);
    if (period.start > from) break;
    if (period.end !== undefined && period.end < from) continue;
    last = period.end ?? COVERED_TO_THE_END;
    if (last === COVERED_TO_THE_END) break;
  }
  return last;
}

/**
 * Whether one of the client's payers keeps the clinician in network on every
 * date of the expected course (`query.courseEnd`), in the payers' order. A
 * panel that ends inside the course is a failure with its date, or a
 * warning under `panelEndsDuringCare: "warn"`; a plan-limited panel and no
 * plan id fail closed as `verify-benefits`; a payer that refuses associates
 * never counts a pre-licensed clinician in network.
 */
export function networkCover(directory: CompiledDirectory, clinician: CompiledClinician, query: PreparedQuery): NetworkCover {
  const payers = query.criteria.require.payment?.payers ?? [];
  const associate = clinician.source.licensure.status === "pre-licensed";
  let ends: NetworkCover | undefined;
  let verify = false;
  let refused = false;
  for (const payer of payers) {
    if (associate && directory.payersRefusingAssociates.has(payer.payerId)) {
      refused ||= clinician.source.insurancePanels.some((panel) => panel.payerId === payer.payerId);
      continue;
    }
    const listing = listingOnStart(clinician, payer, query.startDate);
    verify ||= listing === "verify-benefits";
    if (listing !== "in-network") continue;
    const last = coveredUntil(clinician, payer, query.startDate) as IsoDate;
    if (last >= query.courseEnd) return { kind: "covered", payerId: payer.payerId };
    ends ??= { kind: "ends", payerId: payer.payerId, endsOn: last };
  }
  return notCovered(ends, verify, refused, query.panelEndsDuringCare);
}

/** Without a payer in network for the whole course: the panel that ends inside it (a warning only by policy), else the closest reason. */
function notCovered(ends: NetworkCover | undefined, verify: boolean, refused: boolean, policy: "fail" | "warn"): NetworkCover {
  if (ends?.kind === "ends" && policy === "warn") return { kind: "covered", payerId: ends.payerId, endsOn: ends.endsOn };
  return ends ?? (verify ? { kind: "verify-benefits" } : refused ? { kind: "refuses-associates" } : { kind: "out" });
}

/** How the clinician's panels list one payer on the start date: in network by any panel, else verify benefits by any, else out. */
function listingOnStart(clinician: CompiledClinician, payer: PayerRef, start: IsoDate): ReturnType<typeof panelListing> {
  let best: ReturnType<typeof panelListing> = "out-of-network";
  for (const panel of clinician.source.insurancePanels) {
    const listing = panelListing(panel, payer, start);
    if (listing === "in-network") return listing;
    if (listing === "verify-benefits") best = listing;
  }
  return best;
}
