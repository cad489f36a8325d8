import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { InvalidInputError, type LevelOfCare, Urgency } from "referwell";
import { createMatcher } from "referwell/match";
import { builtInInstruments, classifyProgress, Instrument, reliableChange } from "referwell/refer";
import { untyped } from "../support/untyped.js";
import { assess, clinician, codes, finding, NOW, referralCase, rejection, weekly } from "./fixtures.js";

const instrument = (id: string) => builtInInstruments.find((entry) => entry.id === id) as Instrument;
const phq9 = instrument("PHQ-9");
const gad7 = instrument("GAD-7");
const jt = Instrument.parse({
  id: "jt-scale",
  name: "A Jacobson–Truax scale",
  measures: "outcome",
  direction: "higher-is-better",
  range: { min: 0, max: 100 },
  reliableChange: { method: "jacobson-truax", sd: 10, reliability: 0.75 },
  cutoff: 50,
  source: "test",
});
// SDiff = 10 · √2 · √0.25 = 7.0711; the criterion 1.96 · SDiff = 13.859 points.

describe("reliableChange", () => {
  it("PHQ-9: a change of 6 points is reliable, 5 is not (NHS Talking Therapies)", () => {
    expect(reliableChange(phq9, 16, 10)).toStrictEqual({ change: -6, reliable: true, outcome: "improved" });
    expect(reliableChange(phq9, 16, 11)).toStrictEqual({ change: -5, reliable: false, outcome: "no-reliable-change" });
    expect(reliableChange(phq9, 10, 16)).toStrictEqual({ change: 6, reliable: true, outcome: "deteriorated" });
    expect(reliableChange(phq9, 12, 12).outcome).toBe("no-reliable-change");
  });

  it("GAD-7: a change of 4 points is reliable, 3 is not", () => {
    expect(reliableChange(gad7, 12, 8).outcome).toBe("improved");
    expect(reliableChange(gad7, 12, 9).outcome).toBe("no-reliable-change");
    expect(reliableChange(gad7, 8, 12).outcome).toBe("deteriorated");
  });

  it("Jacobson–Truax: RC = (post − pre) / (SD·√2·√(1 − r)), reliable when |RC| > 1.96", () => {
    const up = reliableChange(jt, 40, 54);
    expect(up.index).toBeCloseTo(14 / (10 * Math.SQRT2 * 0.5), 12);
    expect(up.outcome).toBe("improved"); // higher is better
    expect(reliableChange(jt, 40, 53).reliable).toBe(false); // RC 1.838
    expect(reliableChange(jt, 54, 40).outcome).toBe("deteriorated");
  });

  it("rejects a missing or malformed instrument with InvalidInputError, never a TypeError or NaN", () => {
    expect(rejection(() => reliableChange(null as never, 10, 2)).issues).toEqual([
      expect.objectContaining({ path: ["instrument"], code: "invalid-type" }),
    ]);
    expect(rejection(() => reliableChange(undefined as never, 10, 2)).issues).toEqual([
      expect.objectContaining({ path: ["instrument"], code: "required" }),
    ]);
    const noSd = { ...jt, reliableChange: { method: "jacobson-truax", reliability: 0.8 } } as never;
    expect(rejection(() => reliableChange(noSd, 10, 2)).issues).toEqual([
      expect.objectContaining({ path: ["instrument", "reliableChange", "sd"], code: "required" }),
    ]);
    expect(rejection(() => reliableChange({ ...phq9, direction: "sideways" } as never, 10, 2)).issues).toEqual([
      expect.objectContaining({ path: ["instrument", "direction"], code: "invalid-value" }),
    ]);
  });

  it("rejects scores that are not finite numbers, naming the argument only", () => {
    expect(() => reliableChange(phq9, Number.NaN, 3)).toThrow(InvalidInputError);
    expect(() => reliableChange(phq9, 3, Number.POSITIVE_INFINITY)).toThrow("reliableChange.post has the wrong type");
    expect(() => reliableChange(instrument("SRS"), 30, 36)).toThrow("reliableChange.instrument.reliableChange is required");
  });
});

