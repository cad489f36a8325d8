import { describe, expect, it } from "vitest";
import { InvalidInputError } from "referwell";
import { Instrument, ReferralAssessment } from "referwell/refer";
import { assess, codes, referralCase, rejection } from "./fixtures.js";

/** A PHQ-9 whose item 9 is `item9` and the other eight items `rest` each; the score is their sum. */
const phq9 = (date: string, item9: number, rest = 1) => {
  const items = [rest, rest, rest, rest, rest, rest, rest, rest, item9];
  return { instrument: "PHQ-9", date, score: items.reduce((sum, value) => sum + value, 0), items };
};
const level = (assessment: ReferralAssessment) => assessment.safety.level;
const actions = (assessment: ReferralAssessment) => assessment.safety.actions.map((action) => action.code);
const HAND_OFF = [
  "explain-reason",
  "pre-termination-counselling",
  "offer-options",
  "consent-to-share-records",
  "warm-hand-off",
  "continuity-until-transfer",
];

describe("the safety section: risk items", () => {
  it("comes first in the assessment", () => {
    expect(Object.keys(assess(referralCase()))[0]).toBe("safety");
  });

  it("with no risk signal is none, with nothing to do", () => {
    const assessment = assess(referralCase({ measurements: [phq9("2026-11-16", 0)] }));
    expect(assessment.safety).toEqual({
      level: "none",
      evidence: [{ kind: "risk-item", instrument: "PHQ-9", item: 9, date: "2026-11-16", value: 0, level: "none", open: true }],
      actions: [],
      holdsHandOff: false,
      needs: [],
    });
  });

  it("any answer above 0 on PHQ-9 item 9 asks for a same-day risk assessment and a safety plan with the US numbers", () => {
    const assessment = assess(referralCase({ measurements: [phq9("2026-11-16", 1)] }));
    expect(level(assessment)).toBe("urgent-review");
    expect(actions(assessment)).toEqual(["same-day-risk-assessment", "safety-plan", "continue-care-while-risk-is-assessed"]);
    expect(assessment.safety.actions[1]?.contacts.map((contact) => contact.number)).toEqual(["988", "911"]);
    expect(assessment.safety.evidence).toEqual([
      { kind: "risk-item", instrument: "PHQ-9", item: 9, date: "2026-11-16", value: 1, level: "urgent-review", open: true },
    ]);
  });

  it("reads the latest day with item scores, the highest answer of that day, and nothing after now", () => {
    const earlier = assess(referralCase({ measurements: [phq9("2026-11-02", 2), phq9("2026-11-16", 0)] }));
    expect(level(earlier)).toBe("none");
    const sameDay = assess(referralCase({ measurements: [phq9("2026-11-16", 0), phq9("2026-11-16", 2)] }));
    expect(sameDay.safety.evidence[0]).toMatchObject({ value: 2, level: "urgent-review" });
    const future = assess(referralCase({ measurements: [phq9("2026-11-16", 0), phq9("2026-11-30", 3)] }));
    expect(level(future)).toBe("none");
  });

  it("keeps an older positive answer open, and names the gap, when a newer score came without items", () => {
    const totalOnly = { instrument: "PHQ-9", date: "2026-11-16", score: 8 };
    const assessment = assess(referralCase({ measurements: [phq9("2026-11-02", 2), totalOnly] }));
    expect(level(assessment)).toBe("urgent-review");
    expect(assessment.safety.needs).toEqual(["measurements:PHQ-9.items"]);
    expect(assess(referralCase({ measurements: [totalOnly] })).safety).toMatchObject({
      level: "none",
      needs: ["measurements:PHQ-9.items"],
    });
  });

  it("reads risk items before the episode started: risk does not end with an episode", () => {
    const assessment = assess(referralCase({ episode: { start: "2026-11-20" }, measurements: [phq9("2026-11-10", 1)] }));
    expect(level(assessment)).toBe("urgent-review");
  });

  it("makes CORE-10 item 6 at 3 or more a crisis, with emergency services first", () => {
    const items = [2, 2, 2, 2, 2, 3, 2, 2, 2, 2];
    const core10 = { instrument: "CORE-10", date: "2026-11-20", score: 21, items };
    const assessment = assess(referralCase({ measurements: [core10] }));
    expect(level(assessment)).toBe("crisis");
    expect(actions(assessment)).toEqual([
      "emergency-services",
      "stay-with-client",
      "same-day-risk-assessment",
      "safety-plan",
      "continue-care-while-risk-is-assessed",
    ]);
    expect(assessment.safety.actions[0]?.contacts.map((contact) => [contact.number, contact.how])).toEqual([
      ["988", "call or text"],
      ["911", "call"],
    ]);
  });
});

