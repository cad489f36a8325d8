/**
 * What deciding to refer reads: the case of one client with their treating
 * clinician, the outcome and alliance measurements, the instruments that
 * give those measurements meaning, and the practice's referral policy.
 *
 * @module
 */
import * as z from "zod";
import { emptyList } from "../model/internal/emptyList.js";
import { Client, Clinician, Compact, Id, IsoDate } from "../model/index.js";
import { repeatedIndexes } from "../model/internal/repeatedIndexes.js";
import { reportDuplicateIds } from "../model/internal/reportDuplicateIds.js";
import { checkRiskItems } from "./internal/checkRiskItems.js";
import { InstrumentItems, RiskFlag, RiskItem, SafetyPolicy } from "./safetySchemas.js";
import { pairKey } from "../model/internal/pairKey.js";

const byId = (item: { id: string }): string => item.id;

/**
 * How a score changes reliably. `threshold`: a change of at least this many
 * points is reliable, as services such as NHS Talking Therapies publish it.
 * `jacobson-truax`: the reliable change index of Jacobson & Truax (1991),
 * RC = (post − pre) / (SD · √2 · √(1 − r)), reliable when |RC| > 1.96, from
 * the standard deviation of a reference sample and the test–retest or
 * internal-consistency reliability.
 *
 * @example
 * ```ts
 * import { ReliableChangeMethod } from "referwell/refer";
 *
 * ReliableChangeMethod.parse({ method: "jacobson-truax", sd: 7.2, reliability: 0.88 }).method; // => "jacobson-truax"
 * ReliableChangeMethod.safeParse({ method: "jacobson-truax", sd: 7.2, reliability: 1 }).success; // => false
 * ```
 */
export const ReliableChangeMethod = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("threshold"), threshold: z.number().positive().max(1e9) }),
  z.strictObject({
    method: z.literal("jacobson-truax"),
    sd: z.number().positive().max(1e9),
    reliability: z.number().gt(0).lt(1),
  }),
]);
/** How a score changes reliably: a fixed threshold, or Jacobson–Truax parameters. */
export type ReliableChangeMethod = z.infer<typeof ReliableChangeMethod>;

/**
 * A measurement instrument as data: what it measures, which way is better,
 * its score range, how a change counts as reliable, the cutoff that
 * separates the clinical (or concern) range, and where those numbers come
 * from. The cutoff belongs to the upper side: for a lower-is-better scale a
 * score at or above it is clinical (PHQ-9 ≥ 10); for a higher-is-better
 * scale a score below it is (SRS < 36). Outcome instruments need a
 * reliable-change method. `severe` is where the severe range starts, on
 * the same side as the cutoff (PHQ-9 ≥ 20). `items` describes the item scores a measurement
 * may carry, and `riskItems` the items that ask about risk, which the
 * safety check reads (see {@link RiskItem}).
 *
 * @example
 * ```ts
 * import { Instrument } from "referwell/refer";
 *
 * const core10 = Instrument.parse({
 *   id: "CORE-10",
 *   name: "CORE-10",
 *   measures: "outcome",
 *   direction: "lower-is-better",
 *   range: { min: 0, max: 40 },
 *   reliableChange: { method: "jacobson-truax", sd: 7.7, reliability: 0.9 },
 *   cutoff: 11,
 *   items: { count: 10, min: 0, max: 4 },
 *   riskItems: [{ item: 6, from: { "urgent-review": 1, crisis: 3 } }],
 *   source: "Barkham et al. 2013, Counselling and Psychotherapy Research 13(1):3–13 (cut-off, α); Connell & Barkham 2007 (SD)",
 * });
 * core10.measures; // => "outcome"
 * Instrument.safeParse({ ...core10, reliableChange: undefined }).success; // => false
 * ```
 */
export const Instrument = z
  .strictObject({
    id: Id,
    name: z.string().min(1).max(200),
    measures: z.enum(["outcome", "alliance"]),
    direction: z.enum(["lower-is-better", "higher-is-better"]),
    range: z.strictObject({ min: z.number(), max: z.number() }),
    reliableChange: ReliableChangeMethod.optional(),
    cutoff: z.number().optional(),
    severe: z.number().optional(),
    source: z.string().min(1).max(1000),
    items: InstrumentItems.optional(),
    riskItems: z.array(RiskItem).max(20).default(emptyList),
  })
  .superRefine((instrument, ctx) => {
    checkRiskItems(instrument, ctx);
    if (instrument.range.min >= instrument.range.max) {
      ctx.addIssue({ code: "custom", message: "min-above-max", path: ["range", "min"] });
    }
    if (instrument.measures === "outcome" && instrument.reliableChange === undefined) {
      ctx.addIssue({ code: "custom", message: "required", path: ["reliableChange"] });
    }
  });
