/**
 * A practice and the payers its clinicians and clients deal with.
 *
 * @module
 */
import * as z from "zod";
import { emptyList } from "./internal/emptyList.js";
import { Id, Jurisdiction, TimeZone } from "./scalars.js";

/**
 * A practice: solo or group, in the practice's own directory or in the
 * outside network. Its time zone is where its working days are counted.
 *
 * @example
 * ```ts
 * import { Practice } from "referwell";
 *
 * Practice.parse({ id: "harbour", name: "Harbour Psychology", timeZone: "America/Los_Angeles" }).jurisdictions; // => []
 * ```
 */
export const Practice = z.strictObject({
  id: Id,
  name: z.string().min(1).max(200),
  timeZone: TimeZone,
  jurisdictions: z.array(Jurisdiction).max(100).default(emptyList),
});
/** A practice. */
export type Practice = z.infer<typeof Practice>;

/**
 * An insurer or other payer, by the id the host uses for it in panels and
 * coverage. `acceptsAssociates: false` says the payer does not pay for care
 * by pre-licensed clinicians (Medicare enrols only licensed practitioners);
 * the matcher then counts no associate in network with it.
 *
 * @example
 * ```ts
 * import { Payer } from "referwell";
 *
 * Payer.parse({ id: "aetna", name: "Aetna" }).name; // => "Aetna"
 * ```
 */
export const Payer = z.strictObject({
  id: Id,
  name: z.string().min(1).max(200),
  acceptsAssociates: z.boolean().optional(),
});
/** An insurer or other payer. */
export type Payer = z.infer<typeof Payer>;