describe("classifyProgress", () => {
  const series = (...scores: number[]) => weekly("PHQ-9", "2026-06-01", scores);

  it("recovered: a reliable improvement from caseness to below the cutoff", () => {
    expect(classifyProgress(phq9, series(15, 9)).classification).toBe("recovered");
    expect(classifyProgress(phq9, series(10, 4)).classification).toBe("recovered");
  });

  it("improved, not recovered: still at the cutoff, or never in caseness", () => {
    expect(classifyProgress(phq9, series(16, 10)).classification).toBe("improved"); // 10 is still caseness
    expect(classifyProgress(phq9, series(9, 3)).classification).toBe("improved"); // started below caseness
  });

  it("no reliable change and deterioration", () => {
    expect(classifyProgress(phq9, series(15, 10)).classification).toBe("no-reliable-change");
    expect(classifyProgress(phq9, series(9, 15)).classification).toBe("deteriorated");
  });

  it("by default, deterioration is measured from baseline: a noisy series is no deterioration", () => {
    expect(classifyProgress(phq9, series(13, 10, 16)).classification).toBe("no-reliable-change");
    expect(classifyProgress(phq9, series(20, 8, 5, 5, 12, 19)).classification).toBe("no-reliable-change");
    expect(classifyProgress(phq9, series(13, 10, 16), { deterioration: "from-best" }).classification).toBe("deteriorated");
  });

  test.prop([
    fc.array(fc.integer({ min: 6, max: 21 }), { minLength: 1, maxLength: 6 }),
    fc.array(fc.integer({ min: 6, max: 21 }), { minLength: 1, maxLength: 6 }),
  ])("exact at the threshold: same-day groups whose means differ by exactly 6 points are a reliable change of 6", (pre, post) => {
    // Shift the later group so that its mean is exactly the earlier mean minus 6: sum(post') · n(pre) = (sum(pre) − 6 · n(pre)) · n(post).
    const target = (pre.reduce((a, b) => a + b, 0) - 6 * pre.length) * post.length;
    const scaled = post.map((score) => score * pre.length);
    const shift = target - scaled.reduce((a, b) => a + b, 0);
    fc.pre(shift % (pre.length * post.length) === 0);
    const each = shift / (pre.length * post.length);
    const later = post.map((score) => score + each);
    fc.pre(later.every((score) => score >= 0 && score <= 27));
    const day = (date: string, scores: number[]) => scores.map((score) => ({ date, score }));
    const summary = classifyProgress(phq9, [...day("2026-09-01", pre), ...day("2026-10-01", later)]);
    expect(summary.change).toStrictEqual({ change: -6, reliable: true, outcome: "improved" });
  });

  it("same-day means are compared exactly at a threshold", () => {
    const day = (date: string, scores: number[]) => scores.map((score) => ({ date, score }));
    const summary = classifyProgress(phq9, [...day("2026-09-01", [16, 16, 17]), ...day("2026-10-01", [10, 10, 11])]);
    expect(summary.change).toStrictEqual({ change: -6, reliable: true, outcome: "improved" });
    expect(summary.baseline).toStrictEqual({ date: "2026-09-01", score: 49 / 3 });
    const short = classifyProgress(phq9, [...day("2026-09-01", [16, 16, 17]), ...day("2026-10-01", [10, 11, 11])]);
    expect(short.change.reliable).toBe(false);
  });

  it("with from-best, a reliable worsening from the best score is a deterioration, even when the latest is no worse than baseline", () => {
    const series2 = (...scores: number[]) => classifyProgress(phq9, series(...scores), { deterioration: "from-best" });
    const summary = series2(20, 8, 5, 5, 12, 19);
    expect(summary.change.outcome).toBe("no-reliable-change"); // 20 → 19 from baseline
    expect(summary.best).toStrictEqual({ date: "2026-06-22", score: 5 }); // the latest day with the best score
    expect(summary.sinceBest).toStrictEqual({ change: 14, reliable: true, outcome: "deteriorated" });
    expect(summary.classification).toBe("deteriorated");
    // A worsening from the best that is not reliable is no deterioration.
    expect(series2(20, 8, 5, 10).classification).toBe("improved");
    expect(series2(20, 8, 5, 11).classification).toBe("deteriorated");
    // The best is the latest: nothing since it.
    expect(series2(20, 12, 8).sinceBest).toStrictEqual({
      change: 0,
      reliable: false,
      outcome: "no-reliable-change",
    });
  });

  it("reads baseline and latest by date, whatever the order; same-day scores count as their mean", () => {
    const summary = classifyProgress(phq9, [
      { date: "2026-07-01", score: 8 },
      { date: "2026-06-01", score: 14 },
      { date: "2026-06-01", score: 16 },
      { date: "2026-07-01", score: 10 },
    ]);
    expect(summary.baseline).toStrictEqual({ date: "2026-06-01", score: 15 });
    expect(summary.latest).toStrictEqual({ date: "2026-07-01", score: 9 });
    expect(summary.sessions).toBe(2);
    expect(summary.weeks).toBe(4);
    expect(summary.classification).toBe("recovered");
  });

  it("rejects a missing or malformed instrument with InvalidInputError", () => {
    expect(rejection(() => classifyProgress(undefined as never, series(12, 10))).issues).toEqual([
      expect.objectContaining({ path: [], code: "required" }),
    ]);
    const noSd = { ...jt, reliableChange: { method: "jacobson-truax", reliability: 0.8 } } as never;
    expect(rejection(() => classifyProgress(noSd, series(12, 10))).issues).toEqual([
      expect.objectContaining({ path: ["reliableChange", "sd"], code: "required" }),
    ]);
    expect(rejection(() => classifyProgress(instrument("SRS"), series(30, 36))).issues).toEqual([
      expect.objectContaining({ path: ["reliableChange"], code: "required" }),
    ]);
  });

  it("needs scores on two days", () => {
    expect(() => classifyProgress(phq9, series(12))).toThrow(InvalidInputError);
    expect(() =>
      classifyProgress(phq9, [
        { date: "2026-06-01", score: 12 },
        { date: "2026-06-01", score: 14 },
      ]),
    ).toThrow("scores is too small, too short or has too few items (expected at least 2 items)");
  });
});

