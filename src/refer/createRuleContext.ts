import { isVocabulary } from "../model/internal/isVocabulary.js";
import { sharedVocabulary } from "../model/internal/sharedVocabulary.js";
import { dayOf } from "../model/internal/dayOf.js";
import * as z from "zod";
import { emptyList } from "../model/internal/emptyList.js";
import { buildRuleContext } from "./internal/buildRuleContext.js";
import { copyJson } from "../model/internal/copyJson.js";
import {
  type Client,
  type Clinician,
  type Compact,
  type IsoDate,
  type Money,
  NowOptions,
  type PayerRef,
  type Urgency,
  validate,
  type Vocabulary,
} from "../model/index.js";
import { mergeInstruments } from "./internal/mergeInstruments.js";
import type { RiskFlag } from "./safetySchemas.js";
import type { Alternative, PairedProgress, ProgressSummary, Safety, Score } from "./results.js";
import { type Disagreement, Instrument, type Measurement, ReferralCase, ReferralPolicy, type SessionRecord } from "./schemas.js";
import type { InstrumentInput, ReferralCaseInput, ReferralPolicyInput } from "./schemas.js";

/** How the client's in-network cover with the clinician ends: the first day out of network, and what ended. */
export interface NetworkLoss {
  /** The first day without in-network cover. */
  readonly date: IsoDate;
  /** Payers in network the day before whose coverage of the client ended. */
  readonly coverageEnded: readonly PayerRef[];
  /** Payers in network the day before whose panel the clinician left, while the client kept the coverage. */
  readonly panelEnded: readonly PayerRef[];
  /** The client's coverage in force on that day, if any. */
  readonly coverageAfter: readonly PayerRef[];
  /**
   * Coverage of that day with no plan id that a panel of the clinician's
   * limited to some plans of the same payer might cover: benefits must be
   * verified, and until then it counts as out of network (fails closed, as
   * in `referwell/match`).
   */
  readonly verifyBenefits: readonly PayerRef[];
  /**
   * How urgent the loss is: a coming one as {@link RuleContext.urgencyOf}
   * says; one already past is `urgent` for `soonWithinDays` (45) days after
   * it (sessions are going uncovered now), then `soon` (the client has been
   * managing; the referral is still owed).
   */
  readonly urgency: Urgency;
}

/** A gap in in-network cover: lost, and back within the look-ahead. */
export interface NetworkGap extends NetworkLoss {
  /** The first day in network again (the gap's last day is the day before). */
  readonly resumes: IsoDate;
}

/**
 * Everything a referral rule reads: the validated case, the policy with its
 * defaults, the instruments, and the facts derived from them, computed once
 * when the context is built (measured progress, the loss of in-network
 * cover) or on request (cover on a given day). Lists are sorted, so a rule
 * that reads them in order gives the same result whatever order the input
 * listed them in. The context is shared by every rule of an assessment,
 * so a rule must treat it as read-only.
 */
