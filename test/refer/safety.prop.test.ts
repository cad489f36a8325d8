import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { createVocabulary } from "referwell";
import { assessReferral, type ReferralAssessment, SafetyLevel } from "referwell/refer";
import { date, ITEMS, itemScores, NOW, referralCase, riskFlag } from "../arbitraries/refer.js";
import { untyped } from "../support/untyped.js";

const vocabulary = createVocabulary();
const assess = (input: unknown): ReferralAssessment => assessReferral(untyped(input), { now: NOW, vocabulary });
const rank = (assessment: ReferralAssessment): number => SafetyLevel.options.indexOf(assessment.safety.level);
const HAND_OFF = [
  "explain-reason",
  "pre-termination-counselling",
  "offer-options",
  "consent-to-share-records",
  "warm-hand-off",
  "continuity-until-transfer",
];
const RATINGS = ["none", "low", "moderate", "high"] as const;
type Case = ReturnType<(typeof referralCase)["generate"]>["value"];

/** A case with one more itemized measurement of `instrument`, its risk item set to `value`. */
const withRiskAnswer = (input: Case, instrument: string, day: string, items: number[], value: number): unknown => {
  const riskItem = instrument === "PHQ-9" ? 9 : 6;
  const answered = items.map((item, index) => (index === riskItem - 1 ? value : item));
  const score = answered.reduce((sum, item) => sum + item, 0);
  const measurements: unknown[] = [...input.measurements, { instrument, date: day, score, items: answered }];
  return { ...input, measurements };
};

const riskAnswers = fc.constantFrom("PHQ-9", "CORE-10").chain((instrument) =>
  fc.record({
    instrument: fc.constant(instrument),
    items: itemScores(instrument),
    low: fc.integer({ min: 0, max: (ITEMS[instrument] as readonly [number, number])[1] }),
    high: fc.integer({ min: 0, max: (ITEMS[instrument] as readonly [number, number])[1] }),
  }),
);

describe("safety laws", () => {
  test.prop([referralCase])("an open risk never yields termination or hand-off steps, and care continues first", (input) => {
    const assessment = assess(input);
    if (assessment.safety.level === "none") return;
    const steps = assessment.preparation.map((step) => step.code);
    expect(steps.filter((code) => HAND_OFF.includes(code))).toEqual([]);
    expect(assessment.safety.holdsHandOff).toBe(assessment.refer);
    if (assessment.refer) expect(steps[0]).toBe("continue-care-while-risk-is-assessed");
    expect(assessment.safety.actions.at(-1)?.code).toBe("continue-care-while-risk-is-assessed");
  });

  test.prop([referralCase, riskAnswers, date])(
    "monotone in a risk item: a higher answer on the same form never lowers the level",
    (input, { instrument, items, low, high }, day) => {
      const [lower, higher] = low <= high ? [low, high] : [high, low];
      const before = assess(withRiskAnswer(input, instrument, day, items, lower));
      const after = assess(withRiskAnswer(input, instrument, day, items, higher));
      expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
    },
  );

  // Ratings on a few days only, so that one source often rates twice on a day.
  const crowdedFlags = fc.array(
    fc.record({
      source: riskFlag.map((flag) => flag.source),
      date: fc.constantFrom("2026-11-02", "2026-11-16", "2026-11-20"),
      level: fc.constantFrom(...RATINGS),
    }),
    { minLength: 1, maxLength: 5 },
  );

  test.prop([referralCase, fc.oneof(crowdedFlags, fc.array(riskFlag, { minLength: 1, maxLength: 4 })), fc.nat(), fc.nat(3)])(
    "monotone in risk ratings: raising any rating never lowers the level",
    (input, flags, pick, raiseBy) => {
      const index = pick % flags.length;
      const flag = flags[index] as (typeof flags)[number];
      const raised = RATINGS[Math.min(3, RATINGS.indexOf(flag.level) + raiseBy)] as (typeof RATINGS)[number];
      const before = assess({ ...input, risk: flags });
      const after = assess({ ...input, risk: flags.map((entry, i) => (i === index ? { ...entry, level: raised } : entry)) });
      expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
    },
  );

  test.prop([referralCase, fc.constantFrom(...RATINGS), fc.integer({ min: -300, max: 0 })])(
    "never below the clinician's judgement: the level is at least the latest clinician rating's",
    (input, rating, offset) => {
      const day = new Date(Date.parse(NOW) + offset * 86_400_000).toISOString().slice(0, 10);
      const others = (input.risk ?? []).filter((flag) => flag.source !== "clinician-rating" || flag.date < day);
      const assessment = assess({ ...input, risk: [...others, { source: "clinician-rating", date: day, level: rating }] });
      expect(rank(assessment)).toBeGreaterThanOrEqual(RATINGS.indexOf(rating));
    },
  );
});
