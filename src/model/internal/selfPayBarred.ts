import type { Client } from "../client.js";
import type { IsoDate } from "../scalars.js";

/**
 * Whether Medicare or Medicaid covers the client on any day from `from` to
 * `to` (one day unless given): both bar ordinary self-pay (see
 * `PayerProgram`), so criteria for care in those days carry no self-pay
 * ceiling. Under `unknownProgram: "withhold"` (a referral policy's
 * `billing.unknownProgram`), a coverage that does not say its programme
 * bars it too, since it may be either.
 */
export function selfPayBarred(client: Client, from: IsoDate, to: IsoDate = from, unknownProgram: "withhold" | "offer" = "offer"): boolean {
  // YYYY-MM-DD strings order as the dates they name: a period overlaps the days when it starts by `to` and ends from `from`.
  return client.coverage.some(
    ({ program, period }) =>
      (program === "medicare" || program === "medicaid" || (program === undefined && unknownProgram === "withhold")) &&
      period.start <= to &&
      (period.end === undefined || period.end >= from),
  );
}
