import type { InsurancePanel } from "../../model/clinician.js";
import { LAST_DAY } from "../../model/internal/dateOfEpochDay.js";
import { epochDayOf } from "../../model/internal/epochDayOf.js";
import { addCode, addValue, type ClinicianCodes, endList, listFrom, listTo } from "./clinicianCodes.js";

/** 9999-12-31, the last day a date can name, as days from 1970-01-01: the end of a panel that has none. */
export const OPEN_END: number = LAST_DAY;
/** How many numbers a panel takes in the pool's `panels` list: its first day, its last day, and how many plans it is limited to (−1 for any plan). */
export const PANEL_NUMBERS = 3;

/**
 * Writes one of the three lists that hold a clinician's insurance panels
 * in the pool, and ends it: the payer of each panel (`panelPayers`), the
 * plans of the plan-limited ones one after another (`panelPlans`), or
 * {@link PANEL_NUMBERS} numbers per panel (`panels`), so a panel costs the
 * pool twelve bytes and four per plan, not three objects.
 */
export function writePanels(codes: ClinicianCodes, panels: readonly InsurancePanel[], list: "panelPayers" | "panelPlans" | "panels"): void {
  for (let at = 0; at < panels.length; at += 1) {
    const { payerId, plans, period } = panels[at] as InsurancePanel;
    if (list === "panelPayers") addCode(codes, payerId);
    else if (list === "panelPlans") {
      if (plans !== undefined) for (let plan = 0; plan < plans.length; plan += 1) addCode(codes, plans[plan] as string);
    } else {
      addValue(codes, epochDayOf(period.start));
      addValue(codes, period.end === undefined ? OPEN_END : epochDayOf(period.end));
      addValue(codes, plans === undefined ? -1 : plans.length);
    }
  }
  endList(codes, list);
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

/** The packed panels of the clinician at `index` (written by {@link writePanels}). */
export function panelsInPool(codes: ClinicianCodes, index: number): PanelsInPool {
  const payers = listFrom(codes, index, "panelPayers");
  return {
    pool: codes.pool,
    count: listTo(codes, index, "panelPayers") - payers,
    payers,
    plans: listFrom(codes, index, "panelPlans"),
    numbers: listFrom(codes, index, "panels"),
  };
}