describe("the progress trigger", () => {
  const withScores = (measurements: unknown[]) => referralCase({ measurements });

  it("no progress: no reliable improvement after six measured sessions, still in caseness", () => {
    const assessment = assess(withScores(weekly("PHQ-9", "2026-09-01", [16, 15, 17, 15, 14, 16])));
    expect(codes(assessment)).toEqual(["no-progress"]);
    expect(finding(assessment, "no-progress")?.urgency).toBe("routine");
    expect(finding(assessment, "no-progress")?.evidence).toContainEqual({
      kind: "score",
      fact: "latest",
      instrument: "PHQ-9",
      date: "2026-10-06",
      score: 16,
    });
  });

  it("too early: five sessions over four weeks is no verdict yet, and the rule asks for more", () => {
    const assessment = assess(withScores(weekly("PHQ-9", "2026-09-01", [16, 15, 17, 15, 16])));
    expect(codes(assessment)).toEqual([]);
    expect(assessment.unevaluated).toContainEqual({ rule: "progress", needs: ["measurements:PHQ-9"] });
  });

  it("eight weeks count as much as six sessions (whichever comes first)", () => {
    const assessment = assess(
      withScores([
        { instrument: "PHQ-9", date: "2026-08-01", score: 14 },
        { instrument: "PHQ-9", date: "2026-09-26", score: 14 },
      ]),
    );
    expect(codes(assessment)).toEqual(["no-progress"]);
    const sooner = assess(
      withScores([
        { instrument: "PHQ-9", date: "2026-08-01", score: 14 },
        { instrument: "PHQ-9", date: "2026-09-25", score: 14 },
      ]),
    );
    expect(codes(sooner)).toEqual([]);
  });

  it("no finding once below caseness, even without reliable change", () => {
    const assessment = assess(withScores(weekly("PHQ-9", "2026-07-07", [11, 10, 9, 8, 8, 7])));
    expect(codes(assessment)).toEqual([]);
    expect(assessment.unevaluated.map((entry) => entry.rule)).not.toContain("progress");
  });

  it("deterioration: a reliable worsening is urgent, on two sessions already", () => {
    const assessment = assess(withScores(weekly("PHQ-9", "2026-10-05", [14, 20])));
    expect(codes(assessment)).toEqual(["deterioration"]);
    expect(assessment.urgency).toBe("urgent");
    expect(assess(withScores(weekly("PHQ-9", "2026-10-05", [14, 19]))).findings).toEqual([]);
  });

  it("relapse is not the default: the same series is no progress, routine", () => {
    const assessment = assess(withScores(weekly("PHQ-9", "2026-09-01", [20, 8, 5, 5, 12, 19])));
    expect([codes(assessment), assessment.urgency]).toEqual([["no-progress"], "routine"]);
    const noisy = assess(withScores(weekly("PHQ-9", "2026-09-01", [13, 10, 16])));
    expect(noisy.urgency).toBe("routine");
  });

  it("a reliable worsening outside the clinical range is a review notice, not a referral", () => {
    const assessment = assess(withScores(weekly("GAD-7", "2026-09-01", [0, 1, 5])));
    expect(codes(assessment)).toEqual([]);
    expect(assessment.notices.map((notice) => notice.code)).toEqual(["reliable-worsening"]);
    expect(codes(assess(withScores(weekly("GAD-7", "2026-09-01", [3, 4, 8]))))).toEqual(["deterioration"]);
  });

  it("severity: a score that stays severe makes no progress at least soon, with higher levels of care", () => {
    const assessment = assess(withScores(weekly("PHQ-9", "2026-09-01", [27, 26, 27, 25, 26, 27])));
    expect([codes(assessment), assessment.urgency]).toEqual([["no-progress"], "soon"]);
    expect(finding(assessment, "no-progress")?.alternatives.map((alternative) => alternative.kind)).toEqual([
      "psychiatric-evaluation",
      "intensive-outpatient",
      "partial-hospitalisation",
    ]);
    // One severe score is not staying severe.
    expect(assess(withScores(weekly("PHQ-9", "2026-09-01", [18, 18, 19, 18, 19, 20]))).urgency).toBe("routine");
  });

  it("a higher level of care is a referral target of its own: the matcher finds only clinicians who offer it", () => {
    const assessment = assess(withScores(weekly("PHQ-9", "2026-09-01", [27, 26, 27, 25, 26, 27])));
    const levels = finding(assessment, "no-progress")?.alternatives.map((alternative) => alternative.levelOfCare);
    expect(levels).toEqual(["psychiatric-evaluation", "intensive-outpatient", "partial-hospitalisation"]);
    const matcher = createMatcher(
      untyped({
        clinicians: [
          { ...clinician({ id: "weekly" }), practiceId: "p1" },
          { ...clinician({ id: "programme", levelsOfCare: ["outpatient", "intensive-outpatient"] }), practiceId: "p2" },
        ],
      }),
    );
    const { criteria } = assessment;
    const ids = (levelOfCare?: LevelOfCare) =>
      matcher
        .rank({ criteria: { ...criteria, require: { ...criteria.require, levelOfCare } } }, { now: NOW })
        .options.map((option) => option.clinicianId);
    expect(ids()).toEqual(expect.arrayContaining(["weekly", "programme"]));
    expect(ids("intensive-outpatient")).toEqual(["programme"]);
    expect(ids("partial-hospitalisation")).toEqual([]);
  });

  it("severity without a finding is a notice: improving, yet still severe", () => {
    const assessment = assess(withScores(weekly("PHQ-9", "2026-09-01", [27, 27, 21, 21])));
    expect(codes(assessment)).toEqual([]);
    expect(assessment.notices.map((notice) => [notice.code, notice.alternatives.length])).toEqual([["severe-symptoms", 3]]);
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 27 }), { minLength: 6, maxLength: 6 }), fc.integer({ min: 1, max: 12 })])(
    "urgency is monotone in severity: raising the latest two scores never lowers it",
    (scores, bump) => {
      const rank = (series: number[]) => Urgency.options.indexOf(assess(withScores(weekly("PHQ-9", "2026-09-01", series))).urgency);
      const raised = scores.map((score, index) => (index >= scores.length - 2 ? Math.min(27, score + bump) : score));
      expect(rank(raised)).toBeGreaterThanOrEqual(rank(scores));
    },
  );

  it("relapse: with from-best, a reliable worsening from the best score of the episode is a deterioration, urgent", () => {
    const assessment = assess(withScores(weekly("PHQ-9", "2026-09-01", [20, 8, 5, 5, 12, 19])), {
      policy: { progress: { deterioration: "from-best" } },
    });
    expect(codes(assessment)).toEqual(["deterioration"]);
    expect(assessment.urgency).toBe("urgent");
    const found = finding(assessment, "deterioration");
    expect(found?.evidence).toContainEqual({ kind: "score", fact: "best", instrument: "PHQ-9", date: "2026-09-22", score: 5 });
    expect(found?.summary).toContain("best 5 on 2026-09-22");
    expect(assessment.preparation[0]?.code).toBe("review-risk");
  });

  it("recovery is no finding, and shows in the assessment's progress", () => {
    const assessment = assess(withScores(weekly("GAD-7", "2026-04-14", [13, 11, 9, 7, 6, 5, 4])));
    expect(assessment.refer).toBe(false);
    expect(assessment.progress.map((summary) => summary.classification)).toEqual(["recovered"]);
  });

  it("only measurements within the episode and up to now count", () => {
    const measurements = [
      { instrument: "PHQ-9", date: "2025-12-01", score: 25 },
      ...weekly("PHQ-9", "2026-09-01", [16, 15, 17, 15, 14, 16]),
      { instrument: "PHQ-9", date: "2026-12-01", score: 2 },
    ];
    const assessment = assess(withScores(measurements));
    expect(assessment.progress[0]?.baseline.date).toBe("2026-09-01");
    expect(assessment.progress[0]?.latest.date).toBe("2026-10-06");
  });

  it("a host's own instrument joins, and replaces a built-in one with the same id", () => {
    const measurements = weekly("jt-scale", "2026-09-01", [40, 42, 41, 39, 40, 41]);
    const assessment = assess(withScores(measurements), { instruments: [jt] });
    expect(codes(assessment)).toEqual(["no-progress"]);
    const stricter = { ...phq9, reliableChange: { method: "threshold" as const, threshold: 3 } };
    expect(codes(assess(withScores(weekly("PHQ-9", "2026-09-01", [16, 15, 17, 15, 14, 13])), { instruments: [stricter] }))).toEqual([]);
  });

  it("a score outside its instrument's range is rejected by path, never by value", () => {
    expect(() => assess(withScores([{ instrument: "PHQ-9", date: "2026-09-01", score: 28 }]))).toThrow(
      "Invalid case: 1 issue: case.measurements[0].score is too large, too long or has too many items (expected a smaller value)",
    );
  });
});

