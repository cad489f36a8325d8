/**
 * The inputs of `referwell/match`: matcher options with their documented
 * defaults, a ranking request, and a referral to assign.
 *
 * @module
 */
import * as z from "zod";
import { Client } from "../model/client.js";
import { MatchCriteria } from "../model/criteria.js";
import { Urgency } from "../model/enums.js";
import { NowOptions } from "../model/now.js";
import { Id } from "../model/scalars.js";
import { Clinician } from "../model/clinician.js";
import { emptyList } from "../model/internal/emptyList.js";
import { VocabularyExtension } from "../model/defaultVocabulary.js";
import { ExpectedText } from "../errors.js";
import type { AbortSignalLike } from "../model/internal/sliceClock.js";

const weight = (value: number) => z.number().min(0).max(100).default(value);

/**
 * The longest a client may wait for a first session: `days` counted as
 * calendar days or as business days (Monday to Friday) from the start date.
 *
 * @example
 * ```ts
 * import { WaitCap } from "referwell/match";
 *
 * WaitCap.parse({ days: 10, count: "business" }).days; // => 10
 * ```
 */
export const WaitCap = z.strictObject({
  days: z.number().int().min(0).max(3_650),
  count: z.enum(["calendar", "business"]),
});
/** The longest a client may wait for a first session. */
export type WaitCap = z.infer<typeof WaitCap>;

/**
 * The longest wait for each urgency: a hard constraint (`wait`, reason
 * `wait-too-long`) on a clinician's usual wait (`capacity.expectedWaitDays`;
 * an unknown wait passes). Defaults: `urgent` 2 calendar days and `soon` 10
 * business days, modelled on California's timely-access standards for
 * health plans (28 CCR § 1300.67.2.2(c)(5): urgent care that needs no prior
 * authorization within 48 hours of the request; a non-urgent appointment with
 * a non-physician mental health provider within 10 business days); tying them to
 * referwell's `urgent` and `soon` is referwell's own default. `routine` has
 * no cap unless given. A more urgent referral never waits longer than a less
 * urgent one: each cap is also held to the caps below it.
 *
 * @example
 * ```ts
 * import { UrgencyWaits } from "referwell/match";
 *
 * UrgencyWaits.parse({}).urgent; // => { days: 2, count: "calendar" }
 * UrgencyWaits.parse({}).routine; // => undefined
 * ```
 */
export const UrgencyWaits = z.strictObject({
  urgent: WaitCap.default(() => ({ days: 2, count: "calendar" as const })),
  soon: WaitCap.default(() => ({ days: 10, count: "business" as const })),
  routine: WaitCap.optional(),
});
/** The longest wait for each urgency. */
export type UrgencyWaits = z.infer<typeof UrgencyWaits>;

/**
 * How much each part of the soft fit counts. Weights are relative: they are
 * normalized to sum to 1 for each request, so the parts of a score add up to
 * the score. Defaults: needs 0.30, outcomes 0.15, schedule 0.15, modality
 * 0.10, language 0.10, wait 0.10, gender 0.05, distance 0.05, identity
 * 0.10, partner 0.05 (referwell's own defaults). The outcome weight applies
 * only when the directory carries outcome data, the identity weight only
 * when the client asks for populations, cultures, faiths, a clinician age
 * range or an interpreter without making it a must, and the partner weight
 * only when the criteria's `prefer.partner` asks for a small practice or a
 * busy clinician in a specialty.
 *
 * @example
 * ```ts
 * import { MatchWeights } from "referwell/match";
 *
 * MatchWeights.parse({}).needs; // => 0.3
 * MatchWeights.parse({ language: 0.3 }).language; // => 0.3
 * ```
 */
