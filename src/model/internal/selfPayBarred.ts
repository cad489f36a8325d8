import type { Client } from "../client.js";
import type { IsoDate } from "../scalars.js";
import { coverageInForce } from "./coverageInForce.js";

/**
 * Whether Medicare or Medicaid covers the client on `date`: both bar
 * ordinary self-pay (see `PayerProgram`), so criteria for that day carry
 * no self-pay ceiling.
 */
export function selfPayBarred(client: Client, date: IsoDate): boolean {
  return coverageInForce(client, date).some((coverage) => coverage.program === "medicare" || coverage.program === "medicaid");
}
