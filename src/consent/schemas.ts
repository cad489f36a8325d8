/**
 * The inputs of `referwell/consent`: consents with their deny provisions,
 * facts, recipients, and the requests of `evaluateConsent` and
 * `composeUpdate`. Aligned with FHIR Consent: `clientId` is the subject,
 * `signed` the date, `recipients` the actors in the information-recipient
 * role, `purposes` and `categories` the base provision's purpose and class,
 * `deny` its nested provisions.
 *
 * @module
 */
import * as z from "zod";
import { emptyList } from "../model/internal/emptyList.js";
import { Now, NowOptions } from "../model/now.js";
import { Id, IsoDate, Period } from "../model/scalars.js";
import { reportDuplicateIds } from "../model/internal/reportDuplicateIds.js";
import { ExpectedText } from "../errors.js";
import { AuthorizationKind, CategoryCode, DisclosureCategory, defaultCategories, PurposeOfUse } from "./categories.js";

/** Short text a person wrote: no control characters, so it renders on one line. */
const line = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]+$/u, { error: ExpectedText.noControlCharacters });

/** A list whose items carry an `id` that must be unique within it. */
function uniqueIds<Item extends z.ZodType<{ id: string }>>(item: Item, max: number) {
  return z
    .array(item)
    .max(max)
    .superRefine((items, ctx) => {
      reportDuplicateIds(ctx, items, (entry) => entry.id);
    });
}

/**
 * An identifier in a system the host names, such as a US NPI
 * (`http://hl7.org/fhir/sid/us-npi`) or a UK GMC number.
 *
 * @example
 * ```ts
 * import { Identifier } from "referwell/consent";
 *
 * Identifier.parse({ system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" }).value; // => "1234567893"
 * ```
 */
export const Identifier = z.strictObject({
  system: z.string().min(1).max(200),
  value: z.string().min(1).max(200),
});
/** An identifier in a named system. */
export type Identifier = z.infer<typeof Identifier>;

/**
 * Whom a consent names as a recipient: a referrer by the host's id, or
 * anyone holding an identifier (exactly one of the two).
 *
 * @example
 * ```ts
 * import { ConsentRecipient } from "referwell/consent";
 *
 * ConsentRecipient.safeParse({ referrerId: "ref-gp-01" }).success; // => true
 * ConsentRecipient.safeParse({}).success; // => false
 * ```
 */
export const ConsentRecipient = z
  .strictObject({
    referrerId: Id.optional(),
    identifier: Identifier.optional(),
  })
  .refine((recipient) => (recipient.referrerId === undefined) !== (recipient.identifier === undefined), {
    error: "exactly-one-required",
    path: ["referrerId"],
  });
/** Whom a consent names as a recipient. */
export type ConsentRecipient = z.infer<typeof ConsentRecipient>;

/**
 * An exception the client made: what must not be disclosed, whatever any
 * consent permits, earlier or later, until a later consent lifts it by name
 * (see `Consent`'s `lifts`). Each list narrows the provision; a list left
 * out means "all" (every recipient, purpose or category), and an empty
 * list is rejected (`too-small`), since it would restrict nothing.
 * `dataPeriod` limits it to facts recorded within the period. A recipient
 * named by identifier also matches a recipient who holds no identifier in
 * its system (fail closed).
 *
 * @example
 * ```ts
 * import { DenyProvision } from "referwell/consent";
 *
 * const provision = DenyProvision.parse({ id: "no-diagnosis", categories: ["diagnosis"] });
 * provision.recipients; // => undefined
 * DenyProvision.safeParse({ id: "nothing", categories: [] }).success; // => false
 * ```
 */
export const DenyProvision = z.strictObject({
  id: Id,
  recipients: z.array(ConsentRecipient).min(1).max(50).optional(),
  purposes: z.array(PurposeOfUse).min(1).max(20).optional(),
  categories: z.array(CategoryCode).min(1).max(100).optional(),
  dataPeriod: Period.optional(),
});
/** An exception the client made: what must not be disclosed. */
export type DenyProvision = z.infer<typeof DenyProvision>;

