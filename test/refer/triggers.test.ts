import { describe, expect, it } from "vitest";
import { assess, codes, context, finding, NOW, referralCase, weekly } from "./fixtures.js";
import { allianceRule, EvidenceItem } from "referwell/refer";

describe("alliance (personality clash)", () => {
  const srs = (...scores: number[]) => referralCase({ measurements: weekly("SRS", "2026-09-01", scores) });

  it("three SRS scores in a row below 36 are a finding, soon", () => {
    const assessment = assess(srs(38, 35, 34, 30));
    expect(codes(assessment)).toEqual(["alliance"]);
    expect(assessment.urgency).toBe("soon");
    expect(finding(assessment, "alliance")?.evidence.map((item) => (item.kind === "score" ? item.score : undefined))).toEqual([35, 34, 30]);
  });

  it("36 is not below 36", () => {
    expect(codes(assess(srs(36, 36, 36)))).toEqual([]);
    expect(codes(assess(srs(35.9, 35.5, 35)))).toEqual(["alliance"]);
  });

  it("only the latest scores count: a repaired rupture is no finding", () => {
    expect(codes(assess(srs(30, 31, 32, 38)))).toEqual([]);
  });

  it("several scores on one day count as one session, their mean", () => {
    const sameDay = referralCase({ measurements: [30, 31, 32].map((score) => ({ instrument: "SRS", date: "2026-11-17", score })) });
    expect(codes(assess(sameDay))).toEqual([]);
    expect(assess(sameDay).unevaluated).toContainEqual({ rule: "alliance", needs: ["measurements:alliance", "sessions"] });
    // 30, 30, then 38 and 20 on one day (mean 29): three low sessions in a row.
    const measurements = [
      { instrument: "SRS", date: "2026-11-03", score: 30 },
      { instrument: "SRS", date: "2026-11-10", score: 30 },
      { instrument: "SRS", date: "2026-11-17", score: 38 },
      { instrument: "SRS", date: "2026-11-17", score: 20 },
    ];
    const assessment = assess(referralCase({ measurements }));
    expect(codes(assessment)).toEqual(["alliance"]);
    expect(finding(assessment, "alliance")?.evidence.map((item) => (item.kind === "score" ? [item.date, item.score] : undefined))).toEqual([
      ["2026-11-03", 30],
      ["2026-11-10", 30],
      ["2026-11-17", 29],
    ]);
  });

  it("fewer scores than the policy asks for cannot be judged", () => {
    const assessment = assess(srs(30, 31));
    expect(codes(assessment)).toEqual([]);
    expect(assessment.unevaluated).toContainEqual({ rule: "alliance", needs: ["measurements:alliance", "sessions"] });
    expect(codes(assess(srs(30, 31), { policy: { alliance: { lowScoresInARow: 2 } } }))).toEqual(["alliance"]);
  });

  it("the clinician leaving the last three sessions exhausted is a finding (seed 002)", () => {
    const sessions = ["2026-11-03", "2026-11-10", "2026-11-17"].map((date) => ({ date, clinicianExhausted: true }));
    expect(codes(assess(referralCase({ sessions })))).toEqual(["alliance"]);
    const lastFine = [...sessions.slice(0, 2), { date: "2026-11-17", clinicianExhausted: false }];
    expect(codes(assess(referralCase({ sessions: lastFine })))).toEqual([]);
  });

  it("sessions after now or before the episode do not count", () => {
    const sessions = ["2025-11-03", "2026-11-10", "2026-11-17", "2026-11-24"].map((date) => ({ date, clinicianExhausted: true }));
    const outcome = allianceRule.evaluate(context(referralCase({ sessions })));
    expect(outcome).toStrictEqual({ needs: ["measurements:alliance", "sessions"] });
  });
});

describe("evidence", () => {
  it("ids are single tokens, never sentences", () => {
    expect(EvidenceItem.safeParse({ kind: "id", fact: "modality-wanted", id: "Client said she hates CBT" }).success).toBe(false);
    expect(EvidenceItem.safeParse({ kind: "id", fact: "modality-wanted", id: "emdr" }).success).toBe(true);
  });

  it("a need outside scope that no code list knows is counted, not named", () => {
    const assessment = assess(referralCase({ client: { needs: { problemAreas: ["my landlord keeps shouting at me"] } } }));
    expect(finding(assessment, "outside-scope")?.evidence).toStrictEqual([{ kind: "count", fact: "unlisted-problem-areas", count: 1 }]);
  });
});

