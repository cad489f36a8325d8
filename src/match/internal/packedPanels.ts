import type { InsurancePanel } from "../../model/clinician.js";
import { LAST_DAY } from "../../model/internal/dateOfEpochDay.js";
import { epochDayOf } from "../../model/internal/epochDayOf.js";
import { type ClinicianCodes, span } from "./clinicianCodes.js";

/** 9999-12-31, the last day a date can name, as days from 1970-01-01: the end of a panel that has none. */
export const OPEN_END: number = LAST_DAY;
/** How many numbers a panel takes in the pool's `panels` list: its first day, its last day, and how many plans it is limited to (−1 for any plan). */
export const PANEL_NUMBERS = 3;

/**
 * A clinician's insurance panels as the pool holds them: the payer of each
 * in `panelPayers`, the plans of the plan-limited ones one after another in
 * `panelPlans`, and {@link PANEL_NUMBERS} numbers each in `panels`, so a
 * panel costs the pool twelve bytes and four per plan, not three objects.
 */
export function packPanels(panels: readonly InsurancePanel[]): { payers: string[]; plans: string[]; numbers: number[] } {
  const payers: string[] = [];
  const plans: string[] = [];
  const numbers: number[] = [];
  for (const { payerId, plans: limitedTo, period } of panels) {
    payers.push(payerId);
    if (limitedTo !== undefined) plans.push(...limitedTo);
    numbers.push(
      epochDayOf(period.start),
      period.end === undefined ? OPEN_END : epochDayOf(period.end),
      limitedTo === undefined ? -1 : limitedTo.length,
    );
  }
  return { payers, plans, numbers };
}

/** Where a clinician's packed panels lie in its pool: read with the pool's `numbers` for payer and plan ids. */
export interface PanelsInPool {
  readonly pool: Int32Array;
  readonly count: number;
  /** Where the first panel's payer, its first plan and its numbers are. */
  readonly payers: number;
  readonly plans: number;
  readonly numbers: number;
}

/** The packed panels of the clinician at `index` (written by {@link packPanels}). */
export function panelsInPool(codes: ClinicianCodes, index: number): PanelsInPool {
  const [payers, payersEnd] = span(codes, index, "panelPayers");
  return {
    pool: codes.pool,
    count: payersEnd - payers,
    payers,
    plans: span(codes, index, "panelPlans")[0],
    numbers: span(codes, index, "panels")[0],
  };
}