/**
 * A client's consent or authorization, as the host recorded it.
 *
 * - `status`: `draft` (not agreed: it neither permits nor denies),
 *   `active`, or `revoked` (it permits nothing; its deny provisions still
 *   hold, since revoking withdraws permission, never a restriction).
 * - `kind`: what it authorizes (see `AuthorizationKind`).
 * - `signed`: the day the client signed; it counts from then.
 * - `period`: the days it is in force, both ends inclusive.
 * - `recipients`, `purposes`, `categories`: what it permits; an empty list
 *   permits nothing.
 * - `dataPeriod`: when given, it permits only facts recorded within it.
 * - `deny`: nested deny provisions.
 * - `lifts`: the deny provisions of earlier consents that this one ends, by
 *   consent id and provision id. A restriction ends only when a consent
 *   signed later, `active` and in force on the day names it here (the
 *   client's agreement, 45 CFR 164.522(a)(2)); a renewal that does not name
 *   it leaves it in place.
 *
 * @example
 * ```ts
 * import { Consent } from "referwell/consent";
 *
 * const consent = Consent.parse({
 *   id: "cons-01",
 *   clientId: "cl-01",
 *   status: "active",
 *   kind: "general",
 *   signed: "2026-06-02",
 *   period: { start: "2026-06-02", end: "2027-06-01" },
 *   recipients: [{ referrerId: "ref-gp-01" }],
 *   purposes: ["COC"],
 *   categories: ["acknowledgement", "attendance", "progress-summary"],
 * });
 * consent.deny; // => []
 * consent.lifts; // => []
 * ```
 */
export const Consent = z.strictObject({
  id: Id,
  clientId: Id,
  status: z.enum(["draft", "active", "revoked"]),
  kind: AuthorizationKind,
  signed: IsoDate,
  period: Period,
  recipients: z.array(ConsentRecipient).max(50),
  purposes: z.array(PurposeOfUse).max(20),
  categories: z.array(CategoryCode).max(100),
  dataPeriod: Period.optional(),
  deny: uniqueIds(DenyProvision, 50).default(emptyList),
  lifts: z
    .array(z.strictObject({ consentId: Id, provisionId: Id }))
    .max(50)
    .default(emptyList),
});
/** A client's consent or authorization. */
export type Consent = z.infer<typeof Consent>;
/** {@link Consent} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type ConsentInput = z.input<typeof Consent>;

/**
 * One named value of a fact, as the components of a FHIR Observation: a
 * score, a count, a yes or no.
 *
 * @example
 * ```ts
 * import { FactComponent } from "referwell/consent";
 *
 * FactComponent.parse({ name: "PHQ-9", value: 9 }).value; // => 9
 * ```
 */
export const FactComponent = z.strictObject({
  name: line(100),
  value: z.union([z.number().finite(), z.boolean(), line(200)]),
  unit: line(40).optional(),
});
/** One named value of a fact. */
export type FactComponent = z.infer<typeof FactComponent>;

/**
 * One thing the practice could tell a referrer: its category (which carries
 * its security labels), a short text for people, structured values, and
 * the day it was recorded. A fact without a category is unlabelled and is
 * always withheld.
 *
 * @example
 * ```ts
 * import { Fact } from "referwell/consent";
 *
 * const fact = Fact.parse({
 *   id: "f-01",
 *   clientId: "cl-01",
 *   category: "attendance",
 *   text: "Attended 6 of 7 sessions since September.",
 *   value: [{ name: "attended", value: 6 }, { name: "offered", value: 7 }],
 *   recorded: "2026-11-20",
 * });
 * fact.value.length; // => 2
 * ```
 */
export const Fact = z.strictObject({
  id: Id,
  clientId: Id,
  category: CategoryCode.optional(),
  text: line(500),
  value: z.array(FactComponent).max(20).default(emptyList),
  recorded: IsoDate,
});
/** One thing the practice could tell a referrer. */
export type Fact = z.infer<typeof Fact>;

/**
 * Who receives a disclosure, for matching against consents: the referrer's
 * id and any identifiers the host holds for them.
 *
 * @example
 * ```ts
 * import { RecipientRef } from "referwell/consent";
 *
 * RecipientRef.parse({ referrerId: "ref-gp-01" }).identifiers; // => []
 * ```
 */
