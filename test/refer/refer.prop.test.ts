import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { coverageOn, createVocabulary, MatchCriteria, Urgency } from "referwell";
import {
  assessPanelExit,
  assessReferral,
  builtInRules,
  classifyProgress,
  defineReferralRule,
  type Instrument,
  PanelExit,
  PanelExitResult,
  ReferralAssessment,
  ReferralCase,
  reliableChange,
} from "referwell/refer";
import { hostile, hostileJson, type Json, marker } from "../arbitraries/hostile.js";
import {
  criterionOf,
  date,
  instrument,
  instrumentWithScores,
  NOW,
  panelExit,
  referralCase,
  score,
  TREATING,
} from "../arbitraries/refer.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { referralCase as unitCase, weekly } from "./fixtures.js";
import { expectNoLeak, keysOf } from "../support/noLeak.js";
import { untyped } from "../support/untyped.js";

const vocabulary = createVocabulary();
const assess = (input: unknown, rules = builtInRules, unknownProgram: "withhold" | "offer" = "withhold") =>
  assessReferral(untyped(input), { now: NOW, vocabulary, rules, policy: { billing: { unknownProgram } } });
type Case = ReturnType<(typeof referralCase)["generate"]>["value"];

/** The look-ahead's last day under the default policy (120 days from today). */
const HORIZON = new Date(Date.parse(NOW) + 120 * 86_400_000).toISOString().slice(0, 10);
/** 120 days after a day: the default look-ahead's length. */
const lookAheadFrom = (day: string): string => new Date(Date.parse(day) + 120 * 86_400_000).toISOString().slice(0, 10);
/** The last day self-pay may be barred for: the look-ahead's end, counted from today and from each day a finding asks care from. */
const barredUntil = (findings: readonly { careFrom?: string | undefined }[]): string =>
  findings.reduce((top, finding) => {
    const until = lookAheadFrom(finding.careFrom ?? NOW);
    return until > top ? until : top;
  }, HORIZON);
/** Every day from `from` to `to`, both included. */
const daysFrom = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = Date.parse(from); day <= Date.parse(to); day += 86_400_000) days.push(new Date(day).toISOString().slice(0, 10));
  return days;
};

/**
 * Whether the criteria may ask for a finding's payer: the client holds it on `start` (a plan only one side names may be
 * the one held), or their records do not name it.
 */
const heldOn =
  (input: Case, start: string) =>
  (payer: { payerId: string; planId?: string | undefined }): boolean => {
    const coverage = (untyped(input.client) as { coverage: { payerId: string; planId?: string }[] }).coverage;
    const matches = (held: { payerId: string; planId?: string | undefined }) =>
      held.payerId === payer.payerId && (payer.planId === undefined || held.planId === undefined || held.planId === payer.planId);
    return coverageOn(untyped(input.client), start).some(matches) || !coverage.some((held) => held.payerId === payer.payerId);
  };

const permutation = <T>(items: readonly T[]): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

describe("the generators", () => {
  test.prop([referralCase])("generator validity: every generated case is a valid ReferralCase", (input) => {
    expect(ReferralCase.safeParse(input).success).toBe(true);
  });

  it("every trigger fires on some generated cases, so the laws below are not vacuous", () => {
    const found = new Set(fc.sample(referralCase, { numRuns: 600, seed: 3 }).flatMap((input) => assess(input).findings.map((f) => f.code)));
    expect([...found].sort()).toEqual(
      [
        "alliance",
        "cannot-afford",
        "deterioration",
        "impartiality",
        "insurance-changed",
        "leaving-panel",
        "moving",
        "no-progress",
        "outside-scope",
        "treatment-disagreement",
      ].sort(),
    );
  });
});

describe("the criteria", () => {
  test.prop([referralCase])("are exactly what parsing them gives: every field, defaults filled, in the schema's order", (input) => {
    // assessReferral builds them from validated parts without parsing them again.
    const { criteria } = assess(input);
    const reparsed = MatchCriteria.parse(JSON.parse(JSON.stringify(criteria)));
    expect(reparsed).toStrictEqual(criteria);
    expect(JSON.stringify(reparsed)).toBe(JSON.stringify(criteria));
  });
});

