/**
 * Closed lists shared by several capabilities. Open, host-extensible lists
 * (problem areas, modalities, populations, disciplines) live in the
 * vocabulary instead.
 *
 * @module
 */
import * as z from "zod";
import { WEEKDAYS } from "./internal/weekdayOf.js";

/**
 * A day of the week.
 *
 * @example
 * ```ts
 * import { Weekday } from "referwell";
 *
 * Weekday.options; // => ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
 * ```
 */
export const Weekday = z.enum(WEEKDAYS);
/** A day of the week. */
export type Weekday = z.infer<typeof Weekday>;

/**
 * How a session takes place.
 *
 * @example
 * ```ts
 * import { CareMode } from "referwell";
 *
 * CareMode.options; // => ["in-person", "telehealth"]
 * ```
 */
export const CareMode = z.enum(["in-person", "telehealth"]);
/** How a session takes place. */
export type CareMode = z.infer<typeof CareMode>;

/**
 * A client's age group. Each maps to a population code of the vocabulary
 * (`child` → `children`, and so on).
 *
 * @example
 * ```ts
 * import { AgeGroup } from "referwell";
 *
 * AgeGroup.safeParse("adolescent").success; // => true
 * ```
 */
export const AgeGroup = z.enum(["child", "adolescent", "adult", "older-adult"]);
/** A client's age group. */
export type AgeGroup = z.infer<typeof AgeGroup>;

/**
 * Who is in the room: one client, a couple, a family or a group.
 *
 * @example
 * ```ts
 * import { CareFormat } from "referwell";
 *
 * CareFormat.safeParse("couple").success; // => true
 * ```
 */
export const CareFormat = z.enum(["individual", "couple", "family", "group"]);
/** Who is in the room. */
export type CareFormat = z.infer<typeof CareFormat>;

/**
 * How severe or complex a client's presentation is, as the host grades it.
 * Outcome-based matching weighs more for severe and complex clients
 * (Boswell et al. 2022).
 *
 * @example
 * ```ts
 * import { Severity } from "referwell";
 *
 * Severity.options; // => ["mild", "moderate", "severe", "complex"]
 * ```
 */
export const Severity = z.enum(["mild", "moderate", "severe", "complex"]);
/** How severe or complex a presentation is. */
export type Severity = z.infer<typeof Severity>;

/**
 * A level of care, in rising intensity: weekly `outpatient` therapy, a
 * `psychiatric-evaluation` (a prescriber's assessment and medication
 * review), an `intensive-outpatient` programme (several sessions a week) and
 * `partial-hospitalisation` (day treatment). The higher levels are what
 * `referwell/refer` suggests beside a referral for a client who stays in the
 * severe range.
 *
 * @example
 * ```ts
 * import { LevelOfCare } from "referwell";
 *
 * LevelOfCare.options[0]; // => "outpatient"
 * ```
 */
export const LevelOfCare = z.enum(["outpatient", "psychiatric-evaluation", "intensive-outpatient", "partial-hospitalisation"]);
/** A level of care. */
export type LevelOfCare = z.infer<typeof LevelOfCare>;

/**
 * How soon something must happen, in rising order.
 *
 * @example
 * ```ts
 * import { Urgency } from "referwell";
 *
 * Urgency.options.indexOf("urgent") > Urgency.options.indexOf("soon"); // => true
 * ```
 */
export const Urgency = z.enum(["routine", "soon", "urgent"]);
/** How soon something must happen. */
export type Urgency = z.infer<typeof Urgency>;

/**
 * The kinds of referrer a practice builds relationships with (seed articles:
 * therapists in other specialties, busy same-specialty therapists, health
 * professionals who see the ideal client, peer and case-study groups).
 *
 * @example
 * ```ts
 * import { ReferrerKind } from "referwell";
 *
 * ReferrerKind.options.length; // => 13
 * ```
 */
export const ReferrerKind = z.enum([
  "therapist-other-specialty",
  "therapist-same-specialty",
  "gp",
  "paediatrician",
  "gynaecologist",
  "psychiatrist",
  "nutritionist",
  "naturopath",
  "school",
  "lawyer",
  "peer-group",
  "case-study-group",
  "other",
]);
/** A kind of referrer. */
export type ReferrerKind = z.infer<typeof ReferrerKind>;

/**
 * Why a clinician may not be impartial with a client (ethics codes: APA 3.05
 * multiple relationships, ACA A.6, NASW 1.06 conflicts of interest).
 *
 * @example
 * ```ts
 * import { ConflictKind } from "referwell";
 *
 * ConflictKind.safeParse("dual-relationship").success; // => true
 * ```
 */
export const ConflictKind = z.enum(["dual-relationship", "conflict-of-interest", "prior-relationship", "other"]);
/** Why a clinician may not be impartial with a client. */
export type ConflictKind = z.infer<typeof ConflictKind>;

/**
 * A clinician's measured effectiveness in one problem domain, as in
 * outcome-based matching (Constantino et al. 2021, JAMA Psychiatry).
 *
 * @example
 * ```ts
 * import { OutcomeRating } from "referwell";
 *
 * OutcomeRating.options; // => ["effective", "neutral", "ineffective"]
 * ```
 */
export const OutcomeRating = z.enum(["effective", "neutral", "ineffective"]);
/** A clinician's measured effectiveness in one problem domain. */
export type OutcomeRating = z.infer<typeof OutcomeRating>;

/**
 * A way to reach a referrer.
 *
 * @example
 * ```ts
 * import { ContactChannel } from "referwell";
 *
 * ContactChannel.safeParse("secure-messaging").success; // => true
 * ```
 */
export const ContactChannel = z.enum(["email", "phone", "fax", "post", "secure-messaging", "portal", "other"]);
/** A way to reach a referrer. */
export type ContactChannel = z.infer<typeof ContactChannel>;