export const MatchWeights = z
  .strictObject({
    needs: weight(0.3),
    outcomes: weight(0.15),
    schedule: weight(0.15),
    modality: weight(0.1),
    language: weight(0.1),
    wait: weight(0.1),
    gender: weight(0.05),
    distance: weight(0.05),
    identity: weight(0.1),
    partner: weight(0.05),
  })
  .refine((w) => Object.values(w).some((value) => value > 0), { error: "too-small" });
/** How much each part of the soft fit counts. */
export type MatchWeights = z.infer<typeof MatchWeights>;

/**
 * Options of a matcher, each with a documented default.
 *
 * - `margin` (0.1): how far the best option must lead the next for it to be
 *   recommended alone, and a colleague must lead the point person for the
 *   referral to be passed.
 * - `minimumOptions` (2) and `preferredOptions` (3): how many options to
 *   recommend when none leads by the margin (seed 002: give options).
 * - `severeOutcomeMultiplier` (2): outcome data counts this many times more
 *   for severe and complex clients (Boswell et al. 2022).
 * - `outcomeMinCases` (15): fewer cases in a domain make a rating count as
 *   no evidence. Constantino et al. 2021 (JAMA Psychiatry 78(9):960–969)
 *   rated a clinician in a domain only with at least 15 cases.
 * - `ineffectiveOnPrimary` (`"exclude"`): what an ineffective rating on the
 *   client's primary need does. `"exclude"` makes it a hard constraint
 *   (`outcome`); `"penalize"` leaves it to the outcome part, where, like an
 *   ineffective rating on any other need, it zeroes the part whatever the
 *   clinician's effective ratings elsewhere (Constantino et al. 2021 matched on
 *   "effective on the most elevated domains and not ineffective on any").
 * - `defaultTravelRadiusKm` (40): how far a client travels to an office
 *   when the criteria do not say.
 * - `waitHorizonDays` (60): a wait this long or longer scores nothing.
 * - `scheduleTargetMinutes` (120): weekly overlap of the client's times with
 *   the clinician's availability at which the schedule part is full.
 * - `urgencyWaits` (urgent 2 calendar days, soon 10 business days): the
 *   longest wait for each urgency of the criteria; see {@link UrgencyWaits}.
 * - `expectedWeeks` (12): how long a course of care is expected to last when
 *   the criteria do not say; a panel must keep the clinician in network on
 *   every day of it. referwell's own default: about a short course of weekly
 *   therapy.
 * - `panelEndsDuringCare` (`"fail"`): a panel that ends inside the course
 *   fails payment (`network-ends-during-care`, with its date); `"warn"`
 *   passes it and says so in the option's `warnings` and payment route.
 * - `vocabulary`: codes and synonyms to add to the defaults.
 *
 * @example
 * ```ts
 * import { MatcherOptions } from "referwell/match";
 *
 * const options = MatcherOptions.parse({ margin: 0.05 });
 * options.margin; // => 0.05
 * options.minimumOptions; // => 2
 * ```
 */
export const MatcherOptions = z.strictObject({
  weights: MatchWeights.prefault({}),
  margin: z.number().min(0).max(1).default(0.1),
  minimumOptions: z.number().int().min(1).max(20).default(2),
  preferredOptions: z.number().int().min(1).max(20).default(3),
  severeOutcomeMultiplier: z.number().min(1).max(10).default(2),
  outcomeMinCases: z.number().int().min(0).max(100_000).default(15),
  ineffectiveOnPrimary: z.enum(["exclude", "penalize"]).default("exclude"),
  defaultTravelRadiusKm: z.number().positive().max(20_000).default(40),
  waitHorizonDays: z.number().int().min(1).max(3_650).default(60),
  scheduleTargetMinutes: z.number().int().min(1).max(10_080).default(120),
  urgencyWaits: UrgencyWaits.prefault({}),
  expectedWeeks: z.number().int().min(0).max(520).default(12),
  panelEndsDuringCare: z.enum(["fail", "warn"]).default("fail"),
  vocabulary: VocabularyExtension.optional(),
  /** Where the counts and margin come from, as a referral assessment's `options` cite it; carried, not read. */
  source: z.string().max(2_000).optional(),
});
/** Options of a matcher. */
export type MatcherOptions = z.infer<typeof MatcherOptions>;

