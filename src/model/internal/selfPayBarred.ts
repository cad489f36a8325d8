import type { Client } from "../client.js";
import type { IsoDate } from "../scalars.js";

/**
 * Whether Medicare or Medicaid covers the client on any day from `from` to
 * `to` (one day unless given): both bar ordinary self-pay (see
 * `PayerProgram`), so criteria for care in those days carry no self-pay
 * ceiling.
 */
export function selfPayBarred(client: Client, from: IsoDate, to: IsoDate = from): boolean {
  // YYYY-MM-DD strings order as the dates they name: a period overlaps the days when it starts by `to` and ends from `from`.
  return client.coverage.some(
    ({ program, period }) =>
      (program === "medicare" || program === "medicaid") && period.start <= to && (period.end === undefined || period.end >= from),
  );
}