/** A measurement instrument as data. */
export type Instrument = z.infer<typeof Instrument>;
/** {@link Instrument} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type InstrumentInput = z.input<typeof Instrument>;

/**
 * One score of one instrument on one day, and optionally its item scores
 * in the instrument's order (`items`: as many as the instrument has, each in
 * its range, summing to the score when the total is a sum), which the
 * safety check reads for risk items. Extra keys (a client id, a session id)
 * are accepted and dropped, so a host's own records pass as they are.
 *
 * @example
 * ```ts
 * import { Measurement } from "referwell/refer";
 *
 * Measurement.parse({ clientId: "cl-01", instrument: "PHQ-9", date: "2026-10-20", score: 16 });
 * // => { instrument: "PHQ-9", date: "2026-10-20", score: 16 }
 * ```
 */
export const Measurement = z.object({
  instrument: Id,
  date: IsoDate,
  score: z.number(),
  items: z.array(z.number()).max(200).optional(),
});
/** One score of one instrument on one day. */
export type Measurement = z.infer<typeof Measurement>;

/**
 * A session as the alliance trigger reads it: its date, and whether the
 * clinician recorded leaving it emotionally exhausted (seed 002: the sign
 * of a personality clash). Never the content of the session.
 *
 * @example
 * ```ts
 * import { SessionRecord } from "referwell/refer";
 *
 * SessionRecord.parse({ date: "2026-11-17" }).clinicianExhausted; // => false
 * ```
 */
export const SessionRecord = z.strictObject({
  date: IsoDate,
  clinicianExhausted: z.boolean().default(false),
});
/** A session: its date and whether the clinician left it exhausted. */
export type SessionRecord = z.infer<typeof SessionRecord>;

/**
 * A disagreement about the course of treatment that the clinician recorded
 * (seed 002), by what it is about; resolved ones no longer count. Never the
 * words of either side.
 *
 * @example
 * ```ts
 * import { Disagreement } from "referwell/refer";
 *
 * Disagreement.parse({ recorded: "2026-11-10", about: "goals" }).resolved; // => false
 * ```
 */
export const Disagreement = z.strictObject({
  recorded: IsoDate,
  about: z.enum(["modality", "goals", "pace", "format", "other"]),
  resolved: z.boolean().default(false),
});
/** A recorded disagreement about the course of treatment. */
export type Disagreement = z.infer<typeof Disagreement>;

/**
 * One client in care with one clinician: everything the built-in triggers
 * read. `episode.start` bounds what counts (measurements, sessions,
 * disagreements, reported hardship, losses of in-network cover);
 * `hardship.reported` is the day the client said they can no longer afford
 * the fee; `compacts` are the interstate compacts licensure is checked
 * against when the client moves.
 *
 * @example
 * ```ts
 * import { ReferralCase } from "referwell/refer";
 *
 * const input = ReferralCase.parse({
 *   client: { id: "cl-05", ageGroup: "adult", residence: { jurisdiction: "US-OR" }, needs: { problemAreas: ["relationship issues"] } },
 *   clinician: {
 *     id: "clin-chloe",
 *     name: "Chloe Martin",
 *     discipline: "marriage and family therapist",
 *     licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *     populations: ["couples"],
 *     languages: ["en"],
 *     availability: { timeZone: "America/Los_Angeles", slots: [] },
 *     acceptingNewClients: true,
 *     capacity: { caseloadMax: 20, caseloadCurrent: 18, weeklyNewClientLimit: 1 },
 *   },
 *   episode: { start: "2026-11-03" },
 * });
 * input.measurements; // => []
 * ```
 */
