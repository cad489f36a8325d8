import type { PayerRef } from "../../model/index.js";
import { compareText } from "./compareText.js";

/** Orders payers by payer id, then plan (no plan first). */
export function comparePayers(a: PayerRef, b: PayerRef): number {
  return compareText(a.payerId, b.payerId) || compareText(a.planId ?? "", b.planId ?? "");
}