/** Whether a value can stop work as an `AbortSignal` does: it says whether it fired, and why. */
const isAbortSignal = (value: unknown): value is AbortSignalLike =>
  typeof value === "object" && value !== null && typeof (value as { aborted?: unknown }).aborted === "boolean";

/**
 * How {@link createMatcherAsync} shares the thread while it works:
 *
 * - `sliceMilliseconds`: how long it works before it gives the event loop a
 *   turn (10 by default, the library's own choice: short enough for a
 *   server to answer requests in between, long enough that the turns cost
 *   little; 0 gives a turn after every small step).
 * - `signal`: an `AbortSignal`; once it fires, the work stops at the next
 *   turn and the promise rejects with the signal's reason.
 *
 * @example
 * ```ts
 * import { SliceOptions } from "referwell/match";
 *
 * SliceOptions.parse({}).sliceMilliseconds; // => 10
 * SliceOptions.safeParse({ sliceMilliseconds: 5, signal: new AbortController().signal }).success; // => true
 * SliceOptions.safeParse({ sliceMilliseconds: -1 }).success; // => false
 * ```
 */
export const SliceOptions = z.strictObject({
  sliceMilliseconds: z.number().min(0).max(1_000).default(10),
  signal: z.custom<AbortSignalLike>(isAbortSignal, { params: { expected: ExpectedText.abortSignal } }).optional(),
});
/** How {@link createMatcherAsync} shares the thread. */
export type SliceOptions = z.infer<typeof SliceOptions>;
/** {@link SliceOptions} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type SliceOptionsInput = z.input<typeof SliceOptions>;
/** {@link MatcherOptions} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type MatcherOptionsInput = z.input<typeof MatcherOptions>;

/**
 * One ranking request: the criteria, or a client record to derive them
 * from (exactly one). With `practiceId` the ranking marks colleagues; with
 * `pointPersonId` too it says when a colleague should take the referral.
 *
 * @example
 * ```ts
 * import { MatchRequest } from "referwell/match";
 *
 * MatchRequest.safeParse({ criteria: { location: { jurisdiction: "US-OR" } } }).success; // => true
 * MatchRequest.safeParse({}).success; // => false
 * ```
 */
export const MatchRequest = z
  .strictObject({
    criteria: MatchCriteria.optional(),
    client: Client.optional(),
    practiceId: Id.optional(),
    pointPersonId: Id.optional(),
  })
  .refine((request) => (request.criteria === undefined) !== (request.client === undefined), {
    error: "exactly-one-required",
    path: ["criteria"],
  });
/** One ranking request. */
export type MatchRequest = z.infer<typeof MatchRequest>;
/** {@link MatchRequest} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type MatchRequestInput = z.input<typeof MatchRequest>;

/**
 * How many options to recommend for one ranking, overriding the matcher's
 * own: pass a referral assessment's `options` from `referwell/refer` as they
 * are (their `source` is carried, not read).
 *
 * @example
 * ```ts
 * import { RecommendationPolicy } from "referwell/match";
 *
 * RecommendationPolicy.parse({ minimumOptions: 2, margin: 0.15, source: "policy" }); // => { minimumOptions: 2, margin: 0.15, source: "policy" }
 * RecommendationPolicy.safeParse({ minimumOptions: 2, margn: 0.15 }).success; // => false
 * ```
 */
export const RecommendationPolicy = z.strictObject({
  minimumOptions: z.number().int().min(1).max(20).optional(),
  preferredOptions: z.number().int().min(1).max(20).optional(),
  margin: z.number().min(0).max(1).optional(),
  /** Where the policy comes from, as a referral assessment cites it. */
  source: z.string().max(2_000).optional(),
});
/** How many options to recommend for one ranking. */
export type RecommendationPolicy = z.infer<typeof RecommendationPolicy>;