describe("determinism", () => {
  test.prop([
    referralCase.chain((input: Case) =>
      fc.tuple(
        fc.constant(input),
        permutation(builtInRules),
        fc.record({
          sessions: permutation(input.sessions),
          measurements: permutation(input.measurements),
          disagreements: permutation(input.disagreements),
          coverage: permutation(input.client.coverage),
          conflicts: permutation(input.client.conflicts),
          plannedMoves: permutation(input.client.plannedMoves),
          insurancePanels: permutation(input.clinician.insurancePanels),
        }),
      ),
    ),
  ])(
    "order independence: rules, sessions, measurements, disagreements, coverage, conflicts, moves and panels in any order give the same JSON",
    ([input, rules, lists]) => {
      const { coverage, conflicts, plannedMoves, insurancePanels, ...own } = lists;
      const shuffled = {
        ...input,
        ...own,
        client: { ...input.client, coverage, conflicts, plannedMoves },
        clinician: { ...input.clinician, insurancePanels },
      };
      expect(JSON.stringify(assess(shuffled, rules))).toBe(JSON.stringify(assess(input)));
    },
  );

  test.prop([referralCase])("byte-identical: the same input twice gives the same bytes", (input) => {
    expect(JSON.stringify(assess(structuredClone(input)))).toBe(JSON.stringify(assess(structuredClone(input))));
  });

  test.prop([referralCase])("frozen input: a deep-frozen case and options give the same result, and are left as they were", (input) => {
    const before = JSON.stringify(input);
    const frozen = deepFreeze(structuredClone(input));
    const options = deepFreeze({ now: NOW, policy: { billing: { slidingScale: true } }, instruments: [] });
    expect(JSON.stringify(assessReferral(frozen, { ...options, vocabulary }))).toBe(
      JSON.stringify(assessReferral(input, { now: NOW, vocabulary, policy: { billing: { slidingScale: true } } })),
    );
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe("the assessment", () => {
  test.prop([
    referralCase,
    fc.constantFrom("dual-relationship" as const, "conflict-of-interest" as const, "prior-relationship" as const, "other" as const),
  ])(
    "declared conflict: adding one with the treating clinician refers, with an impartiality finding and that clinician excluded",
    (input, kind) => {
      const client = { ...input.client, conflicts: [...input.client.conflicts, { clinicianId: TREATING, kind }] };
      const assessment = assess({ ...input, client });
      expect(assessment.refer).toBe(true);
      const impartiality = assessment.findings.find((finding) => finding.code === "impartiality");
      // The finding itself excludes the clinician: the client's own criteria exclude declared conflicts anyway, so the assessment's alone would prove nothing.
      expect(impartiality?.criteria.require.excludeClinicianIds).toContain(TREATING);
      expect(assessment.criteria.require.excludeClinicianIds).toContain(TREATING);
    },
  );

  // A host rule that sets a self-pay ceiling of its own, so the lowest ceiling is not always the client's.
  const ceilingRule = (minorUnits: number) =>
    defineReferralRule({
      id: "host-ceiling",
      source: "test",
      evaluate: () => ({
        findings: [
          {
            code: "host-ceiling",
            urgency: "routine",
            summary: "Ceiling.",
            explanation: "Ceiling.",
            criteria: { require: { maxSelfPay: { currency: "USD", minorUnits } } },
          },
        ],
      }),
    });

  test.prop([
    referralCase,
    fc.option(fc.integer({ min: 1_000, max: 30_000 }), { nil: undefined }),
    fc.constantFrom("withhold" as const, "offer" as const),
  ])("containment: every finding's criteria are contained in the assessment's criteria", (input, hostCeiling, unknownProgram) => {
    const rules = hostCeiling === undefined ? builtInRules : [...builtInRules, ceilingRule(hostCeiling)];
    const { findings, criteria } = assess(input, rules, unknownProgram);
    const keyed = (list: "problemAreas" | "modalities" | "populations" | undefined, tags: readonly string[]) =>
      new Set(tags.map((tag) => (list === undefined ? tag : vocabulary.canonical(list, tag))));
    const within = (list: "problemAreas" | "modalities" | "populations" | undefined, part: readonly string[], whole: readonly string[]) => {
      const all = keyed(list, whole);
      for (const key of keyed(list, part)) expect(all.has(key)).toBe(true);
    };
    const payer = (ref: { payerId: string; planId?: string | undefined }) => `${ref.payerId}/${ref.planId ?? ""}`;
    for (const { criteria: added, careFrom } of findings) {
      within("problemAreas", added.require.problemAreas, criteria.require.problemAreas);
      within("modalities", added.require.modalities, criteria.require.modalities);
      within("populations", added.require.populations, criteria.require.populations);
      within(undefined, added.require.languages, criteria.require.languages);
      within(undefined, added.require.excludeClinicianIds, criteria.require.excludeClinicianIds);
      within(undefined, added.require.excludePracticeIds, criteria.require.excludePracticeIds);
      // A change after the start date adds no payers: one the client holds only later cannot pay for the first sessions;
      // nor does one the client no longer holds then.
      if ((careFrom ?? NOW) <= (criteria.startDate ?? NOW)) {
        const held = added.require.payers.filter(heldOn(input, criteria.startDate ?? NOW));
        within(undefined, held.map(payer), (criteria.require.payment?.payers ?? []).map(payer));
      }
      within("problemAreas", added.prefer.problemAreas, criteria.prefer.problemAreas);
      within("modalities", added.prefer.modalities, criteria.prefer.modalities);
      within(undefined, added.prefer.languages, criteria.prefer.languages);
      const ceiling = added.require.maxSelfPay;
      // Medicare and Medicaid bar ordinary self-pay: while either covers the client on a day care may run in, no ceiling at
      // all; under "withhold", nor while a coverage that does not say its programme does.
      const barring = (program: string | undefined) =>
        program === "medicare" || program === "medicaid" || (program === undefined && unknownProgram === "withhold");
      const barred = daysFrom(criteria.startDate ?? NOW, barredUntil(findings)).some((day) =>
        coverageOn(untyped(input.client), day).some((coverage) => barring(coverage.program)),
      );
      const own = (input.client as { maxSelfPay?: { currency: string; minorUnits: number } }).maxSelfPay;
      if (barred) expect(criteria.require.payment?.maxSelfPay).toBeUndefined();
      // Not barred, the client's own maximum is kept, lowered only by a finding's.
      else if (own !== undefined) expect(criteria.require.payment?.maxSelfPay?.minorUnits).toBeLessThanOrEqual(own.minorUnits);
      if (!barred && ceiling !== undefined) {
        const held = criteria.require.payment?.maxSelfPay;
        expect(held?.currency).toBe(ceiling.currency);
        expect(held?.minorUnits).toBeLessThanOrEqual(ceiling.minorUnits);
      }
    }
  });

  /** A host's finding that the treating clinician leaves the practice on `leaves`, asking care from `careFrom`. */
  const leavingRule = ({ leaves, careFrom, urgency }: { leaves: string; careFrom: string | undefined; urgency: Urgency }) =>
    defineReferralRule({
      id: "host-leaving",
      source: "test",
      evaluate: () => ({
        findings: [
          {
            code: "host-leaving",
            urgency,
            ...(careFrom === undefined ? {} : { careFrom }),
            cannotContinueFrom: leaves,
            summary: "Leaves the practice.",
            explanation: "I'm leaving the practice.",
          },
        ],
      }),
    });
  const leaving = fc.option(
    fc.record({ leaves: date, careFrom: fc.option(date, { nil: undefined }), urgency: fc.constantFrom(...Urgency.options) }),
    { nil: undefined },
  );

  test.prop([referralCase, leaving])(
    "start date: today for an urgent need present now, else the latest day a most urgent finding asks for but never after the first day the clinician may not see the client; the payment is for the cover that day, with the payers findings up to it add that the client holds then",
    (input, host) => {
      const { findings, criteria, urgency } = assess(input, host === undefined ? builtInRules : [...builtInRules, leavingRule(host)]);
      const start = criteria.startDate ?? NOW;
      const mostUrgentDays = findings.filter((finding) => finding.urgency === urgency).map((finding) => finding.careFrom ?? NOW);
      const latest = mostUrgentDays.reduce((top, day) => (day > top ? day : top), NOW);
      // The days a finding says the treating clinician can no longer see the client (today when already so), whatever
      // its code: a host's finding bars care the same way. A move or a stay elsewhere says so from its day.
      for (const { code, careFrom, cannotContinueFrom } of findings) {
        if (code === "moving" || code === "away") expect(cannotContinueFrom).toBe(careFrom);
      }
      const barred = findings.flatMap(({ cannotContinueFrom: day }) => (day === undefined ? [] : [day > NOW ? day : NOW]));
      if (urgency === "urgent" && mostUrgentDays.some((day) => day <= NOW)) expect(start).toBe(NOW);
      else expect(start).toBe([latest, ...barred].sort()[0]);
      // Whatever the rule's details: no day without a clinician who may see the client, and never later than asked.
      for (const day of barred) expect(start <= day).toBe(true);
      expect(start <= latest).toBe(true);
      // Exactly the payers of that cover and those the findings add; with no cover that day, those of any coverage that
      // bars self-pay (Medicare, Medicaid, no programme under the default policy) from then to the look-ahead.
      const key = (payer: { payerId: string; planId?: string | undefined }) => `${payer.payerId}/${payer.planId ?? ""}`;
      const inForce = coverageOn(untyped(input.client), start);
      const barring = daysFrom(start, barredUntil(findings)).flatMap((day) =>
        coverageOn(untyped(input.client), day).filter((coverage) => coverage.program !== "commercial" && coverage.program !== "other"),
      );
      const own = (inForce.length > 0 ? inForce : barring).map(key);
      const asked = findings.filter((finding) => (finding.careFrom ?? NOW) <= start).flatMap((finding) => finding.criteria.require.payers);
      const expected = new Set([...own, ...asked.filter(heldOn(input, start)).map(key)]);
      expect((criteria.require.payment?.payers ?? []).map(key).sort()).toEqual([...expected].sort());
    },
  );

  test.prop([fc.integer({ min: 1, max: 119 }), fc.constantFrom("medicare", "commercial"), fc.constantFrom("medicaid", "commercial")])(
    "an urgent need before a change of cover: care starts today, sought in the network that pays today, never the later one",
    (changeIn, before, after) => {
      // Within the policy's 14 urgent days the change of cover is as urgent as the deterioration; past them, less urgent.
      // Either way the deterioration cannot wait for it.
      const change = new Date(Date.parse(NOW) + changeIn * 86_400_000).toISOString().slice(0, 10);
      const lastDay = new Date(Date.parse(change) - 86_400_000).toISOString().slice(0, 10);
      const { criteria, findings } = assess(
        unitCase({
          client: {
            maxSelfPay: { currency: "USD", minorUnits: 10_000 },
            coverage: [
              { payerId: "old", program: before, period: { start: "2024-01-01", end: lastDay } },
              { payerId: "new", program: after, period: { start: change } },
            ],
          },
          clinician: { insurancePanels: [{ payerId: "old", period: { start: "2020-01-01" } }] },
          measurements: weekly("PHQ-9", "2026-10-05", [12, 19]),
        }),
      );
      expect(findings[0]?.code).toBe("deterioration");
      expect(criteria.startDate).toBe(NOW);
      expect(criteria.require.payment?.payers).toEqual([{ payerId: "old" }]);
      // Self-pay only when neither cover is Medicare or Medicaid (both are within the look-ahead).
      expect(criteria.require.payment?.maxSelfPay === undefined).toBe(before === "medicare" || after === "medicaid");
    },
  );

  test.prop([referralCase])(
    "urgency: the assessment's is the highest of its findings' (routine with none), and it refers exactly when something is found",
    (input) => {
      const assessment = assess(input);
      const highest = assessment.findings.reduce((top, finding) => Math.max(top, Urgency.options.indexOf(finding.urgency)), 0);
      expect(assessment.urgency).toBe(Urgency.options[highest]);
      expect(assessment.criteria.urgency).toBe(assessment.urgency);
      expect(assessment.refer).toBe(assessment.findings.length > 0);
    },
  );

  test.prop([referralCase])("plain JSON: the assessment parses to itself, and its criteria are MatchCriteria as they are", (input) => {
    const assessment = assess(input);
    expect(ReferralAssessment.parse(JSON.parse(JSON.stringify(assessment)))).toStrictEqual(assessment);
    expect(MatchCriteria.parse(assessment.criteria)).toStrictEqual(assessment.criteria);
  });
});

describe("reliable change", () => {
  const thresholdInstrument = instrument.filter((entry) => entry.reliableChange?.method === "threshold");
  const jacobsonTruax = instrument.filter((entry) => entry.reliableChange?.method === "jacobson-truax");
  const half = (n: number) => n / 2;

  test.prop([thresholdInstrument, fc.integer({ min: 0, max: 100 }), fc.integer({ min: -2, max: 2 }).map(half), fc.boolean()])(
    "threshold boundary: reliable exactly when |change| ≥ threshold, at it and half a point either side",
    (scale: Instrument, pre, offset, down) => {
      const threshold = criterionOf(scale);
      const size = threshold + offset;
      const post = pre + (down ? -size : size);
      const result = reliableChange(scale, pre, post);
      expect(result.reliable).toBe(size >= threshold);
      expect(result.outcome === "no-reliable-change").toBe(size < threshold);
    },
  );

  test.prop([jacobsonTruax, score, fc.constantFrom(0.5, 0.999_99, 1.000_01, 2), fc.boolean()])(
    "Jacobson–Truax boundary: reliable exactly when |RC| > 1.96, just below and just above",
    (scale: Instrument, pre, factor, down) => {
      const criterion = criterionOf(scale);
      const post = pre + (down ? -1 : 1) * factor * criterion;
      const result = reliableChange(scale, pre, post);
      expect(result.reliable).toBe(factor > 1);
      expect(Math.abs(result.index ?? Number.NaN)).toBeCloseTo(1.96 * factor, 6);
    },
  );

  test.prop([instrument, fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 })])(
    "caseness boundary: a reliable improvement is recovered exactly when it starts in the clinical range and ends out of it",
    (scale: Instrument, a, b) => {
      const cutoff = scale.cutoff as number;
      const withThreshold: Instrument = { ...scale, reliableChange: { method: "threshold", threshold: 1 } };
      const pre = cutoff + a;
      const post = cutoff + b;
      const summary = classifyProgress(withThreshold, [
        { date: "2026-06-01", score: pre },
        { date: "2026-07-01", score: post },
      ]);
      const clinical = (value: number) => (scale.direction === "lower-is-better" ? value >= cutoff : value < cutoff);
      if (summary.change.outcome === "improved") expect(summary.classification === "recovered").toBe(clinical(pre) && !clinical(post));
      else expect(summary.classification).toBe(summary.change.outcome);
      expect(summary.caseness).toStrictEqual({ baseline: clinical(pre), latest: clinical(post) });
    },
  );

  test.prop([instrumentWithScores])("antisymmetry: swapping pre and post swaps improved and deteriorated", ([scale, pre, post]) => {
    const swap = { improved: "deteriorated", deteriorated: "improved", "no-reliable-change": "no-reliable-change" } as const;
    const forward = reliableChange(scale, pre, post);
    const backward = reliableChange(scale, post, pre);
    expect(backward.outcome).toBe(swap[forward.outcome]);
    expect(backward.reliable).toBe(forward.reliable);
  });

  test.prop([instrumentWithScores])(
    "antisymmetry of the classifier: improved or recovered one way is deteriorated the other",
    ([scale, pre, post]) => {
      const classify = (first: number, second: number) =>
        classifyProgress(scale, [
          { date: "2026-06-01", score: first },
          { date: "2026-07-01", score: second },
        ]).classification;
      const forward = classify(pre, post);
      const backward = classify(post, pre);
      expect(forward === "improved" || forward === "recovered").toBe(backward === "deteriorated");
      expect(backward === "improved" || backward === "recovered").toBe(forward === "deteriorated");
    },
  );
});

describe("no leak", () => {
  const keys = [...keysOf(fc.sample(referralCase, { numRuns: 40, seed: 5 }))];

  test.prop([hostile(referralCase)])("no leak: a marked, broken case gives a result or an InvalidInputError with no marker", (input) => {
    expectNoLeak(() => assess(input));
  });

  test.prop([hostileJson(keys)])("no leak: arbitrary JSON gives a result or an InvalidInputError with no marker", (input) => {
    expectNoLeak(() => assess(input));
  });

  test.prop([
    referralCase,
    hostile(
      fc.record({
        now: fc.constant(NOW),
        policy: fc.record({
          lookAheadDays: fc.nat(400),
          options: fc.record({ minimumOptions: fc.nat(3) }),
          safety: fc.record({
            riskNeeds: fc.array(marker, { maxLength: 2 }),
            emergencyContacts: fc.array(
              fc.record({
                jurisdiction: fc.constant("US"),
                contacts: fc.array(fc.record({ name: marker, number: marker }), { minLength: 1, maxLength: 2 }),
              }),
              { maxLength: 2 },
            ),
          }),
        }),
        instruments: fc.array(
          fc.record({
            id: fc.constant("PHQ-9"),
            name: marker,
            measures: fc.constant("outcome"),
            direction: fc.constant("lower-is-better"),
            range: fc.record({ min: fc.constant(0), max: fc.constant(27) }),
            reliableChange: fc.record({ method: fc.constant("threshold"), threshold: fc.constant(6) }),
            items: fc.record({ count: fc.integer({ min: 1, max: 9 }), min: fc.constant(0), max: fc.constant(3) }),
            riskItems: fc.array(fc.record({ item: fc.integer({ min: 1, max: 12 }), from: fc.record({ review: fc.nat(4) }) }), {
              maxLength: 2,
            }),
            source: marker,
          }),
          { maxLength: 1 },
        ),
      }),
    ),
  ])("no leak: marked, broken options give a result or an InvalidInputError with no marker", (input, options) => {
    expectNoLeak(() => assessReferral(input, options as never));
  });

  const outcome = fc.record({
    findings: fc.array(
      fc.record({
        code: fc.constant("host-finding"),
        urgency: fc.constant("soon"),
        summary: marker,
        explanation: marker,
        evidence: fc.array(fc.record({ kind: fc.constant("id"), fact: fc.constant("host-fact"), id: marker }), { maxLength: 2 }),
        criteria: fc.record({ require: fc.record({ problemAreas: fc.array(marker, { maxLength: 2 }) }) }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  });

  test.prop([referralCase, hostile(outcome)])(
    "no leak: a host rule's marked, broken outcome gives a result or an InvalidInputError with no marker",
    (input, raw: Json) => {
      const rule = defineReferralRule({ id: "host-rule", source: "test", evaluate: () => raw as never });
      expectNoLeak(() => assess(input, [rule]));
    },
  );

  /** The fields of a hostile value, whatever it turned into (null, a string, an array). */
  const field = (value: Json, key: string): unknown =>
    value !== null && typeof value === "object" && !Array.isArray(value) ? value[key] : undefined;

  const changeArguments = fc.record({ instrument, pre: score, post: score });
  const instrumentKeys = [...keysOf(fc.sample(instrument, { numRuns: 20, seed: 7 }))];

  test.prop([hostile(changeArguments)])(
    "no leak: reliableChange on a marked, broken instrument or scores gives a result or an InvalidInputError with no marker",
    (args) => {
      expectNoLeak(() =>
        reliableChange(field(args, "instrument") as Instrument, field(args, "pre") as number, field(args, "post") as number),
      );
    },
  );

  test.prop([hostileJson(instrumentKeys), fc.oneof(score, fc.double()), fc.oneof(score, fc.double())])(
    "no leak: reliableChange on arbitrary JSON as the instrument gives a result or an InvalidInputError with no marker",
    (scale, pre, post) => {
      expectNoLeak(() => reliableChange(scale as never, pre, post));
    },
  );

  const series = fc.record({ instrument, scores: fc.array(fc.record({ date, score }), { minLength: 2, maxLength: 8 }) });

  test.prop([hostile(series)])(
    "no leak: classifyProgress on a marked, broken instrument or series gives a result or an InvalidInputError with no marker",
    (args) => {
      expectNoLeak(() => classifyProgress(field(args, "instrument") as Instrument, field(args, "scores") as never));
    },
  );

  test.prop([hostileJson([...instrumentKeys, "date", "score"]), hostileJson([...instrumentKeys, "date", "score"])])(
    "no leak: classifyProgress on arbitrary JSON gives a result or an InvalidInputError with no marker",
    (scale, scores) => {
      expectNoLeak(() => classifyProgress(scale as never, scores as never));
    },
  );

  const exitKeys = [...keysOf(fc.sample(panelExit, { numRuns: 20, seed: 9 }))];

  test.prop([panelExit])("generator validity: every generated panel exit is a valid PanelExit, and its result parses to itself", (exit) => {
    expect(PanelExit.safeParse(exit).success).toBe(true);
    const result = assessPanelExit(untyped(exit), { now: NOW, vocabulary });
    expect(PanelExitResult.parse(JSON.parse(JSON.stringify(result)))).toStrictEqual(result);
  });

  test.prop([hostile(panelExit)])(
    "no leak: assessPanelExit on a marked, broken exit gives a result or an InvalidInputError with no marker",
    (exit) => {
      expectNoLeak(() => assessPanelExit(untyped(exit), { now: NOW, vocabulary }));
    },
  );

  test.prop([hostileJson(exitKeys)])(
    "no leak: assessPanelExit on arbitrary JSON gives a result or an InvalidInputError with no marker",
    (exit) => {
      expectNoLeak(() => assessPanelExit(untyped(exit), { now: NOW, vocabulary }));
    },
  );

  test.prop([panelExit, hostile(fc.record({ now: fc.constant(NOW), policy: fc.record({ lookAheadDays: fc.nat(400) }) }))])(
    "no leak: assessPanelExit with marked, broken options gives a result or an InvalidInputError with no marker",
    (exit, options) => {
      expectNoLeak(() => assessPanelExit(untyped(exit), untyped(options)));
    },
  );

  it("the hostile exits, instruments and series are mostly rejected, so the laws above are not vacuous", () => {
    const exits = fc
      .sample(hostile(panelExit), { numRuns: 200, seed: 13 })
      .map((exit) => expectNoLeak(() => assessPanelExit(untyped(exit), { now: NOW, vocabulary })));
    expect(exits.filter((result) => result === "rejected").length).toBeGreaterThan(100);
    const changes = fc
      .sample(hostile(changeArguments), { numRuns: 200, seed: 17 })
      .map((args) =>
        expectNoLeak(() =>
          reliableChange(field(args, "instrument") as Instrument, field(args, "pre") as number, field(args, "post") as number),
        ),
      );
    expect(changes.filter((result) => result === "rejected").length).toBeGreaterThan(100);
    const classified = fc
      .sample(hostile(series), { numRuns: 200, seed: 19 })
      .map((args) => expectNoLeak(() => classifyProgress(field(args, "instrument") as Instrument, field(args, "scores") as never)));
    expect(classified.filter((result) => result === "rejected").length).toBeGreaterThan(100);
  });

  it("the hostile cases are mostly rejected, so the laws above are not vacuous", () => {
    const outcomes = fc.sample(hostile(referralCase), { numRuns: 200, seed: 11 }).map((input) => expectNoLeak(() => assess(input)));
    expect(outcomes.filter((result) => result === "rejected").length).toBeGreaterThan(100);
  });
});