describe("paired measures, as NHS Talking Therapies reads them", () => {
  const pair = (phq: number[], gad: number[]) =>
    assess(referralCase({ measurements: [...weekly("PHQ-9", "2026-09-01", phq), ...weekly("GAD-7", "2026-09-01", gad)] }));

  it("recovery only below caseness on both; a reliable drop on one and no reliable rise on the other is reliable improvement", () => {
    expect(pair([16, 8], [12, 5]).pairedProgress).toMatchObject({ classification: "reliable-recovery", recovery: true });
    // PHQ-9 recovered alone, GAD-7 still a case: no recovery, yet reliable improvement.
    expect(pair([16, 8], [12, 10]).pairedProgress).toMatchObject({ classification: "reliable-improvement", recovery: false });
    // A reliable rise on the other measure cancels the improvement.
    expect(pair([16, 8], [4, 9]).pairedProgress).toMatchObject({ reliableImprovement: false, reliableDeterioration: false });
    expect(pair([12, 19], [9, 10]).pairedProgress?.classification).toBe("reliable-deterioration");
    expect(pair([16, 8], [12, 5]).progress.map((summary) => summary.classification)).toEqual(["recovered", "recovered"]);
  });

  it("is absent with one measure, and a reliable improvement on one of the pair is progress: no no-progress finding", () => {
    expect(assess(referralCase({ measurements: weekly("PHQ-9", "2026-09-01", [16, 15]) })).pairedProgress).toBeUndefined();
    const stalledPhq = [16, 16, 15, 16, 15, 16];
    expect(codes(assess(referralCase({ measurements: weekly("PHQ-9", "2026-09-01", stalledPhq) })))).toEqual(["no-progress"]);
    expect(codes(pair(stalledPhq, [15, 14, 12, 10, 9, 8]))).toEqual([]);
  });

  it("an anxiety-disorder-specific measure the host names replaces GAD-7", () => {
    const pdss = Instrument.parse({
      id: "PDSS",
      name: "Panic Disorder Severity Scale",
      measures: "outcome",
      direction: "lower-is-better",
      range: { min: 0, max: 28 },
      reliableChange: { method: "threshold", threshold: 5 },
      cutoff: 8,
      source: "test",
    });
    const measurements = [...weekly("PHQ-9", "2026-09-01", [12, 8]), ...weekly("PDSS", "2026-09-01", [14, 6])];
    const assessment = assess(referralCase({ measurements }), {
      instruments: [pdss],
      policy: { progress: { paired: { anxiety: "PDSS" } } },
    });
    expect(assessment.pairedProgress).toMatchObject({ anxiety: "PDSS", classification: "reliable-recovery" });
  });

  test.prop([
    fc.array(fc.integer({ min: 0, max: 27 }), { minLength: 2, maxLength: 5 }),
    fc.array(fc.integer({ min: 0, max: 21 }), { minLength: 2, maxLength: 5 }),
  ])("paired recovery never says recovered while either measure is a case", (phq, gad) => {
    const paired = pair(phq, gad).pairedProgress;
    const aCase = (phq.at(-1) as number) >= 10 || (gad.at(-1) as number) >= 8;
    if (aCase) expect([paired?.recovery, paired?.reliableRecovery, paired?.caseness.latest]).toEqual([false, false, true]);
    if (paired?.reliableImprovement === true) expect(paired.reliableDeterioration).toBe(false);
  });
});