describe("outside scope", () => {
  it("a primary need the clinician does not treat is a finding, soon, requiring that need", () => {
    const assessment = assess(referralCase({ client: { needs: { problemAreas: ["Eating disorders", "depression"] } } }));
    expect(codes(assessment)).toEqual(["outside-scope"]);
    expect(finding(assessment, "outside-scope")?.criteria.require.problemAreas).toEqual(["Eating disorders"]);
    expect(assessment.criteria.require.problemAreas).toEqual(["Eating disorders"]);
  });

  it("synonyms count as the code they stand for", () => {
    expect(codes(assess(referralCase({ client: { needs: { problemAreas: ["PTSD"] } } })))).toEqual([]);
  });

  it("a secondary need outside scope counts only when the policy says all needs", () => {
    const input = referralCase({ client: { needs: { problemAreas: ["depression", "gambling"] } } });
    expect(codes(assess(input))).toEqual([]);
    expect(codes(assess(input, { policy: { scope: "all" } }))).toEqual(["outside-scope"]);
  });

  it("a clinician who lists no problem areas cannot be judged", () => {
    const assessment = assess(referralCase({ clinician: { problemAreas: [] } }));
    expect(assessment.unevaluated).toContainEqual({ rule: "outside-scope", needs: ["clinician.problemAreas"] });
  });
});

describe("treatment disagreement", () => {
  it("wanting a modality the clinician does not offer is a finding, routine, requiring it", () => {
    const assessment = assess(referralCase({ client: { preferences: { modalities: ["EMDR"] } } }));
    expect(codes(assessment)).toEqual(["treatment-disagreement"]);
    expect(assessment.urgency).toBe("routine");
    expect(assessment.criteria.require.modalities).toEqual(["EMDR"]);
  });

  it("a modality offered under another name is no disagreement", () => {
    expect(codes(assess(referralCase({ client: { preferences: { modalities: ["Cognitive Behavioural Therapy"] } } })))).toEqual([]);
  });

  it("a list of preferences is no disagreement while the clinician offers any of them", () => {
    expect(codes(assess(referralCase({ client: { preferences: { modalities: ["EMDR", "CBT"] } } })))).toEqual([]);
    expect(codes(assess(referralCase({ client: { preferences: { modalities: ["EMDR", "IFS", "ACT"] } } })))).toEqual([]);
  });

  it("when none of several preferences is offered, they are preferred in the criteria, not all required", () => {
    const assessment = assess(referralCase({ client: { preferences: { modalities: ["EMDR", "IFS"] } } }));
    expect(codes(assessment)).toEqual(["treatment-disagreement"]);
    expect(finding(assessment, "treatment-disagreement")?.criteria.require.modalities).toEqual([]);
    expect(finding(assessment, "treatment-disagreement")?.criteria.prefer.modalities).toEqual(["EMDR", "IFS"]);
    expect(assessment.criteria.require.modalities).toEqual([]);
    expect(assessment.criteria.prefer.modalities).toEqual(["EMDR", "IFS"]);
    // Two spellings of one modality are one preference: it is required.
    const one = assess(
      referralCase({ client: { preferences: { modalities: ["EMDR", "Eye Movement Desensitization and Reprocessing"] } } }),
    );
    expect(one.criteria.require.modalities).toEqual(["EMDR"]);
  });

  it("a clinician who lists no modalities cannot be judged on the client's preferences", () => {
    const input = referralCase({ client: { preferences: { modalities: ["EMDR"] } }, clinician: { modalities: [] } });
    const assessment = assess(input);
    expect(codes(assessment)).toEqual([]);
    expect(assessment.unevaluated).toContainEqual({ rule: "treatment-disagreement", needs: ["clinician.modalities"] });
    // A recorded disagreement still counts; the preferences stay unjudged.
    const recorded = assess({ ...input, disagreements: [{ recorded: "2026-11-10", about: "goals" }] });
    expect(codes(recorded)).toEqual(["treatment-disagreement"]);
    expect(recorded.criteria.require.modalities).toEqual([]);
    expect(recorded.unevaluated).toContainEqual({ rule: "treatment-disagreement", needs: ["clinician.modalities"] });
  });

  it("disagreements recorded before the episode began do not count", () => {
    expect(codes(assess(referralCase({ disagreements: [{ recorded: "2025-12-01", about: "goals" }] })))).toEqual([]);
    expect(codes(assess(referralCase({ disagreements: [{ recorded: "2026-01-05", about: "goals" }] })))).toEqual([
      "treatment-disagreement",
    ]);
  });

  it("evidence names only listed modalities; the client's own words stay out of it", () => {
    const assessment = assess(referralCase({ client: { preferences: { modalities: ["EMDR", "the one my friend had"] } } }));
    expect(finding(assessment, "treatment-disagreement")?.evidence).toStrictEqual([
      { kind: "id", fact: "modality-wanted", id: "emdr" },
      { kind: "count", fact: "unlisted-modalities-wanted", count: 1 },
    ]);
  });

  it("recorded disagreements count until resolved, from the day they are recorded", () => {
    const recorded = (resolved: boolean, date = "2026-11-10") =>
      referralCase({ disagreements: [{ recorded: date, about: "goals", resolved }] });
    expect(codes(assess(recorded(false)))).toEqual(["treatment-disagreement"]);
    expect(codes(assess(recorded(true)))).toEqual([]);
    expect(codes(assess(recorded(false, "2026-11-24")))).toEqual([]);
  });
});