export const ReferralCase = z.strictObject({
  client: Client,
  clinician: Clinician,
  episode: z.strictObject({ start: IsoDate }).optional(),
  measurements: z.array(Measurement).max(10_000).default(emptyList),
  sessions: z.array(SessionRecord).max(10_000).default(emptyList),
  disagreements: z.array(Disagreement).max(1_000).default(emptyList),
  hardship: z.strictObject({ reported: IsoDate }).optional(),
  compacts: z.array(Compact).max(1_000).default(emptyList),
  risk: z.array(RiskFlag).max(1_000).default(emptyList),
});
/** One client in care with one clinician, as the triggers read it. */
export type ReferralCase = z.infer<typeof ReferralCase>;
/** {@link ReferralCase} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type ReferralCaseInput = z.input<typeof ReferralCase>;

/**
 * A practice's referral policy; every field has a default.
 *
 * - `lookAheadDays` (120): how far ahead dated changes (a move, a coverage
 *   change, leaving a panel) become findings now.
 * - `awayPauseDays` (28): the longest stay elsewhere (`client.stays`),
 *   where the clinician may not practise, that sessions pause through
 *   rather than the client being referred for care there, counted from the
 *   first day the clinician cannot practise there to the day the client is
 *   back where they lived (after any stays elsewhere it runs on to); a stay
 *   is paused through only when that day is by the day after the
 *   look-ahead, the clinician may practise there then, and no safety signal
 *   is open.
 * - `urgentWithinDays` (14) and `soonWithinDays` (45): a dated change this
 *   close, or already past, is `urgent`, then `soon`; later ones `routine`.
 * - `scope` (`primary`): whether only the primary need, or every need,
 *   must be within the clinician's scope.
 * - `progress.minimumSessions` (6) and `progress.minimumWeeks` (8): when no
 *   reliable improvement becomes a finding (whichever comes first).
 * - `progress.deterioration` (`from-baseline`): a reliable worsening from
 *   the first score to the latest, as NHS Talking Therapies measures it;
 *   `from-best` also counts one since the best score of the series (a
 *   relapse), which a noisy series sets off more often.
 * - `progress.paired` (`PHQ-9` and `GAD-7`): the depression and anxiety
 *   measures read together as NHS Talking Therapies does; name an
 *   anxiety-disorder-specific measure you registered to replace GAD-7.
 * - `alliance.lowScoresInARow` (3) and `alliance.exhaustedSessionsInARow`
 *   (3): how many latest alliance scores, or sessions the clinician left
 *   exhausted, make a clash.
 * - `billing`: which payment alternatives the practice offers: self-pay
 *   (on), superbill (on), out-of-network billing (off) and its own sliding
 *   scale (off: seed 002 prefers referring to cutting the rate).
 *   `unknownProgram` (`withhold`): whether a client whose coverage does not
 *   say its programme (`Coverage.program`) is offered self-pay, a sliding
 *   scale, a superbill or out-of-network billing, or, beside Medicare, a
 *   Medicare private contract. Withheld by default, since a Medicare or
 *   Medicaid beneficiary may not be offered them (and the unknown cover of
 *   a Medicare client may be Medicaid); the trigger
 *   then stays a referral and asks for `client.coverage.program`, and the
 *   assessment's criteria carry no self-pay ceiling while such a coverage
 *   is in force between their start date and the end of the look-ahead
 *   (its length counted from today and from each finding's `careFrom`).
 * - `safety`: the safety policy (see {@link SafetyPolicy}): needs that are
 *   a risk, the host's emergency numbers, and whether a clinician's rating
 *   answers an earlier screen.
 * - `options`: how many options to offer, in the matcher's own terms so a
 *   host passes them to it as they are: at least `minimumOptions` (2),
 *   `preferredOptions` (3) when available, and only one when the best
 *   option's match score leads the next by at least `margin` (0.1), an
 *   absolute lead on the matcher's 0–1 scale.
 *
 * These defaults are referwell's, chosen to be conservative; they are not a
 * clinical standard. Set them to your service's own review points.
 *
 * @example
 * ```ts
 * import { ReferralPolicy } from "referwell/refer";
 *
 * const policy = ReferralPolicy.parse({ billing: { slidingScale: true } });
 * policy.billing; // => { selfPay: true, superbill: true, outOfNetwork: false, slidingScale: true, unknownProgram: "withhold" }
 * policy.options; // => { minimumOptions: 2, preferredOptions: 3, margin: 0.1 }
 * ReferralPolicy.safeParse({ options: { minimumOptions: 4, preferredOptions: 3 } }).success; // => false
 * ```
 */
