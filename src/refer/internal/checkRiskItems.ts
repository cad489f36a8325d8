import type * as z from "zod";
import { ExpectedText } from "../../errors.js";
import { repeatedIndexes } from "../../model/internal/repeatedIndexes.js";
import type { InstrumentItems, RiskItem } from "../safetySchemas.js";

/** An instrument's risk items must name items it has, once each, with thresholds an item score can reach. */
export function checkRiskItems(
  instrument: { readonly items?: InstrumentItems | undefined; readonly riskItems: readonly RiskItem[] },
  ctx: z.RefinementCtx,
): void {
  const { items, riskItems } = instrument;
  if (riskItems.length === 0) return;
  if (items === undefined) {
    ctx.addIssue({ code: "custom", message: "required", path: ["items"] });
    return;
  }
  for (const index of repeatedIndexes(riskItems, (risk) => String(risk.item))) {
    ctx.addIssue({ code: "custom", message: "duplicate-id", path: ["riskItems", index, "item"] });
  }
  riskItems.forEach((risk, index) => {
    if (risk.item > items.count) {
      ctx.addIssue({
        code: "custom",
        message: "too-big",
        path: ["riskItems", index, "item"],
        params: { expected: ExpectedText.itemNumber },
      });
    }
    for (const [level, value] of Object.entries(risk.from)) {
      if (value === undefined) continue;
      const path = ["riskItems", index, "from", level];
      if (value > items.max) ctx.addIssue({ code: "custom", message: "too-big", path, params: { expected: ExpectedText.itemThreshold } });
      if (value <= items.min)
        ctx.addIssue({ code: "custom", message: "too-small", path, params: { expected: ExpectedText.itemThreshold } });
    }
  });
}