describe("moving", () => {
  const moving = (date: string, to = "US-WA", overrides: Record<string, unknown> = {}) =>
    referralCase({ client: { plannedMoves: [{ date, to: { jurisdiction: to } }] }, ...overrides });

  it("a move next month is a finding now, with its date; the receiving clinician is chosen for where the client will live", () => {
    const assessment = assess(moving("2026-12-15"));
    expect(finding(assessment, "moving")).toMatchObject({ urgency: "soon", date: "2026-12-15" });
    expect(assessment.criteria.startDate).toBe("2026-12-15");
    expect(assessment.criteria.location.jurisdiction).toBe("US-WA");
  });

  it("urgency follows the date: within 14 days urgent, within 45 soon, later routine", () => {
    expect(finding(assess(moving("2026-12-07")), "moving")?.urgency).toBe("urgent"); // 14 days
    expect(finding(assess(moving("2026-12-08")), "moving")?.urgency).toBe("soon"); // 15 days
    expect(finding(assess(moving("2027-01-07")), "moving")?.urgency).toBe("soon"); // 45 days
    expect(finding(assess(moving("2027-01-08")), "moving")?.urgency).toBe("routine"); // 46 days
  });

  it("only within the look-ahead (120 days by default)", () => {
    expect(codes(assess(moving("2027-03-23")))).toEqual(["moving"]);
    expect(codes(assess(moving("2027-03-24")))).toEqual([]);
    expect(codes(assess(moving("2027-03-24"), { policy: { lookAheadDays: 200 } }))).toEqual(["moving"]);
  });

  it("a move within the same jurisdiction is no finding", () => {
    expect(codes(assess(moving("2026-12-15", "US-OR")))).toEqual([]);
  });

  it("can continue: a move where the clinician is licensed is a notice with continue-by-telehealth, and says no goodbye", () => {
    const licensed = assess(
      moving("2026-12-15", "US-WA", { clinician: { licensure: { licenses: [{ jurisdiction: "US-OR" }, { jurisdiction: "US-WA" }] } } }),
    );
    expect(licensed.refer).toBe(false);
    expect(licensed.findings).toEqual([]);
    expect(licensed.preparation).toEqual([]);
    const notice = licensed.notices.find((entry) => entry.code === "moving");
    expect(notice).toMatchObject({ rule: "moving", date: "2026-12-15" });
    expect(notice?.alternatives).toStrictEqual([
      {
        kind: "continue-by-telehealth",
        summary: "Continue by telehealth: authorized in US-WA by a licence for US-WA.",
        explanation: "I can keep seeing you by video after you move.",
        basis: { via: "license", jurisdiction: "US-WA" },
      },
    ]);
    expect(notice?.explanation).toBe("You're moving on 15 December 2026, and we can keep working together by video after you move.");
    expect(notice?.summary).toBe(
      "Moves to US-WA on 2026-12-15; Ana Ruiz may keep practising there. No referral: Continue by telehealth: authorized in US-WA by a licence for US-WA.",
    );
    // The criteria stay the client's own: no receiving clinician is being chosen for the new place.
    expect(licensed.criteria.startDate).toBe(NOW);
  });

  it("can continue under a compact privilege; nothing in the client's words says goodbye", () => {
    const compacts = [{ id: "psypact", name: "PSYPACT", members: ["US-OR", "US-WA"], modes: ["telehealth"], source: "test" }];
    const compact = assess(
      moving("2026-12-15", "US-WA", {
        compacts,
        clinician: { licensure: { licenses: [{ jurisdiction: "US-OR" }], compacts: [{ compactId: "psypact" }] } },
      }),
    );
    expect(codes(compact)).toEqual([]);
    const notice = compact.notices.find((entry) => entry.code === "moving");
    expect(notice?.alternatives[0]?.basis).toStrictEqual({ via: "compact", compactId: "psypact" });
    const words = [notice?.explanation, ...(notice?.alternatives ?? []).map((alternative) => alternative.explanation)].join(" ");
    expect(words).not.toMatch(/goodbye|before you go|find a (good )?therapist|another therapist|refer/i);
  });

  it("must refer: a move where the clinician is not authorized says why, and keeps the finding", () => {
    const found = finding(assess(moving("2026-12-15")), "moving");
    expect(found?.summary).toBe(
      "Moves to US-WA on 2026-12-15; Ana Ruiz has no office in US-WA and is not authorized to practise in US-WA by telehealth.",
    );
    expect(found?.explanation).toBe(
      "You're moving on 15 December 2026, and I'm not licensed to keep seeing you where you'll live. I'd like to help you find a good therapist there before you go.",
    );
    expect(found?.alternatives).toEqual([]);
  });

  it("no telehealth alternative from a clinician without telehealth", () => {
    const licensure = { licenses: [{ jurisdiction: "US-OR" }, { jurisdiction: "US-WA" }] };
    const found = finding(assess(moving("2026-12-15", "US-WA", { clinician: { licensure, telehealth: false } })), "moving");
    expect(found?.alternatives).toEqual([]);
    expect(found?.summary).toBe("Moves to US-WA on 2026-12-15; Ana Ruiz offers no telehealth and has no office in US-WA.");
  });

  it("a client who attends only in person, moving where the clinician is licensed but has no office: worded by that reason, with telehealth still offered", () => {
    const licensure = { licenses: [{ jurisdiction: "US-OR" }, { jurisdiction: "US-WA" }] };
    const inPerson = (date: string) => {
      const input = moving(date, "US-WA", { clinician: { licensure } });
      (input["client"] as Record<string, unknown>)["preferences"] = { mode: "in-person" };
      return input;
    };
    const found = finding(assess(inPerson("2026-12-15")), "moving");
    expect(found?.summary).toBe(
      "Moves to US-WA on 2026-12-15; Ana Ruiz has no office in US-WA; telehealth is possible there (a licence for US-WA) if the client, who attends in person, agrees.",
    );
    expect(found?.summary).not.toContain("not authorized");
    expect(found?.explanation).toBe(
      "You're moving on 15 December 2026, and I don't have an office near your new home, so we couldn't keep meeting in person. We could keep meeting by video if that works for you, or I can help you find a good therapist there before you go.",
    );
    expect(found?.alternatives.map((alternative) => [alternative.kind, alternative.basis])).toEqual([
      ["continue-by-telehealth", { via: "license", jurisdiction: "US-WA" }],
    ]);
    // Already moved: still a finding, since the only way to continue is one the client has not chosen.
    const moved = finding(assess(inPerson("2026-11-01")), "moving");
    expect(moved?.urgency).toBe("urgent");
    expect(moved?.explanation).toMatch(/^You now live too far from my office to keep meeting in person\./);
  });

  it("a move already made during the episode is urgent while the clinician cannot practise there, and no finding once they can", () => {
    const moved = assess(moving("2026-11-01"));
    expect(finding(moved, "moving")).toMatchObject({ urgency: "urgent", date: "2026-11-01" });
    expect(moved.criteria.startDate).toBe("2026-11-23");
    expect(moved.criteria.location.jurisdiction).toBe("US-WA");
    const licensed = { licensure: { licenses: [{ jurisdiction: "US-OR" }, { jurisdiction: "US-WA" }] } };
    expect(codes(assess(moving("2026-11-01", "US-WA", { clinician: licensed })))).toEqual([]);
    expect(codes(assess(moving("2025-11-01")))).toEqual([]); // before the episode
  });
});

