import type { PayerRef } from "../../model/index.js";

/** A coverage's payer and plan, without the rest of the coverage. */
export function payerRef(coverage: { payerId: string; planId?: string | undefined }): PayerRef {
  return coverage.planId === undefined ? { payerId: coverage.payerId } : { payerId: coverage.payerId, planId: coverage.planId };
}
