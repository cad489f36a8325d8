import { addCalendarDays } from "../model/internal/addCalendarDays.js";
import { calendarDays } from "../model/internal/calendarDays.js";
import * as z from "zod";
import { type InputIssueDraft, InvalidInputError } from "../errors.js";
import {
  type Client,
  type Clinician,
  type Compact,
  coverageOn,
  createVocabulary,
  IsoDate,
  type Money,
  type PayerRef,
  periodContains,
  type Urgency,
  validate,
  type Vocabulary,
} from "../model/index.js";
import { builtInInstruments } from "./builtInInstruments.js";
import { scoresByDay } from "./internal/scoresByDay.js";
import { summarizeProgress } from "./internal/summarizeProgress.js";
import type { Alternative, ProgressSummary, Score } from "./results.js";
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
  /** The last day dated changes are looked for: `now` plus the policy's `lookAheadDays`. */
  readonly horizon: IsoDate;
  /** The client. */
  readonly client: Client;
  /** The treating clinician. */
  readonly clinician: Clinician;
  /** When the episode of care started, when known. */
  readonly episodeStart?: IsoDate;
  /** Measurements, sorted by instrument, date and score. */
  readonly measurements: readonly Measurement[];
  /** Sessions dated within the episode and up to `now`, in date order. */
  readonly sessions: readonly SessionRecord[];
  /** Unresolved disagreements recorded within the episode and up to `now`, in date order. */
  readonly disagreements: readonly Disagreement[];
  /** The day the client reported they can no longer afford the fee, when within the episode and on or before `now`. */
  readonly hardshipReported?: IsoDate;
  /** The compacts licensure is checked against. */
  readonly compacts: readonly Compact[];
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
  readonly networkLoss?: NetworkLoss;
  /**
   * A gap in in-network cover that matters now, if any: the current one
   * (cover lost and back by the horizon), or while covered today the first
   * coming one up to the horizon. A gap is no reason to refer: bridge it.
   */
  readonly networkGap?: NetworkGap;
  /** The urgency of a change dated `date`: past or within `urgentWithinDays` is urgent, within `soonWithinDays` soon. */
  urgencyOf(date: IsoDate): Urgency;
  /** What the policy lets the client do instead of leaving, paying themselves or through these payers. */
  paymentAlternatives(payers: readonly PayerRef[]): Alternative[];
  /** A date in words for a client: `15 December 2026`. */
  describeDate(date: IsoDate): string;
  /** An amount for people: `150.00 USD`. */
  describeMoney(amount: Money): string;
}

/** The options a rule context is built with. */
export interface RuleContextOptions {
  /** The day of the assessment, `YYYY-MM-DD`. */
  readonly now: string;
  /** The practice's referral policy; defaults fill what it leaves out. */
  readonly policy?: ReferralPolicyInput;
  /** The host's instruments, added to the built-in ones (an equal id replaces one). */
  readonly instruments?: readonly InstrumentInput[];
  /** A compiled vocabulary; without one, each call compiles the default (about half a millisecond). */
  readonly vocabulary?: Vocabulary;
}

const isVocabulary = (value: unknown): value is Vocabulary =>
  typeof value === "object" && value !== null && typeof (value as Vocabulary).canonical === "function";

const ContextOptions = z.strictObject({
  now: IsoDate,
  policy: ReferralPolicy.prefault({}),
  instruments: z.array(Instrument).max(100).default([]),
  vocabulary: z.custom<Vocabulary>(isVocabulary).optional(),
});

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** ISO 4217 currencies whose minor unit is not a hundredth. */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"].map((c) => [
      c,
      0,
    ]),
  ),
  ...Object.fromEntries(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"].map((c) => [c, 3])),
  ...Object.fromEntries(["CLF", "UYW"].map((c) => [c, 4])),
};

const shift = addCalendarDays;
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const payerRef = (coverage: { payerId: string; planId?: string | undefined }): PayerRef =>
  coverage.planId === undefined ? { payerId: coverage.payerId } : { payerId: coverage.payerId, planId: coverage.planId };
const comparePayers = (a: PayerRef, b: PayerRef): number =>
  compareText(a.payerId, b.payerId) || compareText(a.planId ?? "", b.planId ?? "");