describe("away (a stay elsewhere)", () => {
  const staying = (period: Record<string, string>, overrides: Record<string, unknown> = {}, to = "US-WA") => {
    const { client: clientOverrides = {}, ...rest } = overrides as { client?: Record<string, unknown> };
    return referralCase({ client: { stays: [{ place: { jurisdiction: to }, period }], ...clientOverrides }, ...rest });
  };
  const away = (assessment: ReturnType<typeof assess>) => assessment.notices.filter((notice) => notice.code === "away");
  /** A case whose client has these stays, each `[place, start, end]`. */
  const withStays = (...spans: [string, string, string][]) =>
    referralCase({ client: { stays: spans.map(([to, start, end]) => ({ place: { jurisdiction: to }, period: { start, end } })) } });
  const licensedInWashington = { clinician: { licensure: { licenses: [{ jurisdiction: "US-OR" }, { jurisdiction: "US-WA" }] } } };

  it("a stay that ends by the horizon, where the clinician may not practise: a notice to bridge it, with pausing, and no referral", () => {
    const assessment = assess(staying({ start: "2026-12-20", end: "2027-01-05" }));
    expect(assessment.refer).toBe(false);
    expect(assessment.findings).toEqual([]);
    const [notice, ...others] = away(assessment);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ rule: "moving", date: "2026-12-20", until: "2027-01-05" });
    expect(notice?.summary).toBe(
      "Away in US-WA from 2026-12-20 to 2027-01-05; Ana Ruiz has no office in US-WA and is not authorized to practise in US-WA by telehealth: no sessions there in a way the client attends. No referral; bridge the stay.",
    );
    expect(notice?.explanation).toBe(
      "While you're away from 20 December 2026 to 5 January 2027, you'll be somewhere I'm not licensed to see you. Let's plan for those days together.",
    );
    expect(notice?.alternatives).toStrictEqual([
      {
        kind: "pause-while-away",
        summary: "Pause sessions from 2026-12-20 and resume on 2027-01-06, when the client is back.",
        explanation: "We could pause our sessions while you're away and pick up again on 6 January 2027, when you're back.",
      },
    ]);
    expect(notice?.evidence).toStrictEqual([
      { kind: "place", fact: "staying-in", jurisdiction: "US-WA" },
      { kind: "date", fact: "stay-start", date: "2026-12-20" },
      { kind: "date", fact: "stay-end", date: "2027-01-05" },
    ]);
  });

  it("a stay with no end, where the clinician may not practise: a finding as urgent as the stay is close, with care from its first day there", () => {
    const assessment = assess(staying({ start: "2026-12-20" }));
    expect(finding(assessment, "away")).toMatchObject({ rule: "moving", urgency: "soon", date: "2026-12-20", careFrom: "2026-12-20" });
    expect(finding(assessment, "away")?.summary).toBe(
      "Away in US-WA from 2026-12-20, with no end date; Ana Ruiz has no office in US-WA and is not authorized to practise in US-WA by telehealth.",
    );
    expect(finding(assessment, "away")?.explanation).toBe(
      "While you're away from 20 December 2026, you'll be somewhere I'm not licensed to see you. I'd like to help you find a good therapist there for that time.",
    );
    expect(finding(assessment, "away")?.alternatives).toEqual([]);
    // The receiving clinician must be licensed where the client will be: the criteria carry the stay.
    expect(assessment.criteria.startDate).toBe("2026-12-20");
    expect(assessment.criteria.stays).toEqual([{ place: { jurisdiction: "US-WA" }, period: { start: "2026-12-20" } }]);
    expect(finding(assess(staying({ start: "2026-12-07" })), "away")?.urgency).toBe("urgent");
    expect(finding(assess(staying({ start: "2027-01-08" })), "away")?.urgency).toBe("routine");
  });

  it("only a short stay is paused through: up to awayPauseDays (28) and by the horizon; a longer one is a referral for care there", () => {
    // 28 days, 20 December to 16 January: bridged. 29 days: a finding, which still offers the pause.
    expect(away(assess(staying({ start: "2026-12-20", end: "2027-01-16" })))).toHaveLength(1);
    const longer = assess(staying({ start: "2026-12-20", end: "2027-01-17" }));
    expect(codes(longer)).toEqual(["away"]);
    expect(finding(longer, "away")?.alternatives.map((alternative) => alternative.kind)).toEqual(["pause-while-away"]);
    expect(away(assess(staying({ start: "2026-12-20", end: "2027-01-17" }), { policy: { awayPauseDays: 29 } }))).toHaveLength(1);
    // The horizon is 120 days on (2027-03-23): a stay ending after it is a referral, however long the pause allowed.
    const generous = { policy: { awayPauseDays: 365 } };
    expect(codes(assess(staying({ start: "2027-03-01", end: "2027-03-23" }), generous))).toEqual([]);
    expect(codes(assess(staying({ start: "2027-03-01", end: "2027-03-24" }), generous))).toEqual(["away"]);
    expect(codes(assess(staying({ start: "2027-03-23" })))).toEqual(["away"]);
    const later = assess(staying({ start: "2027-03-24" }));
    expect([codes(later), away(later)]).toEqual([[], []]);
  });

  it("with a safety signal open, a stay the clinician cannot follow is never only paused", () => {
    const risk = { risk: [{ source: "clinician-rating", date: "2026-11-20", level: "high" }] };
    const assessment = assess(staying({ start: "2026-12-20", end: "2027-01-05" }, risk));
    expect(assessment.safety.level).not.toBe("none");
    expect(finding(assessment, "away")?.alternatives).toEqual([]);
    expect(away(assessment)).toEqual([]);
  });

  it("a licence that lapses while the client is away is found on the day after it ends", () => {
    const lapsing = {
      clinician: {
        licensure: { licenses: [{ jurisdiction: "US-OR" }, { jurisdiction: "US-WA", period: { start: "2020-01-01", end: "2026-12-31" } }] },
      },
    };
    const assessment = assess(staying({ start: "2026-12-20", end: "2027-06-05" }, lapsing));
    expect(finding(assessment, "away")).toMatchObject({ urgency: "soon", date: "2027-01-01", careFrom: "2027-01-01" });
    expect(finding(assessment, "away")?.summary).toBe(
      "Away in US-WA from 2026-12-20 to 2027-06-05; Ana Ruiz has no office in US-WA and is not authorized to practise in US-WA by telehealth from 2027-01-01.",
    );
    expect(finding(assessment, "away")?.explanation).toBe(
      "While you're away from 1 January 2027 to 5 June 2027, you'll be somewhere I'm not licensed to see you. I'd like to help you find a good therapist there for that time.",
    );
    expect(away(assessment)).toEqual([]);
    // Renewed from the next day: nothing lapses.
    const renewed = {
      clinician: {
        licensure: {
          licenses: [
            { jurisdiction: "US-OR" },
            { jurisdiction: "US-WA", period: { start: "2020-01-01", end: "2026-12-31" } },
            { jurisdiction: "US-WA", period: { start: "2027-01-01" } },
          ],
        },
      },
    };
    expect(codes(assess(staying({ start: "2026-12-20", end: "2027-06-05" }, renewed)))).toEqual([]);
  });

  it("a lapse is found for a compact privilege too, and the urgency and words follow the day it lapses, for a stay under way as well", () => {
    const compacts = [{ id: "psypact", name: "PSYPACT", members: ["US-OR", "US-WA"], modes: ["telehealth"], source: "test" }];
    const privilege = (end: string) => ({
      compacts,
      clinician: {
        licensure: { licenses: [{ jurisdiction: "US-OR" }], compacts: [{ compactId: "psypact", period: { start: "2020-01-01", end } }] },
      },
    });
    expect(codes(assess(staying({ start: "2026-12-20", end: "2027-06-05" }, privilege("2027-12-31"))))).toEqual([]);
    const lapsed = finding(assess(staying({ start: "2026-12-20", end: "2027-06-05" }, privilege("2027-01-31"))), "away");
    // From 1 February, 70 days on: routine, though the stay starts within 45.
    expect(lapsed).toMatchObject({ urgency: "routine", date: "2027-02-01", careFrom: "2027-02-01" });
    const underWay = finding(assess(staying({ start: "2026-11-01", end: "2027-06-05" }, privilege("2026-12-31"))), "away");
    expect(underWay).toMatchObject({ urgency: "soon", date: "2027-01-01" });
    expect(underWay?.summary).toMatch(/^Away in US-WA from 2026-11-01 to 2027-06-05; .* from 2027-01-01\.$/);
    expect(underWay?.explanation).toMatch(/^While you're away from 1 January 2027 to 5 June 2027, /);
  });

  it("stays in different places that interleave are each joined in their own place", () => {
    const interleaved = withStays(
      ["US-WA", "2026-12-01", "2026-12-10"],
      ["US-CA", "2026-12-11", "2026-12-15"],
      ["US-WA", "2026-12-11", "2026-12-20"],
    );
    expect(away(assess(interleaved)).map((notice) => [notice.date, notice.until])).toEqual([
      ["2026-12-01", "2026-12-20"],
      ["2026-12-11", "2026-12-15"],
    ]);
  });

  it("stays in one place that touch are one stay; a pause needs the client back where they live the day after", () => {
    const split = withStays(
      ["US-WA", "2027-02-01", "2027-06-30"],
      ["US-WA", "2026-12-01", "2027-01-31"],
      ["US-WA", "2026-12-05", "2026-12-10"],
      ["US-WA", "2026-12-01", "2027-01-31"],
    );
    const whole = assess(staying({ start: "2026-12-01", end: "2027-06-30" }));
    expect(JSON.stringify(assess(split).findings)).toBe(JSON.stringify(whole.findings));
    expect(whole.findings).toHaveLength(1);
    // Straight on to another stay elsewhere: the pause runs to the day the client is back, over both, and each is paused through.
    const onwards = (last: string) => assess(withStays(["US-CA", "2027-01-06", last], ["US-WA", "2026-12-20", "2027-01-05"]));
    const back = (assessment: ReturnType<typeof assess>) =>
      away(assessment).map((notice) => [notice.date, notice.alternatives.map((alternative) => alternative.summary)]);
    expect(codes(onwards("2027-01-10"))).toEqual([]);
    expect(back(onwards("2027-01-10"))).toEqual([
      ["2026-12-20", ["Pause sessions from 2026-12-20 and resume on 2027-01-11, when the client is back."]],
      ["2027-01-06", ["Pause sessions from 2027-01-06 and resume on 2027-01-11, when the client is back."]],
    ]);
    // 20 December to 16 January is 28 days away; to 17 January, 29: the first stay is then a referral, the second still paused through.
    expect(codes(onwards("2027-01-16"))).toEqual([]);
    expect(codes(onwards("2027-01-17"))).toEqual(["away"]);
    expect(finding(onwards("2027-01-17"), "away")?.date).toBe("2026-12-20");
    // Away past the horizon on the second stay: nothing to pause until within it.
    expect(finding(onwards("2027-06-01"), "away")?.alternatives.map((alternative) => alternative.kind)).toEqual(["pause-while-away"]);
    // Back home on a day the clinician may no longer practise there: nothing to pause until.
    const lapsingAtHome = {
      clinician: { licensure: { licenses: [{ jurisdiction: "US-OR", period: { start: "2020-01-01", end: "2026-12-31" } }] } },
    };
    const stranded = assess(staying({ start: "2026-12-20", end: "2027-01-05" }, lapsingAtHome));
    expect(codes(stranded)).toEqual(["away"]);
    expect(finding(stranded, "away")?.alternatives).toEqual([]);
    // Moving while away: not back where they lived.
    const moving = staying(
      { start: "2026-12-20", end: "2027-01-10" },
      { client: { plannedMoves: [{ date: "2027-01-01", to: { jurisdiction: "US-CA" } }] } },
    );
    expect(codes(assess(moving))).toEqual(["away", "moving"]);
    expect(finding(assess(moving), "away")?.alternatives).toEqual([]);
  });

  it("a stay under way is checked today, and named by its own dates; one already over is nothing", () => {
    const assessment = assess(staying({ start: "2026-11-01", end: "2027-06-05" }));
    expect(finding(assessment, "away")).toMatchObject({ urgency: "urgent", date: "2026-11-23", careFrom: "2026-11-23" });
    expect(finding(assessment, "away")?.summary).toMatch(/^Away in US-WA from 2026-11-01 to 2027-06-05; /);
    expect(finding(assessment, "away")?.explanation).toMatch(/^While you're away until 5 June 2027, you'll be somewhere /);
    const bridged = away(assess(staying({ start: "2026-11-01", end: "2026-12-05" })))[0];
    expect(bridged).toMatchObject({ date: "2026-11-23", until: "2026-12-05" });
    expect(bridged?.explanation).toMatch(/^While you're away until 5 December 2026, /);
    const over = assess(staying({ start: "2026-10-01", end: "2026-11-22" }));
    expect([codes(over), away(over)]).toEqual([[], []]);
    expect(away(assess(staying({ start: "2026-10-01", end: "2026-11-23" })))).toHaveLength(1);
  });

  it("where the clinician may keep practising, a notice that says so and no goodbye", () => {
    const assessment = assess(staying({ start: "2026-12-20", end: "2027-06-05" }, licensedInWashington));
    expect(assessment.refer).toBe(false);
    const [notice] = away(assessment);
    expect(notice?.summary).toBe(
      "Away in US-WA from 2026-12-20 to 2027-06-05; Ana Ruiz may keep practising there. No referral: Continue by telehealth: authorized in US-WA by a licence for US-WA.",
    );
    expect(notice?.explanation).toBe("While you're away from 20 December 2026 to 5 June 2027, we can keep working together by video.");
    expect(notice?.alternatives).toStrictEqual([
      {
        kind: "continue-by-telehealth",
        summary: "Continue by telehealth: authorized in US-WA by a licence for US-WA.",
        explanation: "I can keep seeing you by video while you're away.",
        basis: { via: "license", jurisdiction: "US-WA" },
      },
    ]);
    const words = [notice?.explanation, ...(notice?.alternatives ?? []).map((alternative) => alternative.explanation)].join(" ");
    expect(words).not.toMatch(/goodbye|before you go|find a (good )?therapist|another therapist|refer|move/i);
  });

  it("a client who attends either way, away where the clinician has an office and a licence: both ways, and not 'by video' alone", () => {
    const office = { id: "sea", jurisdiction: "US-WA", point: { lat: 47.61, lon: -122.33 } };
    const both = { clinician: { ...licensedInWashington.clinician, locations: [office] } };
    const [notice] = away(assess(staying({ start: "2026-12-20", end: "2027-01-05" }, both)));
    expect(notice?.alternatives.map((alternative) => alternative.kind)).toEqual(["continue-by-telehealth", "continue-in-person"]);
    expect(notice?.explanation).toBe("While you're away from 20 December 2026 to 5 January 2027, we can keep working together.");
  });

  it("a stay where the client lives that day is nothing: at home, or where a planned move has taken them", () => {
    expect(away(assess(staying({ start: "2026-12-20" }, {}, "US-OR")))).toEqual([]);
    const moved = assess(
      staying(
        { start: "2027-01-10", end: "2027-02-01" },
        { client: { plannedMoves: [{ date: "2027-01-01", to: { jurisdiction: "US-WA" } }] } },
      ),
    );
    expect(away(moved)).toEqual([]);
    expect(codes(moved)).toEqual(["moving"]);
  });

  it("a client who attends only in person, away where the clinician has no office: worded by that reason, with telehealth still offered", () => {
    const input = staying(
      { start: "2026-12-20", end: "2027-01-05" },
      {
        clinician: {
          ...licensedInWashington.clinician,
          locations: [{ id: "pdx", jurisdiction: "US-OR", point: { lat: 45.52, lon: -122.68 } }],
        },
        client: { preferences: { mode: "in-person" } },
      },
    );
    const [notice] = away(assess(input));
    expect(notice?.summary).toBe(
      "Away in US-WA from 2026-12-20 to 2027-01-05; Ana Ruiz has no office in US-WA; telehealth is possible there (a licence for US-WA) if the client, who attends in person, agrees: no sessions there in a way the client attends. No referral; bridge the stay.",
    );
    expect(notice?.explanation).toBe(
      "While you're away from 20 December 2026 to 5 January 2027, you'll be too far from my office to meet in person. We could meet by video while you're away, if that works for you. Let's plan for those days together.",
    );
    expect(notice?.alternatives.map((alternative) => [alternative.kind, alternative.explanation])).toEqual([
      ["continue-by-telehealth", "I can keep seeing you by video while you're away."],
      ["pause-while-away", "We could pause our sessions while you're away and pick up again on 6 January 2027, when you're back."],
    ]);
  });
});