describe("the safety section: risk ratings", () => {
  it("maps a C-SSRS screen's low, moderate and high to review, urgent review and crisis", () => {
    const read = (rating: string) =>
      level(assess(referralCase({ risk: [{ source: "c-ssrs-screen", date: "2026-11-20", level: rating }] })));
    expect(["none", "low", "moderate", "high"].map(read)).toEqual(["none", "review", "urgent-review", "crisis"]);
  });

  it("never goes below the clinician's latest rating", () => {
    const assessment = assess(
      referralCase({ measurements: [phq9("2026-11-20", 0)], risk: [{ source: "clinician-rating", date: "2026-11-10", level: "high" }] }),
    );
    expect(level(assessment)).toBe("crisis");
  });

  it("lets a clinician's rating on or after a screen answer it, unless the policy says otherwise", () => {
    const input = referralCase({
      measurements: [phq9("2026-11-16", 2)],
      risk: [{ source: "clinician-rating", date: "2026-11-16", level: "low" }],
    });
    const answered = assess(input);
    expect(level(answered)).toBe("review");
    expect(answered.safety.evidence.map((signal) => [signal.kind, signal.open])).toEqual([
      ["risk-item", false],
      ["risk-flag", true],
    ]);
    expect(level(assess(input, { policy: { safety: { ratingAnswersScreens: false } } }))).toBe("urgent-review");
  });

  it("does not let a rating from before a screen answer it", () => {
    const input = referralCase({
      measurements: [phq9("2026-11-16", 2)],
      risk: [
        { source: "clinician-rating", date: "2026-11-09", level: "none" },
        { source: "c-ssrs-screen", date: "2026-11-18", level: "moderate" },
      ],
    });
    const assessment = assess(input);
    expect(level(assessment)).toBe("urgent-review");
    expect(assessment.safety.evidence.filter((signal) => signal.open).map((signal) => signal.kind)).toEqual([
      "risk-item",
      "risk-flag",
      "risk-flag",
    ]);
  });

  it("reads the latest rating of each source, the highest of a day, and none after now", () => {
    const risk = [
      { source: "c-ssrs-screen", date: "2026-11-01", level: "high" },
      { source: "c-ssrs-screen", date: "2026-11-20", level: "low" },
      { source: "c-ssrs-screen", date: "2026-11-20", level: "moderate" },
      { source: "c-ssrs-screen", date: "2026-11-24", level: "high" },
    ];
    expect(level(assess(referralCase({ risk })))).toBe("urgent-review");
  });
});

describe("the safety section: emergency numbers", () => {
  const crisis = { risk: [{ source: "c-ssrs-screen", date: "2026-11-20", level: "high" }] };
  const numbers = (assessment: ReferralAssessment) => assessment.safety.actions[0]?.contacts.map((contact) => contact.number);

  it("lists 999 and NHS 111 for a client in the United Kingdom", () => {
    expect(numbers(assess(referralCase({ ...crisis, client: { residence: { jurisdiction: "GB-ENG" }, coverage: [] } })))).toEqual([
      "999",
      "111",
    ]);
  });

  it("follows a move: the numbers of where the client lives today", () => {
    const client = { plannedMoves: [{ date: "2026-11-01", to: { jurisdiction: "GB-SCT" } }] };
    expect(numbers(assess(referralCase({ ...crisis, client })))).toEqual(["999", "111"]);
  });

  it("lists none where it knows none, and says the host must add them", () => {
    const assessment = assess(referralCase({ ...crisis, client: { residence: { jurisdiction: "FR" }, coverage: [] } }));
    expect(numbers(assessment)).toEqual([]);
    expect(assessment.safety.actions[0]?.summary).toContain("local emergency number");
    expect(assessment.safety.needs).toEqual(["policy.safety.emergencyContacts"]);
  });

  it("puts the host's numbers for the subdivision, then the country, before its own", () => {
    const emergencyContacts = [
      { jurisdiction: "US", contacts: [{ name: "Practice on-call line", number: "+1 503 555 0100" }] },
      { jurisdiction: "US-OR", contacts: [{ name: "County crisis line", number: "+1 503 555 0199", how: "call or text" as const }] },
    ];
    const assessment = assess(referralCase(crisis), { policy: { safety: { emergencyContacts } } });
    expect(numbers(assessment)).toEqual(["+1 503 555 0199", "+1 503 555 0100", "988", "911"]);
  });
});

