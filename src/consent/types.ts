/**
 * What `referwell/consent` returns: decisions with their reason and the
 * provision that decided, and composed updates with what was withheld, their
 * security labels and the disclosure record. Plain JSON throughout.
 *
 * @module
 */
import * as z from "zod";
import type { IsoDate } from "../model/scalars.js";
import type { FactComponent, Recipient, UpdateKind } from "./schemas.js";
import type { Confidentiality, PurposeOfUse, SensitivityCode } from "./categories.js";

/**
 * Why a disclosure is denied. Each consent is checked in the order below,
 * and a denial reports where the consent that came closest to permitting
 * stopped (ties by consent id):
 *
 * - `no-consent`: the client has no consent at all
 * - `unknown-category`: neither the library nor the host defines the category
 * - `needs-specific-authorization`: the category needs an authorization of
 *   its own kind (psychotherapy note, Part 2 records, SUD counselling note)
 *   and this consent is not one; `category-not-permitted` when a specific
 *   authorization is asked for anything but its kind
 * - `draft`, `inactive`, `revoked`: the consent is not agreed, no longer
 *   in effect, or was revoked
 * - `superseded`: a later consent names it in `replaces`
 * - `not-yet-signed`: signed after the day asked about
 * - `not-yet-in-force`, `expired`: the day is before or after its period
 * - `other-recipient`, `other-purpose`: it does not name the recipient or the purpose
 * - `category-not-permitted`: it does not list the category
 * - `data-date-unknown`, `data-outside-period`: it limits the data period and
 *   the information has no date, or a date outside it
 * - `denied-by-provision`: a binding deny provision excludes it (this
 *   reason wins over the others)
 * - `recipient-identity-uncertain`: a binding deny provision names a
 *   referrer by id, no consent that permits names this recipient by their
 *   own referrer id (the permitting consents name them only by identifier,
 *   or none permits and the treatment policy would), and the host has not declared
 *   its referrer records distinct, so the recipient may be the one excluded
 *
 * @example
 * ```ts
 * import { DenyReason } from "referwell/consent";
 *
 * DenyReason.options.includes("needs-specific-authorization"); // => true
 * ```
 */
export const DenyReason = z.enum([
  "no-consent",
  "unknown-category",
  "draft",
  "inactive",
  "revoked",
  "superseded",
  "not-yet-signed",
  "not-yet-in-force",
  "expired",
  "other-recipient",
  "other-purpose",
  "needs-specific-authorization",
  "category-not-permitted",
  "data-date-unknown",
  "data-outside-period",
  "denied-by-provision",
  "recipient-identity-uncertain",
]);
/** Why a disclosure is denied. */
export type DenyReason = z.infer<typeof DenyReason>;

/**
 * Why a fact was withheld from an update: a {@link DenyReason}, or one of
 * the composition's own reasons, checked first:
 *
 * - `other-client`: the fact is about another client
 * - `unlabelled`: the fact has no category, so it has no security labels
 * - `not-needed`: the update's template does not carry its category
 *   (only what coordination needs: seed 000; APA Ethics Code 4.04, ACA
 *   Code of Ethics B.2.e, NASW Code of Ethics 1.07(c))
 * - `not-acknowledged`: the fact is permitted, but the client may not be
 *   acknowledged to this recipient, so nothing about them is sent
 *
 * @example
 * ```ts
 * import { WithholdReason } from "referwell/consent";
 *
 * WithholdReason.options.includes("not-needed"); // => true
 * ```
 */
export const WithholdReason = z.enum([...DenyReason.options, "other-client", "unlabelled", "not-needed", "not-acknowledged"]);
/** Why a fact was withheld from an update. */
export type WithholdReason = z.infer<typeof WithholdReason>;

/** The provision that decided: a consent's base provision, or one of its deny provisions when `provisionId` is given. */
export interface ProvisionRef {
  /** The consent. */
  readonly consentId: string;
  /** The deny provision, when one decided. */
  readonly provisionId?: string;
}

/**
 * Why a disclosure is permitted:
 *
 * - `permitted`: a consent in force permits it (`provision` names it);
 * - `treatment-without-consent`: the host's `hipaa-permitted` treatment
 *   policy, for a provider recipient (45 CFR 164.506(c)(2));
 * - `emergency-treatment`: the emergency-treatment rule (45 CFR
 *   164.522(a)(1)(iii); 42 CFR 2.51 for Part 2 records); the disclosure is
 *   recorded as an emergency disclosure and the host informs the client
 *   afterwards.
 *
 * @example
 * ```ts
 * import { PermitReason } from "referwell/consent";
 *
 * PermitReason.options; // => ["permitted", "treatment-without-consent", "emergency-treatment"]
 * ```
 */
export const PermitReason = z.enum(["permitted", "treatment-without-consent", "emergency-treatment"]);
/** Why a disclosure is permitted. */
export type PermitReason = z.infer<typeof PermitReason>;

/** A permitted disclosure, with the consent or the rule that permits it. */
export interface PermitDecision {
  /** Always `permit`. */
  readonly decision: "permit";
  /** Why: a consent, or a rule that needs none (see {@link PermitReason}). */
  readonly reason: PermitReason;
  /** The consent relied on, when one is: the latest signed of those that permit (ties by id). */
  readonly provision?: ProvisionRef;
  /** One sentence for people. */
  readonly text: string;
}