describe("impartiality", () => {
  it("a conflict declared with the treating clinician is a finding, soon, excluding them", () => {
    const assessment = assess(
      referralCase({ client: { conflicts: [{ clinicianId: "clin-ana", kind: "dual-relationship", declared: "2026-11-10" }] } }),
    );
    expect(codes(assessment)).toEqual(["impartiality"]);
    expect(assessment.urgency).toBe("soon");
    expect(finding(assessment, "impartiality")?.evidence).toStrictEqual([
      { kind: "id", fact: "clinician", id: "clin-ana" },
      { kind: "id", fact: "conflict-kind", id: "dual-relationship" },
      { kind: "date", fact: "declared", date: "2026-11-10" },
    ]);
    expect(assessment.criteria.require.excludeClinicianIds).toEqual(["clin-ana"]);
  });

  it("a conflict declared in the future is no finding yet", () => {
    const declared = (date: string) =>
      referralCase({ client: { conflicts: [{ clinicianId: "clin-ana", kind: "dual-relationship", declared: date }] } });
    expect(codes(assess(declared("2026-11-24")))).toEqual([]);
    expect(codes(assess(declared("2026-11-23")))).toEqual(["impartiality"]);
  });

  it("a conflict with another clinician is no reason to refer, but that clinician stays excluded", () => {
    const assessment = assess(referralCase({ client: { conflicts: [{ clinicianId: "clin-ben", kind: "conflict-of-interest" }] } }));
    expect(assessment.refer).toBe(false);
    expect(assessment.criteria.require.excludeClinicianIds).toEqual(["clin-ben"]);
  });
});