/**
 * Options of one ranking: when it happens (`now`, and the IANA `timeZone`
 * whose calendar day an instant falls on; without it, an instant falls on
 * its date at its own offset), how many options to return, and optionally
 * how many to recommend (see {@link RecommendationPolicy}). The day of `now`
 * is the start date when the criteria give none.
 *
 * @example
 * ```ts
 * import { RankOptions } from "referwell/match";
 *
 * RankOptions.parse({ now: "2026-11-23T09:00:00-08:00" }).limit; // => 10
 * RankOptions.safeParse({ now: "2026-11-23T22:00:00Z", timeZone: "Australia/Sydney" }).success; // => true
 * ```
 */
export const RankOptions = z.strictObject({
  ...NowOptions.shape,
  limit: z.number().int().min(1).max(10_000).default(10),
  recommendation: RecommendationPolicy.optional(),
});
/** Options of one ranking. */
export type RankOptions = z.infer<typeof RankOptions>;
/** {@link RankOptions} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type RankOptionsInput = z.input<typeof RankOptions>;

/**
 * An intake referral to assign: its criteria or client (exactly one) and its
 * priority. Without `priority`, urgency (the more urgent of the referral's
 * and the criteria's) and severity set it: routine 1, soon 2, urgent 4,
 * times 1.5 for a severe or complex presentation.
 *
 * @example
 * ```ts
 * import { Referral } from "referwell/match";
 *
 * Referral.parse({ id: "r1", criteria: { location: { jurisdiction: "US-OR" } }, urgency: "urgent" }).urgency; // => "urgent"
 * Referral.safeParse({ id: "r1", criteria: { location: { jurisdiction: "US-OR" } }, priority: 0 }).success; // => false
 * ```
 */
export const Referral = z
  .strictObject({
    id: Id,
    criteria: MatchCriteria.optional(),
    client: Client.optional(),
    urgency: Urgency.optional(),
    priority: z.number().min(0.01).max(1_000).optional(),
  })
  .refine((referral) => (referral.criteria === undefined) !== (referral.client === undefined), {
    error: "exactly-one-required",
    path: ["criteria"],
  });
/** An intake referral to assign. */
export type Referral = z.infer<typeof Referral>;
/** {@link Referral} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type ReferralInput = z.input<typeof Referral>;

/**
 * Changes to a matcher's directory (see `Matcher.update`): clinicians to add
 * or replace, whole records by id, and ids to remove. A clinician's capacity,
 * acceptance, availability, panels or anything else changes by passing the
 * record as it now is. An id may appear once across both lists; removing an
 * id the matcher does not hold changes nothing.
 *
 * @example
 * ```ts
 * import { MatcherChanges } from "referwell/match";
 *
 * MatcherChanges.parse({ remove: ["clin-ana"] }).upsert; // => []
 * MatcherChanges.safeParse({ remove: ["clin-ana", "clin-ana"] }).success; // => false
 * ```
 */
export const MatcherChanges = z
  .strictObject({
    upsert: z.array(Clinician).max(1_000_000).default(emptyList),
    remove: z.array(Id).max(1_000_000).default(emptyList),
  })
  .superRefine((changes, ctx) => {
    const seen = new Set<string>();
    const once = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: "custom", message: "duplicate-id", path });
      seen.add(id);
    };
    changes.upsert.forEach((clinician, index) => once(clinician.id, ["upsert", index, "id"]));
    changes.remove.forEach((id, index) => once(id, ["remove", index]));
  });
/** Changes to a matcher's directory. */
export type MatcherChanges = z.infer<typeof MatcherChanges>;
/** {@link MatcherChanges} as a caller writes it, before defaults are filled in: what `Matcher.update` accepts. */
export type MatcherChangesInput = z.input<typeof MatcherChanges>;