export const RecipientRef = z.strictObject({
  referrerId: Id,
  identifiers: z.array(Identifier).max(20).default(emptyList),
});
/** Who receives a disclosure, for matching against consents. */
export type RecipientRef = z.infer<typeof RecipientRef>;

/**
 * Who receives an update: a {@link RecipientRef} with the name and, when the
 * host knows it, the address the disclosure record needs
 * (45 CFR 164.528(b)(2)(ii): "the name of the entity or person who received
 * the protected health information and, if known, the address"). The
 * address is one line (join the lines of a postal address with commas) and
 * goes into the record only, never into the update's text.
 *
 * @example
 * ```ts
 * import { Recipient } from "referwell/consent";
 *
 * Recipient.parse({ referrerId: "ref-gp-01", name: "Dr Mei Lin" }).name; // => "Dr Mei Lin"
 * Recipient.parse({ referrerId: "ref-gp-01", name: "Dr Mei Lin", address: "12 Quay St, Sydney NSW 2000" }).address; // => "12 Quay St, Sydney NSW 2000"
 * ```
 */
export const Recipient = RecipientRef.extend({ name: line(200), address: line(500).optional() });
/** Who receives an update. */
export type Recipient = z.infer<typeof Recipient>;

const reservedCodes: ReadonlySet<string> = new Set(defaultCategories.map((category) => category.code));

/**
 * The categories a host adds to the built-in ones: unique codes, none of
 * them a built-in code.
 *
 * @example
 * ```ts
 * import { HostCategories } from "referwell/consent";
 *
 * HostCategories.safeParse([{ code: "hiv-status", label: "HIV status", confidentiality: "R", sensitivity: ["HIV"] }]).success; // => true
 * HostCategories.safeParse([{ code: "diagnosis", label: "Diagnosis", confidentiality: "N" }]).success; // => false
 * ```
 */
export const HostCategories = z
  .array(DisclosureCategory)
  .max(200)
  .superRefine((categories, ctx) => {
    categories.forEach((category, index) => {
      if (reservedCodes.has(category.code)) ctx.addIssue({ code: "custom", message: "reserved-code", path: [index, "code"] });
    });
    // A reserved code is reported as reserved, not again as repeated.
    reportDuplicateIds(ctx, categories, (category) => (reservedCodes.has(category.code) ? undefined : category.code), [], "code");
  });
/** The categories a host adds to the built-in ones. */
export type HostCategories = z.infer<typeof HostCategories>;

/** The consents of a request: ids unique. */
export const ConsentList = uniqueIds(Consent, 200);

/**
 * One question for {@link evaluateConsent}: may this category of
 * information about this client go to this recipient for this purpose, on
 * the day of `at`? `dataDate` is the day the information was recorded,
 * needed when a consent or provision limits the data period.
 *
 * @example
 * ```ts
 * import { ConsentQuery } from "referwell/consent";
 *
 * const query = ConsentQuery.parse({ client: "cl-01", recipient: { referrerId: "ref-gp-01" }, purpose: "COC", category: "attendance", at: "2026-11-23" });
 * query.recipient.identifiers; // => []
 * ```
 */
export const ConsentQuery = z.strictObject({
  client: Id,
  // A whole Recipient passes as it is; its name and address are not read.
  recipient: RecipientRef.extend({ name: line(200).optional(), address: line(500).optional() }),
  purpose: PurposeOfUse,
  category: CategoryCode,
  at: Now,
  dataDate: IsoDate.optional(),
});
/** One question for {@link evaluateConsent}. */
export type ConsentQuery = z.infer<typeof ConsentQuery>;
/** {@link ConsentQuery} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type ConsentQueryInput = z.input<typeof ConsentQuery>;

/**
 * Options of {@link evaluateConsent}: the host's own categories, and the
 * IANA time zone whose calendar day `at` is read in. Without `timeZone`, an
 * instant's day is its date as written, at its own offset
 * (`2026-11-23T22:00:00Z` is the 23rd, though already the 24th in Sydney),
 * so pass the practice's zone when `at` may be written in another offset.
 *
 * @example
 * ```ts
 * import { EvaluateOptions } from "referwell/consent";
 *
 * EvaluateOptions.parse({}).categories; // => []
 * EvaluateOptions.safeParse({ timeZone: "Australia/Sydney" }).success; // => true
 * EvaluateOptions.safeParse({ timeZone: "+11:00" }).success; // => false
 * ```
 */
