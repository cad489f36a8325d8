import { dateOfEpochDay } from "../../model/internal/dateOfEpochDay.js";
import type { panelListing } from "../../model/internal/panelListing.js";
import type { PayerRef } from "../../model/criteria.js";
import type { IsoDate } from "../../model/scalars.js";
import type { ClinicianCodes } from "./clinicianCodes.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import { OPEN_END, PANEL_NUMBERS, type PanelsInPool, panelsInPool } from "./packedPanels.js";

type Listing = ReturnType<typeof panelListing>;

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

/** The pool's numbers for a client's payer and plan: −1 for an id no panel lists; `plan` undefined when the client's plan is not known. */
export interface PayerNumbers {
  readonly payer: number;
  readonly plan: number | undefined;
}

/** The numbers of the client's payers, in their order: looked up once per query, not for every clinician. */
export const payerNumbersOf = (codes: ClinicianCodes, payers: readonly PayerRef[]): PayerNumbers[] =>
  payers.map((payer) => ({
    payer: codes.numbers.get(payer.payerId) ?? -1,
    plan: payer.planId === undefined ? undefined : (codes.numbers.get(payer.planId) ?? -1),
  }));

/**
 * How the panel at `panel` (its plans from `planAt`) lists a payer and plan
 * on an epoch day: `panelListing` on the packed panel, so the matcher and
 * `referwell/refer` still never disagree.
 */
function listing(panels: PanelsInPool, panel: number, planAt: number, wanted: PayerNumbers, day: number): Listing {
  const { pool } = panels;
  const at = panels.numbers + PANEL_NUMBERS * panel;
  if (pool[panels.payers + panel] !== wanted.payer || day < (pool[at] as number) || day > (pool[at + 1] as number)) return "out-of-network";
  const plans = pool[at + 2] as number;
  if (plans < 0) return "in-network";
  if (wanted.plan === undefined) return "verify-benefits";
  for (let plan = planAt; plan < planAt + plans; plan += 1) if (pool[panels.plans + plan] === wanted.plan) return "in-network";
  return "out-of-network";
}

/** How many plans the panel at `at` in `numbers` is limited to: none for a panel open to every plan. */
const plansOf = (panels: PanelsInPool, panel: number): number =>
  Math.max(0, panels.pool[panels.numbers + PANEL_NUMBERS * panel + 2] as number);

/**
 * The last day (an epoch day) the panels of one payer (and plan) keep the
 * clinician in network without a break from `start`: consecutive panels (a
 * renewal) join, and a panel without an end covers to {@link OPEN_END}.
 * Undefined when not in network on `start`. A panel that alone covers
 * `start` through `through` is answer enough (its end, at or past
 * `through`, is all the caller compares), so most clinicians are answered
 * without gathering their panels.
 */
function coveredUntil(panels: PanelsInPool, wanted: PayerNumbers, start: number, through: number): number | undefined {
  const periods: (readonly [number, number])[] = [];
  for (let panel = 0, planAt = 0; panel < panels.count; planAt += plansOf(panels, panel), panel += 1) {
    const at = panels.numbers + PANEL_NUMBERS * panel;
    const first = panels.pool[at] as number;
    const end = panels.pool[at + 1] as number;
    if (listing(panels, panel, planAt, wanted, first) !== "in-network") continue;
    if (first <= start && end >= through) return end;
    periods.push([first, end]);
  }
  periods.sort((a, b) => a[0] - b[0]);
  let last: number | undefined;
  for (const [first, end] of periods) {
    const from = last === undefined ? start : last + 1;
    if (first > from) break;
    if (end < from) continue;
    last = end;
    if (last === OPEN_END) break;
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
  const numbers = query.payerNumbers;
  const associate = clinician.licensure.status === "pre-licensed";
  const panels = panelsInPool(directory.codes, clinician.index);
  const start = query.startDay;
  let ends: NetworkCover | undefined;
  let verify = false;
  let refused = false;
  for (let at = 0; at < payers.length; at += 1) {
    const payer = payers[at] as PayerRef;
    const wanted = numbers[at] as PayerNumbers;
    if (associate && directory.payersRefusingAssociates.has(payer.payerId)) {
      for (let panel = 0; panel < panels.count; panel += 1) refused ||= panels.pool[panels.payers + panel] === wanted.payer;
      continue;
    }
    const onStart = listingOnStart(panels, wanted, start);
    verify ||= onStart === "verify-benefits";
    if (onStart !== "in-network") continue;
    const last = coveredUntil(panels, wanted, start, query.courseEndDay) as number;
    if (last >= query.courseEndDay) return { kind: "covered", payerId: payer.payerId };
    ends ??= { kind: "ends", payerId: payer.payerId, endsOn: dateOfEpochDay(last) };
  }
  return notCovered(ends, verify, refused, query.panelEndsDuringCare);
}

// The answers that name nothing, one of each for every clinician: most clinicians checked are out of network.
const VERIFY_BENEFITS: NetworkCover = Object.freeze({ kind: "verify-benefits" });
const REFUSES_ASSOCIATES: NetworkCover = Object.freeze({ kind: "refuses-associates" });
const OUT: NetworkCover = Object.freeze({ kind: "out" });

/** Without a payer in network for the whole course: the panel that ends inside it (a warning only by policy), else the closest reason. */
function notCovered(ends: NetworkCover | undefined, verify: boolean, refused: boolean, policy: "fail" | "warn"): NetworkCover {
  if (ends?.kind === "ends" && policy === "warn") return { kind: "covered", payerId: ends.payerId, endsOn: ends.endsOn };
  return ends ?? (verify ? VERIFY_BENEFITS : refused ? REFUSES_ASSOCIATES : OUT);
}

/** How the clinician's panels list one payer on the start date: in network by any panel, else verify benefits by any, else out. */
function listingOnStart(panels: PanelsInPool, wanted: PayerNumbers, start: number): Listing {
  let best: Listing = "out-of-network";
  for (let panel = 0, planAt = 0; panel < panels.count; planAt += plansOf(panels, panel), panel += 1) {
    const found = listing(panels, panel, planAt, wanted, start);
    if (found === "in-network") return found;
    if (found === "verify-benefits") best = found;
  }
  return best;
}
