/**
 * What the safety check reads: item scores and risk items of instruments,
 * risk ratings a clinician or a structured screen gives, and the practice's
 * safety policy.
 *
 * referwell is not a risk-assessment tool. It reads the signals a host
 * records and never lowers what a clinician judges: the safety level is at
 * least the level of the clinician's latest rating.
 *
 * @module
 */
import * as z from "zod";
import { IsoDate, Jurisdiction, Tag } from "../model/index.js";
import { emptyList } from "../model/internal/emptyList.js";

/**
 * How urgently risk must be looked at, from none to crisis:
 *
 * - `none`: no open risk signal;
 * - `review`: ask about suicidal thoughts and self-harm at the next contact;
 * - `urgent-review`: a risk assessment today, and a safety plan;
 * - `crisis`: emergency help now.
 *
 * @example
 * ```ts
 * import { SafetyLevel } from "referwell/refer";
 *
 * SafetyLevel.options; // => ["none", "review", "urgent-review", "crisis"]
 * ```
 */
export const SafetyLevel = z.enum(["none", "review", "urgent-review", "crisis"]);
/** How urgently risk must be looked at. */
export type SafetyLevel = z.infer<typeof SafetyLevel>;

/**
 * The items of an instrument: how many there are, the range of each item's
 * score, and how the total is made from them (`sum`: the total must equal
 * the sum of the item scores, as for the PHQ-9 and the CORE-10; `other`: no
 * check).
 *
 * @example
 * ```ts
 * import { InstrumentItems } from "referwell/refer";
 *
 * InstrumentItems.parse({ count: 9, min: 0, max: 3 }).scoring; // => "sum"
 * ```
 */
export const InstrumentItems = z
  .strictObject({
    count: z.number().int().min(1).max(200),
    min: z.number().min(-1e6).max(1e6),
    max: z.number().min(-1e6).max(1e6),
    scoring: z.enum(["sum", "other"]).default("sum"),
  })
  .superRefine((items, ctx) => {
    if (items.min >= items.max) ctx.addIssue({ code: "custom", message: "min-above-max", path: ["min"] });
  });
/** The items of an instrument. */
export type InstrumentItems = z.infer<typeof InstrumentItems>;

/**
 * An item that asks about risk (PHQ-9 item 9, thoughts of being better off
 * dead or of self-harm; CORE-10 item 6, plans to end one's life), numbered
 * as the instrument publishes it (from 1), and the item score from which
 * each safety level applies: `{ item: 9, from: { "urgent-review": 1 } }`
 * makes any answer above "not at all" a same-day review. At least one level;
 * a higher level may not start below a lower one.
 *
 * @example
 * ```ts
 * import { RiskItem } from "referwell/refer";
 *
 * RiskItem.parse({ item: 9, from: { "urgent-review": 1 } }).from; // => { "urgent-review": 1 }
 * RiskItem.safeParse({ item: 9, from: {} }).success; // => false
 * RiskItem.safeParse({ item: 9, from: { review: 2, "urgent-review": 1 } }).success; // => false
 * ```
 */
export const RiskItem = z
  .strictObject({
    item: z.number().int().min(1).max(200),
    from: z.strictObject({
      review: z.number().min(-1e6).max(1e6).optional(),
      "urgent-review": z.number().min(-1e6).max(1e6).optional(),
      crisis: z.number().min(-1e6).max(1e6).optional(),
    }),
  })
  .superRefine((risk, ctx) => {
    const thresholds = [risk.from.review, risk.from["urgent-review"], risk.from.crisis].filter((value) => value !== undefined);
    if (thresholds.length === 0) ctx.addIssue({ code: "custom", message: "required", path: ["from"] });
    if (thresholds.some((value, index) => index > 0 && value < (thresholds[index - 1] as number))) {
      ctx.addIssue({ code: "custom", message: "min-above-max", path: ["from"] });
    }
  });
/** An item that asks about risk, and the score from which each safety level applies. */
export type RiskItem = z.infer<typeof RiskItem>;

/**
 * A risk rating on a day: a clinician's own rating after a risk assessment
 * (`clinician-rating`), or the result of a Columbia Suicide Severity Rating
 * Scale screen (`c-ssrs-screen`), as `none`, `low`, `moderate` or `high`.
 * Only the rating; never the words of the assessment.
 *
 * @example
 * ```ts
 * import { RiskFlag } from "referwell/refer";
 *
 * RiskFlag.parse({ source: "c-ssrs-screen", date: "2026-11-20", level: "moderate" }).level; // => "moderate"
 * ```
 */
export const RiskFlag = z.strictObject({
  source: z.enum(["clinician-rating", "c-ssrs-screen"]),
  date: IsoDate,
  level: z.enum(["none", "low", "moderate", "high"]),
});
/** A risk rating on a day, by a clinician or a structured screen. */
export type RiskFlag = z.infer<typeof RiskFlag>;

/**
 * A number to call or text in an emergency or a mental-health crisis.
 *
 * @example
 * ```ts
 * import { EmergencyContact } from "referwell/refer";
 *
 * EmergencyContact.parse({ name: "Crisis line", number: "988", how: "call or text" }).number; // => "988"
 * ```
 */
export const EmergencyContact = z.strictObject({
  name: z.string().min(1).max(200),
  number: z.string().regex(/^\+?[0-9][0-9 ]{1,30}$/),
  how: z.enum(["call", "call or text"]).default("call"),
  source: z.string().min(1).max(1_000).optional(),
});
/** A number to call or text in an emergency. */
export type EmergencyContact = z.infer<typeof EmergencyContact>;

/**
 * The practice's safety policy; every field has a default.
 *
 * - `riskNeeds` (`suicidality`, `self-harm`): problem areas that are a risk
 *   signal (at least `review`) and never, by themselves, a need outside the
 *   clinician's scope: every clinician must be able to assess and hold risk.
 * - `emergencyContacts`: the host's numbers for a country (`US`) or a
 *   subdivision (`US-OR`), listed before referwell's own for the
 *   jurisdiction where the client lives.
 * - `ratingAnswersScreens` (on): a clinician's rating dated on or after a
 *   screen (a risk item, a C-SSRS screen) is the assessment that screen
 *   called for, so the level follows the rating; off, every screen stays
 *   open until a later screen of the same kind replaces it.
 *
 * These are referwell's defaults, not a clinical standard.
 *
 * @example
 * ```ts
 * import { SafetyPolicy } from "referwell/refer";
 *
 * SafetyPolicy.parse({}).riskNeeds; // => ["suicidality", "self-harm"]
 * ```
 */
export const SafetyPolicy = z.strictObject({
  riskNeeds: z
    .array(Tag)
    .max(50)
    .default(() => ["suicidality", "self-harm"]),
  emergencyContacts: z
    .array(z.strictObject({ jurisdiction: Jurisdiction, contacts: z.array(EmergencyContact).min(1).max(20) }))
    .max(500)
    .default(emptyList),
  ratingAnswersScreens: z.boolean().default(true),
});
/** The practice's safety policy, with its defaults filled in. */
export type SafetyPolicy = z.infer<typeof SafetyPolicy>;