/** A denied disclosure, with the reason and, when one decided, the provision. */
export interface DenyDecision {
  /** Always `deny`. */
  readonly decision: "deny";
  /** Why. */
  readonly reason: DenyReason;
  /** The deny provision that excluded it, or the consent that came closest to permitting. */
  readonly provision?: ProvisionRef;
  /** One sentence for people. */
  readonly text: string;
}

/** What {@link evaluateConsent} decides. */
export type ConsentDecision = PermitDecision | DenyDecision;

/** A fact left out of an update: its id and why, never its content. */
export interface WithheldFact {
  /** The fact. */
  readonly factId: string;
  /** Why it was withheld. */
  readonly reason: WithholdReason;
  /** The provision that decided, when a consent did. */
  readonly provision?: ProvisionRef;
  /** One sentence for people. */
  readonly text: string;
}

/** One fact as an update carries it. */
export interface UpdateItem {
  /** The fact. */
  readonly factId: string;
  /** Its short text. */
  readonly text: string;
  /** Its structured values. */
  readonly value: readonly FactComponent[];
  /** The day it was recorded. */
  readonly recorded: IsoDate;
}

/** The facts of one category, under the category's label. */
export interface UpdateSection {
  /** The category code. */
  readonly category: string;
  /** The category's label. */
  readonly title: string;
  /** Its facts, oldest first (ties by id). */
  readonly items: readonly UpdateItem[];
}

/** The security labels of an update (HL7 DS4P). */
export interface SecurityLabels {
  /** The highest confidentiality level of what it discloses (the high-water mark); `N` when it discloses nothing. */
  readonly confidentiality: Confidentiality;
  /** Every sensitivity code of what it discloses, in the order of `SensitivityCode`. */
  readonly sensitivity: readonly SensitivityCode[];
  /** The 42 CFR 2.32 statement, present when it discloses Part 2 content in the US (see `ConsentJurisdiction`). */
  readonly part2Notice?: string;
}

/** The message to send: structured sections, and the same rendered as plain text and Markdown. */
export interface Update {
  /** The kind of update. */
  readonly kind: UpdateKind;
  /** The host template used, when one was. */
  readonly templateId?: string;
  /** Its title. */
  readonly title: string;
  /** One section per category with included facts, in the template's order. */
  readonly sections: readonly UpdateSection[];
  /** Plain text. */
  readonly text: string;
  /** Markdown, with every host and client text escaped. */
  readonly markdown: string;
  /** Its security labels. */
  readonly labels: SecurityLabels;
}

/** The record of one disclosure, with the fields of an accounting under 45 CFR 164.528(b)(2). */
export interface DisclosureRecord {
  /** The date of the disclosure (164.528(b)(2)(i)): the day of `now`. */
  readonly date: IsoDate;
  /** Whose information was disclosed. */
  readonly clientId: string;
  /** Who received it (164.528(b)(2)(ii)): name, ids and, when the host gave them, the address and kind. */
  readonly recipient: Recipient;
  /** A brief description of what was disclosed (164.528(b)(2)(iii)), built from category labels, never from facts. */
  readonly description: string;
  /** The purpose (164.528(b)(2)(iv)): its code and a brief statement. */
  readonly purpose: { readonly code: PurposeOfUse; readonly text: string };
  /** The consents relied on, by id. */
  readonly basis: readonly string[];
  /** The rules relied on instead of a consent, if any: `treatment-without-consent`, `emergency-treatment`. */
  readonly rules: readonly PermitReason[];
  /**
   * Whether this is an emergency disclosure: something went out under the
   * emergency-treatment rule. The host must then tell the client, as soon as
   * is practicable, what was disclosed and to whom (referwell's policy; a
   * Part 2 program must also document it, 42 CFR 2.51(c)).
   */
  readonly emergency: boolean;
  /** The kind of update. */
  readonly kind: UpdateKind;
  /** The host template used, when one was. */
  readonly templateId?: string;
  /** The categories disclosed, `acknowledgement` first, then the sections'. */
  readonly categories: readonly string[];
  /** The facts disclosed, by id. */
  readonly factIds: readonly string[];
  /** The confidentiality high-water mark. */
  readonly confidentiality: Confidentiality;
  /** The sensitivity codes. */
  readonly sensitivity: readonly SensitivityCode[];
  /** Whether Part 2 records were disclosed (42 CFR 2.32 notice sent). */
  readonly part2: boolean;
}

/**
 * The result of {@link composeUpdate}. `status` says what to send:
 * `update` (names the client; has a disclosure record), `generic-note` (a
 * thank-you that names no one and discloses nothing; no record), or
 * `nothing` (no update).
 */
export interface ComposedUpdate {
  /** What to send. */
  readonly status: "update" | "generic-note" | "nothing";
  /** The message, unless `status` is `nothing`. */
  readonly update?: Update;
  /** The facts the update carries, by id in id order. */
  readonly included: readonly string[];
  /** Every other fact, in id order, each with its reason. */
  readonly withheld: readonly WithheldFact[];
  /** Whether the client may be acknowledged to the recipient, and why. */
  readonly acknowledgement: ConsentDecision;
  /** The record of the disclosure, when something was disclosed. */
  readonly disclosure?: DisclosureRecord;
}