function mergeInstruments(added: readonly Instrument[]): Instrument[] {
  const issues: InputIssueDraft[] = [];
  const byId = new Map(builtInInstruments.map((instrument) => [instrument.id, instrument]));
  const seen = new Set<string>();
  added.forEach((instrument, index) => {
    if (seen.has(instrument.id)) issues.push({ path: ["instruments", index, "id"], code: "duplicate-id" });
    seen.add(instrument.id);
    byId.set(instrument.id, instrument);
  });
  if (issues.length > 0) throw new InvalidInputError("options", issues);
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

function checkScoreRanges(measurements: readonly Measurement[], instruments: ReadonlyMap<string, Instrument>): void {
  const issues: InputIssueDraft[] = [];
  measurements.forEach((measurement, index) => {
    const range = instruments.get(measurement.instrument)?.range;
    if (range === undefined) return;
    if (measurement.score < range.min) issues.push({ path: ["measurements", index, "score"], code: "too-small" });
    if (measurement.score > range.max) issues.push({ path: ["measurements", index, "score"], code: "too-big" });
  });
  if (issues.length > 0) throw new InvalidInputError("case", issues);
}

/**
 * Validates a case and the options, and builds the context every referral
 * rule reads. `assessReferral` does this for each call; use it directly to
 * test a rule of your own, or to read the derived facts the built-in rules
 * use.
 *
 * @param input - the case, usually parsed JSON (see {@link ReferralCase})
 * @param options - `now`, and optionally `policy`, `instruments` and `vocabulary`
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
 * // => { date: "2026-11-01", coverageEnded: [{ payerId: "regence" }], panelEnded: [], coverageAfter: [{ payerId: "cigna" }], urgency: "urgent" }
 * context.treats("Trauma"); // => true
 * context.describeDate("2026-12-15"); // => "15 December 2026"
 * ```
 */
export function createRuleContext(input: ReferralCaseInput, options: RuleContextOptions): RuleContext {
  const { now, policy, instruments: added, vocabulary: given } = validate(ContextOptions, options, "options");
  const parsed = validate(ReferralCase, input, "case");
  const instruments = mergeInstruments(added);
  const instrumentById = new Map(instruments.map((instrument) => [instrument.id, instrument]));
  checkScoreRanges(parsed.measurements, instrumentById);

  const { client, clinician } = parsed;
  const episodeStart = parsed.episode?.start;
  const vocabulary = given ?? createVocabulary();
  const horizon = shift(now, policy.lookAheadDays);
  const inEpisode = (date: string): boolean => date <= now && (episodeStart === undefined || date >= episodeStart);

  const measurements = [...parsed.measurements].sort(
    (a, b) => compareText(a.instrument, b.instrument) || compareText(a.date, b.date) || a.score - b.score,
  );
  const sessions = parsed.sessions
    .filter((session) => inEpisode(session.date))
    .sort((a, b) => compareText(a.date, b.date) || Number(a.clinicianExhausted) - Number(b.clinicianExhausted));
  const disagreements = parsed.disagreements
    .filter((disagreement) => !disagreement.resolved && inEpisode(disagreement.recorded))
    .sort((a, b) => compareText(a.recorded, b.recorded) || compareText(a.about, b.about));
  const hardship = parsed.hardship?.reported;

  // The clinician's tags, as codes, once: every rule that compares tags reads these.
  const treated = new Set(clinician.problemAreas.map((tag) => vocabulary.canonical("problemAreas", tag)));
  const offered = new Set(clinician.modalities.map((tag) => vocabulary.canonical("modalities", tag)));

  const inNetworkOn = (date: string): PayerRef[] => {
    const out: PayerRef[] = [];
    for (const coverage of client.coverage) {
      if (!periodContains(coverage.period, date)) continue;
      const listed = clinician.insurancePanels.some(
        (panel) =>
          panel.payerId === coverage.payerId &&
          periodContains(panel.period, date) &&
          (panel.plans === undefined || (coverage.planId !== undefined && panel.plans.includes(coverage.planId))),
      );
      if (listed) out.push(payerRef(coverage));
    }
    return out.length > 1 ? out.sort(comparePayers) : out;
  };

  const inNetworkToday = inNetworkOn(now);

  const urgencyOf = (date: string): Urgency => {
    const days = calendarDays(now, date);
    return days <= policy.urgentWithinDays ? "urgent" : days <= policy.soonWithinDays ? "soon" : "routine";
  };

  // Where cover can change: the first day of each coverage period and panel, and the day after each ends.
  // Losses count from the day after the episode starts or, without a start, within the look-ahead mirrored backwards.
  const earliest = episodeStart === undefined ? shift(now, -policy.lookAheadDays) : shift(episodeStart, 1);
  const changes = [
    ...new Set(
      [...client.coverage, ...clinician.insurancePanels].flatMap(({ period }) =>
        period.end === undefined ? [period.start] : [period.start, shift(period.end, 1)],
      ),
    ),
  ].sort(compareText);
  const boundaries = changes.filter((date) => date >= earliest).map((date) => ({ date, before: shift(date, -1) }));

  const lossUrgency = (date: string): Urgency => {
    if (date > now) return urgencyOf(date);
    return calendarDays(date, now) <= policy.soonWithinDays ? "urgent" : "soon";
  };

  // The first day in network again after a loss on `date`, when it comes by the horizon.
  const resumption = (date: string): string | undefined =>
    changes.find((change) => change > date && change <= horizon && inNetworkOn(change).length > 0);

  const findNetworkChange = (): { loss?: NetworkLoss; gap?: NetworkGap } => {
    const coveredToday = inNetworkToday.length > 0;
    const candidates = boundaries.filter(({ date }) => (coveredToday ? date > now && date <= horizon : date <= now));
    // While not covered, only the latest loss says how the client stands now.
    if (!coveredToday) candidates.reverse();
    let gap: NetworkGap | undefined;
    for (const { date, before: dayBefore } of candidates) {
      const before = inNetworkOn(dayBefore);
      if (before.length === 0 || inNetworkOn(date).length > 0) continue;
      const after = coverageOn(client, date).map(payerRef).sort(comparePayers);
      const kept = (payer: PayerRef) => after.some((held) => comparePayers(held, payer) === 0);
      const loss: NetworkLoss = {
        date,
        coverageEnded: before.filter((payer) => !kept(payer)),
        panelEnded: before.filter(kept),
        coverageAfter: after,
        urgency: lossUrgency(date),
      };
      const resumes = resumption(date);
      if (resumes === undefined) return gap === undefined ? { loss } : { loss, gap };
      gap ??= { ...loss, resumes };
      if (!coveredToday) break;
    }
    return gap === undefined ? {} : { gap };
  };
  const describeMoney = (amount: Money): string => {
    const digits = MINOR_DIGITS[amount.currency] ?? 2;
    return `${(amount.minorUnits / 10 ** digits).toFixed(digits)} ${amount.currency}`;
  };

  const paymentAlternatives = (payers: readonly PayerRef[]): Alternative[] => {
    const { billing } = policy;
    const { fee, slidingScaleFloor: floor } = clinician;
    const most = client.maxSelfPay;
    const affordable = (amount: Money | undefined): boolean =>
      amount === undefined || most === undefined || (most.currency === amount.currency && most.minorUnits >= amount.minorUnits);
    const priced = (amount: Money | undefined) => (amount === undefined ? {} : { amount });
    const perSession = (amount: Money | undefined): string => (amount === undefined ? "" : ` at ${describeMoney(amount)} a session`);
    const out: Alternative[] = [];
    const payFee = affordable(fee);
    if (billing.selfPay && payFee) {
      out.push({
        kind: "self-pay",
        summary: `Continue as self-pay${perSession(fee)}.`,
        explanation: `You could keep seeing me and pay for sessions yourself${perSession(fee)}.`,
        ...priced(fee),
      });
    }
    if (billing.slidingScale && floor !== undefined && affordable(floor) && !(payFee && fee !== undefined && most !== undefined)) {
      out.push({
        kind: "sliding-scale",
        summary: `Continue on the practice's sliding scale, from ${describeMoney(floor)} a session.`,
        explanation: `I can offer you a reduced fee, from ${describeMoney(floor)} a session.`,
        amount: floor,
      });
    }
    if (payers.length > 0 && billing.superbill && payFee) {
      out.push({
        kind: "superbill",
        summary: `Continue as self-pay with a superbill the client submits to their insurer${perSession(fee)}.`,
        explanation: "You could pay for sessions yourself, and I would give you the paperwork to claim back what your insurance covers.",
        ...priced(fee),
      });
    }
    if (payers.length > 0 && billing.outOfNetwork) {
      out.push({
        kind: "out-of-network",
        summary: "Continue and bill the client's insurer out of network.",
        explanation: "I could bill your insurance even though I'm not in their network; they may pay part of the cost.",
      });
    }
    return out;
  };

  // Each instrument's scores within the episode and up to now, grouped once, in date and score order.
  const scoresBy = new Map<string, Score[]>();
  for (const measurement of measurements) {
    if (!inEpisode(measurement.date)) continue;
    const scores = scoresBy.get(measurement.instrument) ?? [];
    scores.push({ date: measurement.date, score: measurement.score });
    scoresBy.set(measurement.instrument, scores);
  }
  const series = (instrumentId: string): readonly Score[] => scoresBy.get(instrumentId) ?? [];

  // Sorted by date, so two days or more means the first and last dates differ.
  const progress = instruments.flatMap((instrument) => {
    const scores = scoresBy.get(instrument.id) ?? [];
    if (instrument.measures !== "outcome" || scores.length < 2 || scores[0]?.date === scores[scores.length - 1]?.date) return [];
    // Instruments and scores are validated above: the trusted core, not the checked public classifier.
    return [summarizeProgress(instrument, scoresByDay(scores))];
  });
  const { loss: networkLoss, gap: networkGap } = findNetworkChange();

  return {
    now,
    horizon,
    client,
    clinician,
    ...(episodeStart === undefined ? {} : { episodeStart }),
    measurements,
    sessions,
    disagreements,
    ...(hardship === undefined || !inEpisode(hardship) ? {} : { hardshipReported: hardship }),
    compacts: parsed.compacts,
    policy,
    instruments,
    vocabulary,
    instrument: (id) => instrumentById.get(id),
    series,
    progress,
    treats: (problemArea) => treated.has(vocabulary.canonical("problemAreas", problemArea)),
    offers: (modality) => offered.has(vocabulary.canonical("modalities", modality)),
    inNetworkOn,
    inNetworkToday,
    ...(networkLoss === undefined ? {} : { networkLoss }),
    ...(networkGap === undefined ? {} : { networkGap }),
    urgencyOf,
    paymentAlternatives,
    describeDate: (date) => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? ""} ${date.slice(0, 4)}`,
    describeMoney,
  };
}
