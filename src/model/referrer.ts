/**
 * A referrer: a professional or group that sends clients to the practice,
 * or receives clients from it.
 *
 * @module
 */
import * as z from "zod";
import { emptyList } from "./internal/emptyList.js";
import { ContactChannel, ReferrerKind } from "./enums.js";
import { Id, Place } from "./scalars.js";
import { Tag } from "./defaultVocabulary.js";

/**
 * One way to reach a referrer. The value is the host's (an address, a
 * number); referwell never puts it in an error.
 *
 * @example
 * ```ts
 * import { ContactPoint } from "referwell";
 *
 * ContactPoint.parse({ channel: "email", value: "frontdesk@example.org" }).preferred; // => false
 * ```
 */
export const ContactPoint = z.strictObject({
  channel: ContactChannel,
  value: z.string().min(1).max(500),
  preferred: z.boolean().default(false),
});
/** One way to reach a referrer. */
export type ContactPoint = z.infer<typeof ContactPoint>;

/**
 * A referrer. `kind` is the relationship type the network goals count
 * (seed articles); `discipline` and `specialties` are vocabulary tags, used
 * for the diversity of the network and for lateral opportunities.
 *
 * @example
 * ```ts
 * import { Referrer } from "referwell";
 *
 * const referrer = Referrer.parse({
 *   id: "ref-gp-01",
 *   name: "Dr Mei Lin",
 *   kind: "gp",
 *   discipline: "general practitioner",
 *   organization: "Eastside Family Medicine",
 * });
 * referrer.specialties; // => []
 * ```
 */
export const Referrer = z.strictObject({
  id: Id,
  name: z.string().min(1).max(200),
  kind: ReferrerKind,
  discipline: Tag.optional(),
  specialties: z.array(Tag).max(50).default(emptyList),
  organization: z.string().min(1).max(200).optional(),
  place: Place.optional(),
  contacts: z.array(ContactPoint).max(20).default(emptyList),
});
/** A referrer. */
export type Referrer = z.infer<typeof Referrer>;
/** {@link Referrer} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type ReferrerInput = z.input<typeof Referrer>;