describe("a risk need and an open risk with a referral", () => {
  const suicidalityFirst = {
    client: { needs: { problemAreas: ["suicidal ideation", "depression"] } },
    clinician: { problemAreas: ["anxiety"] },
  };

  it("is never by itself a need outside scope, and is a review", () => {
    const assessment = assess(referralCase(suicidalityFirst));
    expect(codes(assessment)).toEqual([]);
    expect(assessment.safety.level).toBe("review");
    expect(assessment.safety.evidence).toEqual([{ kind: "risk-need", need: "suicidality", level: "review", open: true }]);
    expect(actions(assessment)).toEqual(["review-risk", "continue-care-while-risk-is-assessed"]);
  });

  it("is answered by a clinician's rating within the episode, not by one before it", () => {
    const rated = (date: string) =>
      level(assess(referralCase({ ...suicidalityFirst, risk: [{ source: "clinician-rating", date, level: "none" }] })));
    expect(rated("2026-10-01")).toBe("none");
    expect(rated("2025-12-01")).toBe("review");
  });

  it("holds the hand-off: no ending or hand-off steps, care continues while risk is assessed", () => {
    const moving = { client: { plannedMoves: [{ date: "2026-12-15", to: { jurisdiction: "US-TX" } }] } };
    const calm = assess(referralCase(moving));
    expect(calm.refer).toBe(true);
    expect(calm.safety.holdsHandOff).toBe(false);
    expect(calm.preparation.map((step) => step.code)).toEqual(expect.arrayContaining(HAND_OFF));
    const atRisk = assess(referralCase({ ...moving, measurements: [phq9("2026-11-20", 1)] }));
    expect(atRisk.refer).toBe(true);
    expect(atRisk.safety.holdsHandOff).toBe(true);
    const steps = atRisk.preparation.map((step) => step.code);
    expect(steps[0]).toBe("continue-care-while-risk-is-assessed");
    expect(steps.filter((code) => HAND_OFF.includes(code))).toEqual([]);
  });
});

describe("item scores are checked against their instrument", () => {
  it("needs as many items as the instrument has, each in range, summing to the score", () => {
    const tooFew = { instrument: "PHQ-9", date: "2026-11-16", score: 2, items: [1, 1] };
    expect(rejection(() => assess(referralCase({ measurements: [tooFew] }))).issues).toEqual([
      { path: ["measurements", 0, "items"], code: "too-small", expected: "as many item scores as the instrument has items" },
    ]);
    const outOfRange = { ...phq9("2026-11-16", 4), score: 12 };
    expect(rejection(() => assess(referralCase({ measurements: [outOfRange] }))).issues).toEqual([
      { path: ["measurements", 0, "items", 8], code: "too-big", expected: "an item score within the instrument's item range" },
    ]);
    const wrongSum = { ...phq9("2026-11-16", 1), score: 20 };
    expect(rejection(() => assess(referralCase({ measurements: [wrongSum] }))).issues).toEqual([
      { path: ["measurements", 0, "score"], code: "invalid", expected: "the sum of the item scores" },
    ]);
    const srs = { instrument: "SRS", date: "2026-11-16", score: 30, items: [10, 10, 10] };
    expect(rejection(() => assess(referralCase({ measurements: [srs] }))).issues[0]).toMatchObject({
      path: ["measurements", 0, "items"],
      code: "invalid",
    });
  });

  it("never quotes an item score in the error", () => {
    let caught: unknown;
    try {
      assess(referralCase({ measurements: [{ instrument: "PHQ-9", date: "2026-11-16", score: 271_828, items: [271_828] }] }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect(JSON.stringify(caught) + String((caught as Error).message)).not.toContain("271828");
  });

  it("an instrument's risk items need its items, name items it has, once, with reachable thresholds", () => {
    const base = {
      id: "X-5",
      name: "X",
      measures: "outcome",
      direction: "lower-is-better",
      range: { min: 0, max: 20 },
      reliableChange: { method: "threshold", threshold: 5 },
      source: "test",
    };
    const paths = (value: unknown) => Instrument.safeParse(value).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(paths({ ...base, riskItems: [{ item: 1, from: { review: 1 } }] })).toEqual([["items", "required"]]);
    expect(
      paths({
        ...base,
        items: { count: 5, min: 0, max: 4 },
        riskItems: [
          { item: 6, from: { review: 1 } },
          { item: 6, from: { crisis: 5 } },
          { item: 2, from: { review: 0 } },
        ],
      }),
    ).toEqual([
      ["riskItems.1.item", "duplicate-id"],
      ["riskItems.0.item", "too-big"],
      ["riskItems.1.item", "too-big"],
      ["riskItems.1.from.crisis", "too-big"],
      ["riskItems.2.from.review", "too-small"],
    ]);
    expect(
      Instrument.safeParse({ ...base, items: { count: 5, min: 0, max: 4 }, riskItems: [{ item: 5, from: { review: 1 } }] }).success,
    ).toBe(true);
  });
});
