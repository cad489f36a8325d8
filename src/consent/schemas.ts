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
import { Now } from "../model/now.js";
import { Id, IsoDate, Period, TimeZone } from "../model/scalars.js";
import { reportDuplicateIds } from "../model/internal/reportDuplicateIds.js";
import { ExpectedText } from "../errors.js";
import { AuthorizationKind, CategoryCode, DisclosureCategory, defaultCategories, PurposeOfUse } from "./categories.js";
import { MOST_DENIED_CATEGORIES, MOST_DENIED_PURPOSES, MOST_DENIED_RECIPIENTS, MOST_DENY_PROVISIONS } from "./internal/denyLimits.js";
import { canonicalSystem, canonicalValue, isValidNpi, NPI_SYSTEM, ruleFor } from "./internal/canonicalIdentifier.js";

/** Short text a person wrote: no control characters, so it renders on one line. */
const line = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]+$/u, { error: ExpectedText.noControlCharacters });

/** A list whose items carry a key that must be unique within it. */
function uniqueBy<Item extends z.ZodType>(item: Item, max: number, key: (entry: z.infer<Item>) => string, field: string) {
  return z
    .array(item)
    .max(max)
    .superRefine((items, ctx) => {
      reportDuplicateIds(ctx, items, key, [], field);
    })
    .default(emptyList);
}