export const ReferralPolicy = z
  .strictObject({
    lookAheadDays: z.number().int().min(0).max(3_650).default(120),
    awayPauseDays: z.number().int().min(0).max(3_650).default(28),
    urgentWithinDays: z.number().int().min(0).max(3_650).default(14),
    soonWithinDays: z.number().int().min(0).max(3_650).default(45),
    scope: z.enum(["primary", "all"]).default("primary"),
    progress: z
      .strictObject({
        minimumSessions: z.number().int().min(2).max(1_000).default(6),
        minimumWeeks: z.number().int().min(1).max(520).default(8),
        deterioration: z.enum(["from-baseline", "from-best"]).default("from-baseline"),
        paired: z.strictObject({ depression: Id.default("PHQ-9"), anxiety: Id.default("GAD-7") }).prefault({}),
      })
      .prefault({}),
    alliance: z
      .strictObject({
        lowScoresInARow: z.number().int().min(1).max(100).default(3),
        exhaustedSessionsInARow: z.number().int().min(1).max(100).default(3),
      })
      .prefault({}),
    billing: z
      .strictObject({
        selfPay: z.boolean().default(true),
        superbill: z.boolean().default(true),
        outOfNetwork: z.boolean().default(false),
        slidingScale: z.boolean().default(false),
        unknownProgram: z.enum(["withhold", "offer"]).default("withhold"),
      })
      .prefault({}),
    options: z
      .strictObject({
        minimumOptions: z.number().int().min(1).max(20).default(2),
        preferredOptions: z.number().int().min(1).max(20).default(3),
        margin: z.number().min(0).max(1).default(0.1),
      })
      .prefault({}),
    safety: SafetyPolicy.prefault({}),
  })
  .superRefine((policy, ctx) => {
    if (policy.urgentWithinDays > policy.soonWithinDays) {
      ctx.addIssue({ code: "custom", message: "min-above-max", path: ["urgentWithinDays"] });
    }
    if (policy.options.minimumOptions > policy.options.preferredOptions) {
      ctx.addIssue({ code: "custom", message: "min-above-max", path: ["options", "minimumOptions"] });
    }
  });
/** A practice's referral policy, with its defaults filled in. */
export type ReferralPolicy = z.infer<typeof ReferralPolicy>;
/** {@link ReferralPolicy} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type ReferralPolicyInput = z.input<typeof ReferralPolicy>;

/**
 * A clinician or a whole practice leaving payer panels on a date (the first
 * day out of network), with the clients in care it affects. Without
 * `payerIds` every panel ends: the practice is going self-pay. Episodes
 * pair each client with the clinician who sees them, once per pair.
 *
 * @example
 * ```ts
 * import { PanelExit } from "referwell/refer";
 *
 * const exit = PanelExit.safeParse({ date: "2027-01-01", clinicians: [], clients: [], episodes: [] });
 * exit.success; // => false
 * ```
 */
export const PanelExit = z
  .strictObject({
    date: IsoDate,
    practiceId: Id.optional(),
    clinicianIds: z.array(Id).max(10_000).default(emptyList),
    payerIds: z.array(Id).min(1).max(500).optional(),
    clinicians: z.array(Clinician).max(100_000),
    clients: z.array(Client).max(1_000_000),
    episodes: z.array(z.strictObject({ clientId: Id, clinicianId: Id, start: IsoDate.optional() })).max(1_000_000),
  })
  .superRefine((exit, ctx) => {
    if (exit.practiceId === undefined && exit.clinicianIds.length === 0) {
      ctx.addIssue({ code: "custom", message: "required", path: ["clinicianIds"] });
    }
    const clinicians = reportDuplicateIds(ctx, exit.clinicians, byId, ["clinicians"]);
    const clients = reportDuplicateIds(ctx, exit.clients, byId, ["clients"]);
    const repeated = new Set(repeatedIndexes(exit.episodes, (episode) => pairKey(episode.clientId, episode.clinicianId)));
    exit.episodes.forEach((episode, index) => {
      if (repeated.has(index)) ctx.addIssue({ code: "custom", message: "duplicate-id", path: ["episodes", index, "clientId"] });
      if (!clients.has(episode.clientId)) {
        ctx.addIssue({ code: "custom", message: "unknown-reference", path: ["episodes", index, "clientId"] });
      }
      if (!clinicians.has(episode.clinicianId)) {
        ctx.addIssue({ code: "custom", message: "unknown-reference", path: ["episodes", index, "clinicianId"] });
      }
    });
  });
/** A clinician or practice leaving payer panels on a date, with its clients in care. */
export type PanelExit = z.infer<typeof PanelExit>;
/** {@link PanelExit} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type PanelExitInput = z.input<typeof PanelExit>;