export interface RuleContext {
  /** The day of the assessment. */
  readonly now: IsoDate;
  /** The last day dated changes are looked for: `now` plus the policy's `lookAheadDays` (for `assessPanelExit`, at least to the exit). */
  readonly horizon: IsoDate;
  /** The client. */
  readonly client: Client;
  /** The treating clinician. */
  readonly clinician: Clinician;
  /** When the episode of care started, when known. */
  readonly episodeStart?: IsoDate | undefined;
  /** Measurements, sorted by instrument, date and score. */
  readonly measurements: readonly Measurement[];
  /** Sessions dated within the episode and up to `now`, in date order. */
  readonly sessions: readonly SessionRecord[];
  /** Unresolved disagreements recorded within the episode and up to `now`, in date order. */
  readonly disagreements: readonly Disagreement[];
  /** The day the client reported they can no longer afford the fee, when within the episode and on or before `now`. */
  readonly hardshipReported?: IsoDate | undefined;
  /** The compacts licensure is checked against. */
  readonly compacts: readonly Compact[];
  /** Risk ratings by clinicians and screens, sorted by date, source and rating. */
  readonly risk: readonly RiskFlag[];
  /**
   * The safety signals of the case, read before any rule runs: the level,
   * its evidence, the actions for it and what could not be seen. A rule
   * may read it; it cannot lower it.
   */
  readonly safety: Omit<Safety, "holdsHandOff">;
  /** The policy, with every default filled in. */
  readonly policy: ReferralPolicy;
  /** The built-in instruments and the host's, sorted by id; the host's win on equal ids. */
  readonly instruments: readonly Instrument[];
  /** The vocabulary tags are compared with. */
  readonly vocabulary: Vocabulary;
  /** The instrument with this id, if known. */
  instrument(id: string): Instrument | undefined;
  /** The scores of one instrument within the episode and up to `now`, sorted by date and score. */
  series(instrumentId: string): readonly Score[];
  /** Measured progress on every outcome instrument scored on at least two days, by instrument id. */
  readonly progress: readonly ProgressSummary[];
  /** The depression and anxiety measures read together (`policy.progress.paired`), when both were measured. */
  readonly pairedProgress?: PairedProgress | undefined;
  /** Whether the clinician treats this problem area (compared on vocabulary codes). */
  treats(problemArea: string): boolean;
  /** Whether the clinician offers this modality (compared on vocabulary codes). */
  offers(modality: string): boolean;
  /** The client's coverage that is in network with the clinician on a day, sorted. */
  inNetworkOn(date: IsoDate): PayerRef[];
  /** The client's coverage in network with the clinician today: `inNetworkOn(now)`. */
  readonly inNetworkToday: readonly PayerRef[];
  /**
   * The loss of in-network cover that matters now, if any: while covered
   * today, the first loss up to the horizon; while not, the last loss since
   * the episode started (or, without an episode start, within the last
   * `lookAheadDays` days: the look-ahead, mirrored). Cover that comes back
   * by the horizon is a gap ({@link RuleContext.networkGap}), not a loss.
   */
  readonly networkLoss?: NetworkLoss | undefined;
  /**
   * A gap in in-network cover that matters now, if any: the current one
   * (cover lost and back by the horizon), or while covered today the first
   * coming one up to the horizon. A gap is no reason to refer: bridge it.
   */
  readonly networkGap?: NetworkGap | undefined;
  /** The urgency of a change dated `date`: past or within `urgentWithinDays` is urgent, within `soonWithinDays` soon. */
  urgencyOf(date: IsoDate): Urgency;
  /**
   * What the policy and the payer rules let the client do instead of
   * leaving, paying themselves or through these payers, from `on` (today by
   * default) to `until` (by default the policy's `lookAheadDays` after `on`,
   * as the built-in rules judge the ways after a loss; one before `on` is
   * `on`). Only the client's coverage of these payers in
   * force on `on` counts: coverage of them that has ended or not yet begun
   * offers no superbill or out-of-network billing. The programme is the
   * strictest over those days: coverage the client holds on any of them
   * that bars ordinary self-pay bars it for all (Medicaid from next week
   * bars self-pay today). No superbill or ordinary self-pay for a Medicare
   * or Medicaid beneficiary, a private contract only while the clinician's
   * Medicare opt-out is in force on every day, nothing for a programme the
   * coverage does not state unless `policy.billing.unknownProgram` is
   * `offer`. Judging the whole look-ahead by default is referwell's own
   * cautious choice, the window the assessment's criteria read too; pass
   * `until` for other days.
   */
  paymentAlternatives(payers: readonly PayerRef[], on?: IsoDate, until?: IsoDate): Alternative[];
  /** A date in words for a client: `15 December 2026`. */
  describeDate(date: IsoDate): string;
  /** An amount for people: `150.00 USD`. */
  describeMoney(amount: Money): string;
}

/** The options a rule context is built with. */
export interface RuleContextOptions {
  /** When the assessment happens: an instant with its offset, or a calendar date (see `Now`); the context's `now` is the day it falls on. */
  readonly now: string;
  /**
   * The IANA time zone whose calendar day an instant `now` falls on
   * (`2026-11-23T22:00:00Z` is the 24th in `Australia/Sydney`). Without it,
   * an instant falls on its date at its own offset; a date is that day
   * either way.
   */
  readonly timeZone?: string;
  /** The practice's referral policy; defaults fill what it leaves out. */
  readonly policy?: ReferralPolicyInput;
  /** The host's instruments, added to the built-in ones (an equal id replaces one). */
  readonly instruments?: readonly InstrumentInput[];
  /** A compiled vocabulary; without one, the default, compiled once and shared (frozen) by every call. */
  readonly vocabulary?: Vocabulary;
}

const ContextOptions = z.strictObject({
  ...NowOptions.shape,
  policy: ReferralPolicy.prefault({}),
  instruments: z.array(Instrument).max(100).default(emptyList),
  vocabulary: z.custom<Vocabulary>(isVocabulary).optional(),
});

/** The options without a policy or instruments, the usual call: the defaults are parsed once, not per case. */
const ContextOptionsWithDefaults = z.strictObject({
  ...NowOptions.shape,
  vocabulary: z.custom<Vocabulary>(isVocabulary).optional(),
});
const DEFAULT_POLICY = ReferralPolicy.parse({});

/** The usual options: `now`, `timeZone` and `vocabulary`, each read once. */
interface UsualOptions {
  readonly now: unknown;
  readonly timeZone: unknown;
  readonly vocabulary: unknown;
}

/** The last usual options read, and their day: a host assessing many cases passes equal ones each time. */
let lastRead: (UsualOptions & { readonly day: IsoDate }) | undefined;