/** A list whose items carry an `id` that must be unique within it. */
function uniqueIds<Item extends z.ZodType<{ id: string }>>(item: Item, max: number) {
  return z
    .array(item)
    .max(max)
    .superRefine((items, ctx) => {
      reportDuplicateIds(ctx, items, (entry) => entry.id);
    });
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * An identifier in a system the host names, such as a US NPI
 * (`http://hl7.org/fhir/sid/us-npi`) or a UK GMC number. Identifiers are
 * compared as identities: the system and value are read in a canonical
 * spelling (Unicode NFKC, so full-width digits are digits; spaces, dashes,
 * dots, slashes and invisible format characters dropped; case folded unless
 * the system's rule says otherwise), so `"123-456-7893 "` and
 * `"1234567893"` are one NPI. An NPI must be ten digits with a valid check
 * digit (`check-digit`), and no value may be separators alone.
 *
 * @example
 * ```ts
 * import { Identifier } from "referwell/consent";
 *
 * Identifier.parse({ system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" }).value; // => "1234567893"
 * Identifier.safeParse({ system: "http://hl7.org/fhir/sid/us-npi", value: "123-456-7893" }).success; // => true
 * Identifier.safeParse({ system: "http://hl7.org/fhir/sid/us-npi", value: "1234567894" }).success; // => false
 * ```
 */
export const Identifier = z
  .strictObject({
    system: z.string().min(1).max(200),
    value: z.string().min(1).max(200),
  })
  .superRefine((identifier, ctx) => {
    const system = canonicalSystem(identifier.system);
    if (system.length === 0) ctx.addIssue({ code: "custom", message: "too-small", path: ["system"] });
    // A letter or a digit survives canonical spelling, so only a value without one needs spelling out to be checked.
    const value =
      system === NPI_SYSTEM || !LETTER_OR_DIGIT.test(identifier.value) ? canonicalValue(identifier.value, ruleFor(system)) : "x";
    if (value.length === 0) ctx.addIssue({ code: "custom", message: "too-small", path: ["value"] });
    else if (system === NPI_SYSTEM && !isValidNpi(value)) ctx.addIssue({ code: "custom", message: "check-digit", path: ["value"] });
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
  .superRefine((recipient, ctx) => {
    // A field that already failed is one issue, not two: some zod 4 releases run this with the failed field left out.
    if (ctx.issues.length > 0) return;
    if ((recipient.referrerId === undefined) === (recipient.identifier === undefined)) {
      ctx.addIssue({ code: "custom", message: "exactly-one-required", path: ["referrerId"] });
    }
  });
/** Whom a consent names as a recipient. */
export type ConsentRecipient = z.infer<typeof ConsentRecipient>;

/**
 * An exception the client made: what must not be disclosed, whatever any
 * consent permits, earlier or later, until a later consent lifts it by name
 * (see `Consent`'s `lifts`). Each list narrows the provision; a list left
 * out means "all" (every recipient, purpose or category), and an empty
 * list is rejected (`too-small`), since it would restrict nothing. A
 * purpose reaches the purposes that are kinds of it in HL7 v3 ActReason:
 * `TREAT` also `COC` and `ETREAT`, `HOPERAT` also `CAREMGT`; and `TREAT`
 * also `CAREMGT`, by the library's own reading of HIPAA's treatment (45 CFR
 * 164.501: "the provision, coordination, or management of health care").
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
  recipients: z.array(ConsentRecipient).min(1).max(MOST_DENIED_RECIPIENTS).optional(),
  purposes: z.array(PurposeOfUse).min(1).max(MOST_DENIED_PURPOSES).optional(),
  categories: z.array(CategoryCode).min(1).max(MOST_DENIED_CATEGORIES).optional(),
  dataPeriod: Period.optional(),
});
/** An exception the client made: what must not be disclosed. */
export type DenyProvision = z.infer<typeof DenyProvision>;

/**
 * A client's consent or authorization, as the host recorded it.
 *
 * - `status`: `draft` (not agreed: it neither permits nor denies),
 *   `active`, `inactive` (FHIR's status for a consent no longer in effect)
 *   or `revoked`; an inactive or revoked consent permits nothing, and its
 *   deny provisions still hold, since ending a permission never ends a
 *   restriction.
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
 *   client's agreement, 45 CFR 164.522(a)(2)(i)); a renewal that does not name
 *   it leaves it in place.
 * - `replaces`: the ids of the consents this one supersedes. From the day
 *   it is signed, unless it is a draft, a replaced consent permits nothing,
 *   whatever becomes of this one: a renewal that is later revoked or lapses
 *   does not bring back the consent it replaced.
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
 * consent.replaces; // => []
 * ```
 */
export const Consent = z.strictObject({
  id: Id,
  clientId: Id,
  status: z.enum(["draft", "active", "inactive", "revoked"]),
  kind: AuthorizationKind,
  signed: IsoDate,
  period: Period,
  recipients: z.array(ConsentRecipient).max(50),
  purposes: z.array(PurposeOfUse).max(20),
  categories: z.array(CategoryCode).max(100),
  dataPeriod: Period.optional(),
  deny: uniqueIds(DenyProvision, MOST_DENY_PROVISIONS).default(emptyList),
  lifts: z
    .array(z.strictObject({ consentId: Id, provisionId: Id }))
    .max(50)
    .default(emptyList),
  replaces: z.array(Id).max(50).default(emptyList),
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
 * What a recipient is: a health care `provider` (a physician, therapist,
 * psychologist or other provider of health care, 45 CFR 160.103) or a
 * `non-provider` (a lawyer, a school, an employer, a peer group). Only a
 * provider can receive information for treatment without the client's
 * authorization under HIPAA (164.506(c)(2)), and only when the host chooses
 * that policy; a recipient whose kind is not given is not treated as a
 * provider.
 *
 * @example
 * ```ts
 * import { RecipientKind } from "referwell/consent";
 *
 * RecipientKind.options; // => ["provider", "non-provider"]
 * ```
 */
export const RecipientKind = z.enum(["provider", "non-provider"]);
/** What a recipient is. */
export type RecipientKind = z.infer<typeof RecipientKind>;

/**
 * Who receives a disclosure, for matching against consents: the referrer's
 * id, any identifiers the host holds for them, and, when the host knows
 * it, whether they are a health care provider (see {@link RecipientKind}).
 *
 * @example
 * ```ts
 * import { RecipientRef } from "referwell/consent";
 *
 * RecipientRef.parse({ referrerId: "ref-gp-01" }).identifiers; // => []
 * RecipientRef.parse({ referrerId: "ref-gp-01", kind: "provider" }).kind; // => "provider"
 * ```
 */
export const RecipientRef = z.strictObject({
  referrerId: Id,
  identifiers: z.array(Identifier).max(20).default(emptyList),
  kind: RecipientKind.optional(),
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
 * How a host's own identifier system is compared: which characters of a
 * value count (`all` but separators, the default; `letters-and-digits`; or
 * `digits`) and whether case matters (`fold`, the default, or `exact`).
 * Systems are matched in their canonical spelling (see {@link Identifier}).
 * The NPI system has its own rule (digits, with the check digit checked at
 * validation) and a host rule for it replaces that rule.
 *
 * @example
 * ```ts
 * import { IdentifierSystem } from "referwell/consent";
 *
 * IdentifierSystem.parse({ system: "https://www.gmc-uk.org", keep: "digits" }).case; // => "fold"
 * ```
 */
export const IdentifierSystem = z.strictObject({
  system: z.string().min(1).max(200),
  keep: z.enum(["all", "letters-and-digits", "digits"]).default("all"),
  case: z.enum(["fold", "exact"]).default("fold"),
});
/** How a host's own identifier system is compared. */
export type IdentifierSystem = z.infer<typeof IdentifierSystem>;

/**
 * Who may receive information for treatment without the client's
 * permission:
 *
 * - `client-permission` (the default, referwell's policy): nothing goes to
 *   anyone without a consent that permits it, providers included, as seed
 *   000 asks ("with your client's permission") and as the ethics codes
 *   expect (APA Ethics Code 4.05, ACA Code of Ethics B.6.g, NASW Code of
 *   Ethics 1.07(b)). This is stricter than HIPAA.
 * - `hipaa-permitted`: a health care provider recipient may receive
 *   `general` categories for treatment (`TREAT`, `COC`, `CAREMGT`) without
 *   a consent, as 45 CFR 164.506(c)(2) permits. Deny provisions still bind
 *   (an agreed restriction binds the practice, 164.522(a)(1)(ii)), one
 *   naming another referrer record too unless `distinctReferrers` says the
 *   records are distinct people, and notes and Part 2 records still need
 *   their own authorization or consent.
 *
 * @example
 * ```ts
 * import { TreatmentPolicy } from "referwell/consent";
 *
 * TreatmentPolicy.options; // => ["client-permission", "hipaa-permitted"]
 * ```
 */
export const TreatmentPolicy = z.enum(["client-permission", "hipaa-permitted"]);
/** Who may receive information for treatment without the client's permission. */
export type TreatmentPolicy = z.infer<typeof TreatmentPolicy>;

/**
 * Where the practice is, for the rules that are one country's law:
 * `US` (the default) attaches the 42 CFR 2.32 notice to Part 2 content;
 * `UK`, `EU` and `other` do not, since 42 CFR Part 2 is US law. The note
 * firewall and the Part 2 consent kinds hold everywhere: they are
 * referwell's policy as well as US law.
 *
 * @example
 * ```ts
 * import { ConsentJurisdiction } from "referwell/consent";
 *
 * ConsentJurisdiction.options; // => ["US", "UK", "EU", "other"]
 * ```
 */
export const ConsentJurisdiction = z.enum(["US", "UK", "EU", "other"]);
/** Where the practice is, for the rules that are one country's law. */
export type ConsentJurisdiction = z.infer<typeof ConsentJurisdiction>;

/**
 * How a restriction compares ids: a deny provision the referrer ids it
 * names with the recipient's, and a consent its client id with the
 * client's (a consent under another spelling of the client's id restricts,
 * but permits nothing). A permission always compares ids exactly.
 *
 * - `lookalike` (the default, the cautious reading): ids that read the
 *   same are one id to a restriction: compared in Unicode's compatibility
 *   composition (NFKC, Unicode Standard Annex #15), without
 *   default-ignorable code points (zero-width characters, the soft hyphen),
 *   and without case. A restriction written under `REF-A`, under `ref-a` with a
 *   zero-width space in it or under a full-width `ｒｅｆ-ａ` binds the referrer `ref-a`.
 *   Letters that only look alike across scripts (a Cyrillic `а`) stay
 *   apart.
 * - `canonical`: only ids that are the same text in Unicode's canonical
 *   composition (NFC) are one, for a host whose ids are case-sensitive
 *   and may differ only by case; a restriction under another spelling then
 *   binds as one naming another referrer (see `distinctReferrers`).
 *
 * @example
 * ```ts
 * import { RestrictionIds } from "referwell/consent";
 *
 * RestrictionIds.options; // => ["lookalike", "canonical"]
 * ```
 */
export const RestrictionIds = z.enum(["lookalike", "canonical"]);
/** How a restriction compares ids. */
export type RestrictionIds = z.infer<typeof RestrictionIds>;

/** The options `evaluateConsent` and `composeUpdate` share: the host's categories, time zone, identifier rules and policies. */
const policyShape = {
  categories: HostCategories.default(emptyList),
  timeZone: TimeZone.optional(),
  identifierSystems: uniqueBy(IdentifierSystem, 50, (entry) => canonicalSystem(entry.system), "system"),
  distinctReferrers: z.boolean().default(false),
  restrictionIds: RestrictionIds.default("lookalike"),
  treatmentPolicy: TreatmentPolicy.default("client-permission"),
  jurisdiction: ConsentJurisdiction.default("US"),
};

/** `emergency` asks for the emergency-treatment rule, which only the purpose `ETREAT` can. */
const emergencyNeedsEtreat = (): { error: string; path: string[] } => ({ error: "invalid-value", path: ["purpose"] });

/**
 * One question for {@link evaluateConsent}: may this category of
 * information about this client go to this recipient for this purpose, on
 * the day of `at`? `dataDate` is the day the information was recorded,
 * needed when a consent or provision limits the data period. `emergency:
 * true` (with purpose `ETREAT` only) asks under the emergency-treatment
 * rule (see {@link evaluateConsent}).
 *
 * @example
 * ```ts
 * import { ConsentQuery } from "referwell/consent";
 *
 * const query = ConsentQuery.parse({ client: "cl-01", recipient: { referrerId: "ref-gp-01" }, purpose: "COC", category: "attendance", at: "2026-11-23" });
 * query.recipient.identifiers; // => []
 * query.emergency; // => false
 * ConsentQuery.safeParse({ ...query, emergency: true }).success; // => false
 * ```
 */
export const ConsentQuery = z
  .strictObject({
    client: Id,
    // A whole Recipient passes as it is; its name and address are not read.
    recipient: RecipientRef.extend({ name: line(200).optional(), address: line(500).optional() }),
    purpose: PurposeOfUse,
    category: CategoryCode,
    at: Now,
    dataDate: IsoDate.optional(),
    emergency: z.boolean().default(false),
  })
  .refine((query) => !query.emergency || query.purpose === "ETREAT", emergencyNeedsEtreat());
/** One question for {@link evaluateConsent}. */
export type ConsentQuery = z.infer<typeof ConsentQuery>;
/** {@link ConsentQuery} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type ConsentQueryInput = z.input<typeof ConsentQuery>;

/**
 * Options of {@link evaluateConsent}, shared with {@link composeUpdate}'s
 * request:
 *
 * - `categories`: the host's own categories.
 * - `timeZone`: the IANA zone whose calendar day `at` is read in. Without
 *   it, the day of an instant is uncertain, and a consent permits only if
 *   it permits on every day the instant falls on somewhere between UTC−12
 *   and UTC+14, and on the date it is written with (the reading that
 *   discloses less wins).
 * - `identifierSystems`: how the host's own identifier systems are compared
 *   (see {@link IdentifierSystem}).
 * - `distinctReferrers`: `true` when the host declares that no person has
 *   two referrer records. Until it does, a deny provision naming a referrer
 *   by id also binds a recipient that consents name only by identifier, or
 *   whom no consent permits when the treatment policy would, since the two
 *   may be one person (`recipient-identity-uncertain`).
 * - `restrictionIds`: how a restriction compares ids (see {@link RestrictionIds}).
 * - `treatmentPolicy`: see {@link TreatmentPolicy}.
 * - `jurisdiction`: see {@link ConsentJurisdiction}.
 *
 * @example
 * ```ts
 * import { EvaluateOptions } from "referwell/consent";
 *
 * EvaluateOptions.parse({}).categories; // => []
 * EvaluateOptions.parse({}).treatmentPolicy; // => "client-permission"
 * EvaluateOptions.parse({}).restrictionIds; // => "lookalike"
 * EvaluateOptions.safeParse({ timeZone: "Australia/Sydney" }).success; // => true
 * EvaluateOptions.safeParse({ timeZone: "+11:00" }).success; // => false
 * ```
 */
export const EvaluateOptions = z.strictObject(policyShape);
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
 * defaults (the host's choice of what coordination needs; see `composeUpdate`); a
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
 * or confirming care). `part2Notice` chooses the regulation's statement that
 * goes with Part 2 content: `short` (§ 2.32(a)(2), the default) or `full`
 * (§ 2.32(a)(1)). `emergency: true` (purpose `ETREAT` only) composes under
 * the emergency-treatment rule. `now` is read by the rule of
 * {@link EvaluateOptions}' `timeZone`, which, with the other options there,
 * the request shares.
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
 * request.part2Notice; // => "short"
 * UpdateRequest.safeParse({ ...request, kind: "custom" }).success; // => false
 * UpdateRequest.safeParse({ ...request, part2Notice: "." }).success; // => false
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
    now: Now,
    ...policyShape,
    unacknowledgedThankYou: z.enum(["nothing", "generic-note"]).default("nothing"),
    part2Notice: z.enum(["short", "full"]).default("short"),
    emergency: z.boolean().default(false),
  })
  .refine((request) => request.kind !== "custom" || request.template !== undefined, { error: "required", path: ["template"] })
  .refine((request) => !request.emergency || request.purpose === "ETREAT", emergencyNeedsEtreat());
/** Everything {@link composeUpdate} needs. */
export type UpdateRequest = z.infer<typeof UpdateRequest>;
/** {@link UpdateRequest} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type UpdateRequestInput = z.input<typeof UpdateRequest>;
