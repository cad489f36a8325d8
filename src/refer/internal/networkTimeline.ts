import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import type { Client, Clinician, IsoDate } from "../../model/index.js";

/** One payer's panels and coverage in force, counted so that one change costs what it touches. */
interface PayerState {
  /** Panels in force that list every plan of the payer. */
  open: number;
  /** Panels in force that list some plans: by plan, how many list it. */
  readonly panelsByPlan: Map<string, number>;
  /** Coverage in force, in all and by plan; coverage without a plan id is counted only in all. */
  covers: number;
  readonly coversByPlan: Map<string, number>;
  /** Coverage in force whose plan a plan-limited panel in force lists. */
  listedCovers: number;
}

const bump = (map: Map<string, number>, key: string, by: number): number => {
  const count = (map.get(key) ?? 0) + by;
  map.set(key, count);
  return count;
};

/** A coverage period or a panel that starts (`by` 1) or ends (-1) on a day. */
type Change = { readonly payerId: string; readonly by: 1 | -1 } & (
  | { readonly coverage: true; readonly planId: string | undefined }
  | { readonly coverage: false; readonly plans: ReadonlySet<string> | undefined }
);

/** Counts one start or end into its payer's state. */
function apply(state: PayerState, change: Change): void {
  if (change.coverage) {
    state.covers += change.by;
    if (change.planId !== undefined) {
      bump(state.coversByPlan, change.planId, change.by);
      if ((state.panelsByPlan.get(change.planId) ?? 0) > 0) state.listedCovers += change.by;
    }
  } else if (change.plans === undefined) state.open += change.by;
  else
    for (const plan of change.plans) {
      const panels = bump(state.panelsByPlan, plan, change.by);
      // A plan listed for the first time, or no longer listed: its coverage joins or leaves the listed count.
      if ((change.by === 1 && panels === 1) || (change.by === -1 && panels === 0))
        state.listedCovers += change.by * (state.coversByPlan.get(plan) ?? 0);
    }
}

/** Coverage in force that some panel lists as in network: every one while an open panel is in force, else those whose plan a panel lists. */
const inNetworkCovers = (state: PayerState): number => (state.open > 0 ? state.covers : state.listedCovers);

/**
 * For each of `changes` (distinct days in order, holding the first day of
 * every coverage period and panel, and the day after each ends), whether
 * the client is in network with the clinician on that day, as
 * `inNetworkOn(client, clinician, day).length > 0` says. Cover is the same
 * from one change to the next, so a sweep through the changes keeps count
 * of what is in force, per payer: each start or end costs what it touches
 * (a plan-limited panel, its plans), not what the client and clinician
 * hold. Coverage without a plan id meets a plan-limited panel as "verify
 * benefits", which is not in network (fails closed).
 */
export function networkTimeline(client: Client, clinician: Clinician, changes: readonly IsoDate[]): Uint8Array {
  const at = new Map<IsoDate, Change[]>();
  const add = (date: IsoDate, change: Change) => {
    const list = at.get(date);
    if (list === undefined) at.set(date, [change]);
    else list.push(change);
  };
  const both = (period: { start: IsoDate; end?: IsoDate | undefined }, change: (by: 1 | -1) => Change) => {
    add(period.start, change(1));
    if (period.end === undefined) return;
    // A period that ends on the last day there is (9999-12-31) never ends: the day after clamps back to it.
    const after = addCalendarDays(period.end, 1);
    if (after !== period.end) add(after, change(-1));
  };
  for (const { payerId, planId, period } of client.coverage) both(period, (by) => ({ payerId, by, coverage: true, planId }));
  for (const { payerId, plans, period } of clinician.insurancePanels) {
    const listed = plans === undefined ? undefined : new Set(plans);
    both(period, (by) => ({ payerId, by, coverage: false, plans: listed }));
  }

  const payers = new Map<string, PayerState>();
  let inNetwork = 0;
  const covered = new Uint8Array(changes.length);
  changes.forEach((date, index) => {
    for (const change of at.get(date) ?? []) {
      let state = payers.get(change.payerId);
      if (state === undefined) {
        state = { open: 0, panelsByPlan: new Map(), covers: 0, coversByPlan: new Map(), listedCovers: 0 };
        payers.set(change.payerId, state);
      }
      inNetwork -= inNetworkCovers(state);
      apply(state, change);
      inNetwork += inNetworkCovers(state);
    }
    covered[index] = inNetwork > 0 ? 1 : 0;
  });
  return covered;
}