export const EvaluateOptions = z.strictObject({
  categories: HostCategories.default(emptyList),
  timeZone: NowOptions.shape.timeZone,
});
/** Options of {@link evaluateConsent}. */
export type EvaluateOptions = z.infer<typeof EvaluateOptions>;
/** {@link EvaluateOptions} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type EvaluateOptionsInput = z.input<typeof EvaluateOptions>;

/**
 * The kinds of update: `thank-you` for a new referral (no clinical facts by
 * default), `progress` (attendance, engagement, progress summary and
 * treatment goals by default), and `custom`, which needs a template.
 *
 * @example
 * ```ts
 * import { UpdateKind } from "referwell/consent";
 *
 * UpdateKind.options; // => ["thank-you", "progress", "custom"]
 * ```
 */
export const UpdateKind = z.enum(["thank-you", "progress", "custom"]);
/** A kind of update. */
export type UpdateKind = z.infer<typeof UpdateKind>;

/**
 * A host's template: its title and the categories it may carry, in the
 * order its sections appear. With `thank-you` or `progress` it replaces the
 * defaults (the host's minimum-necessary choice, 45 CFR 164.514(d)); a
 * `custom` update needs one.
 *
 * @example
 * ```ts
 * import { UpdateTemplate } from "referwell/consent";
 *
 * UpdateTemplate.parse({ id: "discharge", title: "Discharge summary", categories: ["attendance", "progress-summary"] }).categories.length; // => 2
 * ```
 */
export const UpdateTemplate = z.strictObject({
  id: Id,
  title: line(200),
  categories: z.array(CategoryCode).max(50),
});
/** A host's template. */
export type UpdateTemplate = z.infer<typeof UpdateTemplate>;

/**
 * Everything {@link composeUpdate} needs. `client.displayName` appears only
 * when the client may be acknowledged to the recipient.
 * `unacknowledgedThankYou` says what a thank-you does when the client may
 * not be acknowledged: `nothing` (the default: no update at all) or
 * `generic-note` (a note that thanks the referrer without naming the client
 * or confirming care). `part2Notice` replaces the default 42 CFR 2.32
 * statement. `timeZone` (IANA) is the zone whose calendar day `now` is read
 * in, for consent periods and the record's date; without it, an instant's
 * day is its date as written, at its own offset.
 *
 * @example
 * ```ts
 * import { UpdateRequest } from "referwell/consent";
 *
 * const request = UpdateRequest.parse({
 *   kind: "thank-you",
 *   client: { id: "cl-01" },
 *   recipient: { referrerId: "ref-gp-01", name: "Dr Mei Lin" },
 *   purpose: "COC",
 *   facts: [],
 *   consents: [],
 *   now: "2026-11-23",
 * });
 * request.unacknowledgedThankYou; // => "nothing"
 * UpdateRequest.safeParse({ ...request, kind: "custom" }).success; // => false
 * ```
 */
export const UpdateRequest = z
  .strictObject({
    kind: UpdateKind,
    template: UpdateTemplate.optional(),
    client: z.strictObject({ id: Id, displayName: line(200).optional() }),
    recipient: Recipient,
    purpose: PurposeOfUse,
    facts: uniqueIds(Fact, 500),
    consents: ConsentList,
    ...NowOptions.shape,
    categories: HostCategories.default(emptyList),
    unacknowledgedThankYou: z.enum(["nothing", "generic-note"]).default("nothing"),
    part2Notice: z.string().min(1).max(4000).optional(),
  })
  .refine((request) => request.kind !== "custom" || request.template !== undefined, { error: "required", path: ["template"] });
/** Everything {@link composeUpdate} needs. */
export type UpdateRequest = z.infer<typeof UpdateRequest>;
/** {@link UpdateRequest} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type UpdateRequestInput = z.input<typeof UpdateRequest>;