/** Whether the options read are the last ones read: equal primitives, the same vocabulary, still a vocabulary. */
function sameAsLastRead(read: UsualOptions): boolean {
  if (lastRead === undefined || read.now !== lastRead.now || read.timeZone !== lastRead.timeZone) return false;
  // A host's vocabulary object may have changed since: it is checked again on every call.
  return read.vocabulary === lastRead.vocabulary && (read.vocabulary === undefined || isVocabulary(read.vocabulary));
}

/** Whether the options hold no key but the usual ones. */
function onlyUsualKeys(options: object): boolean {
  for (const key in options) if (key !== "now" && key !== "timeZone" && key !== "vocabulary") return false;
  return true;
}

/** The options read, with `now` as the calendar day it falls on. */
function contextOptions(options: RuleContextOptions): Omit<z.output<typeof ContextOptions>, "now" | "timeZone"> & { now: IsoDate } {
  const plain = typeof options === "object" && options !== null && !Array.isArray(options);
  if (!plain || "policy" in options || "instruments" in options) {
    const { now, timeZone, ...read } = validate(ContextOptions, options, "options");
    return { ...read, now: dayOf(now, timeZone) };
  }
  // A copy per call: parts of the policy reach the assessment, which is the caller's to change.
  const defaults = () => ({ policy: copyJson(DEFAULT_POLICY), instruments: [] });
  if (!onlyUsualKeys(options)) {
    const { now, timeZone, vocabulary } = validate(ContextOptionsWithDefaults, options, "options");
    return { now: dayOf(now, timeZone), vocabulary, ...defaults() };
  }
  // Each read once, so a getter answers once per call; equal values read the same way, so the last reading stands.
  const { now, timeZone, vocabulary } = options as Partial<UsualOptions>;
  const read: UsualOptions = { now, timeZone, vocabulary };
  let day = lastRead?.day;
  if (day === undefined || !sameAsLastRead(read)) {
    const valid = validate(ContextOptionsWithDefaults, read, "options");
    day = dayOf(valid.now, valid.timeZone);
    lastRead = { ...read, day };
  }
  return { now: day, vocabulary: vocabulary as Vocabulary | undefined, ...defaults() };
}

/**
 * Validates a case and the options, and builds the context every referral
 * rule reads. `assessReferral` does this for each call; use it directly to
 * test a rule of your own, or to read the derived facts the built-in rules
 * use.
 *
 * @param input - the case, usually parsed JSON (see {@link ReferralCase})
 * @param options - `now` and `timeZone` (an instant falls on its date in `timeZone` when given, else at its own offset), and optionally `policy`, `instruments` and `vocabulary`
 * @throws {@link InvalidInputError} when the case or the options break a
 * rule, or a score lies outside its instrument's range
 *
 * @example
 * ```ts
 * import { createRuleContext } from "referwell/refer";
 *
 * const context = createRuleContext(
 *   {
 *     client: {
 *       id: "cl-02",
 *       ageGroup: "adult",
 *       residence: { jurisdiction: "US-OR" },
 *       coverage: [
 *         { payerId: "regence", period: { start: "2023-01-01", end: "2026-10-31" } },
 *         { payerId: "cigna", period: { start: "2026-11-01" } },
 *       ],
 *       needs: { problemAreas: ["trauma"] },
 *     },
 *     clinician: {
 *       id: "clin-ben",
 *       name: "Ben Okafor",
 *       discipline: "clinical social worker",
 *       licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *       problemAreas: ["trauma"],
 *       populations: ["adults"],
 *       languages: ["en"],
 *       insurancePanels: [{ payerId: "regence", period: { start: "2019-05-01" } }],
 *       fee: { currency: "USD", minorUnits: 15000 },
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *     },
 *     episode: { start: "2025-11-04" },
 *   },
 *   { now: "2026-11-23" },
 * );
 * context.inNetworkOn("2026-10-31"); // => [{ payerId: "regence" }]
 * context.inNetworkOn("2026-11-23"); // => []
 * context.networkLoss;
 * // => { date: "2026-11-01", coverageEnded: [{ payerId: "regence" }], panelEnded: [], coverageAfter: [{ payerId: "cigna" }], verifyBenefits: [], urgency: "urgent" }
 * context.treats("Trauma"); // => true
 * context.describeDate("2026-12-15"); // => "15 December 2026"
 * ```
 */
export function createRuleContext(input: ReferralCaseInput, options: RuleContextOptions): RuleContext {
  const { now, policy, instruments: added, vocabulary } = contextOptions(options);
  const parsed = validate(ReferralCase, input, "case");
  return buildRuleContext(parsed, { now, policy, instruments: mergeInstruments(added), vocabulary: vocabulary ?? sharedVocabulary() });
}
