import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Client, createVocabulary, Directory, MatchCriteria, validate } from "referwell";
import { createMatcher, MatcherOptions } from "referwell/match";
import { assessPanelExit, assessReferral, builtInRules, defineReferralRule, ReferralAssessment } from "referwell/refer";
import { deepFreeze } from "../support/deepFreeze.js";
import { untyped } from "../support/untyped.js";
import { assess, codes, context, NOW, referralCase, rejection, vocabulary, weekly } from "./fixtures.js";

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../examples/data/${name}`, import.meta.url), "utf8"));

/** A change of insurance: Aetna since 2025 until `lastDay`, Cigna from the day after (each of `program` when given). */
function switching(lastDay: string, program?: "commercial") {
  const firstDay = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const of = program === undefined ? {} : { program };
  return [
    { payerId: "aetna", ...of, period: { start: "2025-01-01", end: lastDay } },
    { payerId: "cigna", ...of, period: { start: firstDay } },
  ];
}

interface Histories {
  episodes: { clientId: string; clinicianId?: string; start: string; status: string }[];
  measurements: { clientId: string; instrument: string; date: string; score: number }[];
}

describe("the sample practice, week of 2026-11-23", () => {
  const directory = validate(Directory, read("directory.json"), "directory");
  const clients = validate(Client.array(), read("clients.json"), "clients");
  const histories = read("histories.json") as Histories;
  const assessments = new Map<string, ReferralAssessment>(
    histories.episodes
      .filter((episode) => episode.status === "active")
      .map((episode) => [
        episode.clientId,
        assessReferral(
          {
            client: clients.find((c) => c.id === episode.clientId) as Client,
            clinician: directory.clinicians.find((c) => c.id === episode.clinicianId) as (typeof directory.clinicians)[number],
            episode: { start: episode.start },
            measurements: histories.measurements.filter((m) => m.clientId === episode.clientId),
            compacts: directory.compacts,
          },
          { now: NOW, vocabulary },
        ),
      ]),
  );
  const summary = (id: string) => {
    const assessment = assessments.get(id) as ReferralAssessment;
    return [assessment.refer, assessment.urgency, codes(assessment)];
  };

  it.each([
    ["cl-01", "no progress on PHQ-9 and GAD-7", [true, "routine", ["no-progress"]]],
    ["cl-02", "changed to a payer not on Ben's panels", [true, "urgent", ["insurance-changed"]]],
    ["cl-03", "moving to US-WA on 2026-12-15, where Elif may keep practising by telehealth", [false, "routine", []]],
    ["cl-04", "eating disorder outside Hana's scope", [true, "soon", ["outside-scope"]]],
    ["cl-05", "declared conflict with Chloe", [true, "soon", ["impartiality"]]],
    ["cl-06", "low SRS alliance, and no progress", [true, "soon", ["alliance", "no-progress"]]],
    ["cl-07", "cannot afford Grace's fee", [true, "soon", ["cannot-afford"]]],
    ["cl-08", "wants EMDR, and trauma is outside Ana's scope", [true, "soon", ["outside-scope", "treatment-disagreement"]]],
    ["cl-09", "recovered", [false, "routine", []]],
    ["cl-10", "deteriorating", [true, "urgent", ["deterioration"]]],
    ["cl-11", "below caseness, no finding", [false, "routine", []]],
    ["cl-12", "too few measurements yet", [false, "routine", []]],
  ])("%s: %s", (id, _why, expected) => {
    expect(summary(id)).toEqual(expected);
  });

  it("cl-03 may continue by telehealth under the Counseling Compact: a notice, not a referral", () => {
    const moving = assessments.get("cl-03")?.notices.find((notice) => notice.code === "moving");
    expect(moving?.alternatives.map((alternative) => [alternative.kind, alternative.basis])).toEqual([
      ["continue-by-telehealth", { via: "compact", compactId: "counseling-compact" }],
    ]);
  });

  it("cl-08's criteria require trauma care and EMDR, and exclude Ana", () => {
    const criteria = assessments.get("cl-08")?.criteria;
    expect(criteria?.require.problemAreas).toEqual(["trauma"]);
    expect(criteria?.require.modalities).toEqual(["EMDR"]);
    expect(criteria?.require.excludeClinicianIds).toEqual(["clin-ana"]);
  });

  it("every assessment is valid as its schema says, and its criteria are MatchCriteria as they are", () => {
    for (const assessment of assessments.values()) {
      expect(ReferralAssessment.parse(assessment)).toStrictEqual(assessment);
      expect(MatchCriteria.parse(assessment.criteria)).toStrictEqual(assessment.criteria);
    }
  });

  it("explanations for clients carry no codes, no scores and no ids", () => {
    const forbidden = [
      // Codes (the kebab-case ones; plain words such as "moving" may appear as words), instruments and jargon.
      ...builtInRules.map((rule) => rule.id).filter((id) => id.includes("-")),
      "no-progress",
      "PHQ",
      "GAD",
      "SRS",
      "caseness",
      "reliable",
      "superbill",
      "panel",
      "compact",
      "telehealth",
      "modality",
      ...directory.payers.map((payer) => payer.id),
      ...directory.clinicians.map((clinician) => clinician.id),
      ...clients.map((client) => client.id),
    ];
    for (const assessment of assessments.values()) {
      for (const text of assessment.findings.flatMap((finding) => [
        finding.explanation,
        ...finding.alternatives.map((a) => a.explanation),
      ])) {
        for (const word of forbidden) expect(text.toLowerCase()).not.toContain(word.toLowerCase());
        // Dates in words and amounts of money are the only numbers a client reads.
        expect(text.replace(/\d{1,2} [A-Z][a-z]+ \d{4}/g, "").replace(/\d+\.\d{2} [A-Z]{3}/g, "")).not.toMatch(/\d/);
      }
    }
  });
});

describe("assembling the assessment", () => {
  const conflicted = referralCase({
    client: {
      conflicts: [{ clinicianId: "clin-ana", kind: "prior-relationship" }],
      plannedMoves: [{ date: "2027-01-20", to: { jurisdiction: "US-WA" } }],
      needs: { problemAreas: ["gambling", "depression"] },
    },
    measurements: weekly("PHQ-9", "2026-10-05", [12, 19]),
  });

  it("findings are ordered most urgent first, and the urgency is theirs", () => {
    const assessment = assess(conflicted);
    expect(assessment.findings.map((finding) => [finding.code, finding.urgency])).toEqual([
      ["deterioration", "urgent"],
      ["impartiality", "soon"],
      ["outside-scope", "soon"],
      ["moving", "routine"],
    ]);
    expect(assessment.urgency).toBe("urgent");
    expect(assessment.criteria.urgency).toBe("urgent");
  });

  it("criteria: the client's own, from the day the most urgent finding asks for, with every addition", () => {
    // Deterioration is urgent today; the move, two months on, may not push it back: care starts today, where the client
    // lives now, and a clinician by video must be licensed where they will live after the move too.
    const { criteria } = assess(conflicted);
    expect(criteria.startDate).toBe(NOW);
    expect(criteria.location).toEqual({ jurisdiction: "US-OR" });
    expect(criteria.stays).toEqual([{ place: { jurisdiction: "US-WA" }, period: { start: "2027-01-20" } }]);
    expect(criteria.require.problemAreas).toEqual(["gambling"]);
    expect(criteria.require.excludeClinicianIds).toEqual(["clin-ana"]);
    expect(criteria.require.payment).toEqual({ payers: [{ payerId: "aetna" }] });
  });

  it("criteria: a later finding as urgent as the most urgent one moves the start date; a later change of cover adds no payers", () => {
    // An urgent move in a week beside a problem outside scope: care starts on the move, where the client will live.
    const moving = assess(
      referralCase({
        client: { plannedMoves: [{ date: "2026-11-30", to: { jurisdiction: "US-WA" } }], needs: { problemAreas: ["gambling"] } },
      }),
    );
    expect(moving.findings.map((finding) => [finding.code, finding.urgency])).toEqual([
      ["moving", "urgent"],
      ["outside-scope", "soon"],
    ]);
    expect([moving.criteria.startDate, moving.criteria.location]).toEqual(["2026-11-30", { jurisdiction: "US-WA" }]);
    // A change of insurance after an urgent need: care starts today, sought for the cover that pays then; the change is
    // still a finding of its own.
    const changing = referralCase({
      client: {
        coverage: switching("2026-12-31"),
      },
      measurements: weekly("PHQ-9", "2026-10-05", [12, 19]),
    });
    const changed = assess(changing);
    expect(changed.findings.map((finding) => [finding.code, finding.urgency, finding.careFrom])).toEqual([
      ["deterioration", "urgent", undefined],
      ["insurance-changed", "soon", "2027-01-01"],
    ]);
    expect(changed.criteria.startDate).toBe(NOW);
    expect(changed.criteria.require.payment).toEqual({ payers: [{ payerId: "aetna" }] });
  });

  it("criteria: an urgent need present now starts care today, even beside an equally urgent change to come", () => {
    // The change of cover in ten days is urgent too (within urgentWithinDays), but deterioration cannot wait for it.
    const coverage = switching("2026-12-02");
    const deteriorating = assess(referralCase({ client: { coverage }, measurements: weekly("PHQ-9", "2026-10-05", [12, 19]) }));
    expect(deteriorating.findings.map((finding) => [finding.code, finding.urgency, finding.careFrom])).toEqual([
      ["deterioration", "urgent", undefined],
      ["insurance-changed", "urgent", "2026-12-03"],
    ]);
    expect([deteriorating.criteria.startDate, deteriorating.criteria.require.payment]).toEqual([NOW, { payers: [{ payerId: "aetna" }] }]);
    // Two equally urgent changes to come, and no need before them: care starts on the first, the move, after which the
    // treating clinician may not see the client; it does not wait for the change of cover three days on.
    const moving = { coverage, plannedMoves: [{ date: "2026-11-30", to: { jurisdiction: "US-WA" } }] };
    const both = assess(referralCase({ client: moving, clinician: { telehealth: false } }));
    expect(both.findings.map((finding) => [finding.code, finding.urgency, finding.careFrom])).toEqual([
      ["insurance-changed", "urgent", "2026-12-03"],
      ["moving", "urgent", "2026-11-30"],
    ]);
    expect([both.criteria.startDate, both.criteria.location, both.criteria.require.payment]).toEqual([
      "2026-11-30",
      { jurisdiction: "US-WA" },
      { payers: [{ payerId: "aetna" }] },
    ]);
    // A need less than urgent waits for an equally urgent change a month on, so one change of clinician covers both.
    const later = switching("2026-12-22");
    const scope = assess(referralCase({ client: { coverage: later, needs: { problemAreas: ["gambling"] } } }));
    expect(scope.findings.map((finding) => [finding.code, finding.urgency])).toEqual([
      ["insurance-changed", "soon"],
      ["outside-scope", "soon"],
    ]);
    expect([scope.criteria.startDate, scope.criteria.require.payment]).toEqual(["2026-12-23", { payers: [{ payerId: "cigna" }] }]);
  });

  it("criteria: a move already made starts care today; a past change of cover does not hold back a coming move", () => {
    // The insurer changed two months ago (soon by now), and an urgent move comes in a week: the clinician may still see
    // the client until the move, so care starts on it, where the client will live, in the network they hold.
    const paying = assess(
      referralCase({
        client: {
          coverage: switching("2026-09-23", "commercial"),
          plannedMoves: [{ date: "2026-11-30", to: { jurisdiction: "US-WA" } }],
        },
        clinician: { telehealth: false },
      }),
    );
    expect(paying.findings.map((finding) => [finding.code, finding.urgency, finding.careFrom])).toEqual([
      ["moving", "urgent", "2026-11-30"],
      ["insurance-changed", "soon", "2026-09-24"],
    ]);
    expect([paying.criteria.startDate, paying.criteria.location, paying.criteria.require.payment]).toEqual([
      "2026-11-30",
      { jurisdiction: "US-WA" },
      { payers: [{ payerId: "cigna" }] },
    ]);
    const step = (assessment: ReferralAssessment, code: string) => assessment.preparation.find((found) => found.code === code);
    expect(step(paying, "continuity-until-transfer")?.summary).toMatch(/^Keep seeing the client/);
    // A move made two months ago, beside a change of cover in ten days: the clinician may not see the client where they
    // live now (a move made stays urgent), so care starts today, there, and the hand-over is today.
    const moved = assess(
      referralCase({
        client: {
          coverage: switching("2026-12-02", "commercial"),
          plannedMoves: [{ date: "2026-09-24", to: { jurisdiction: "US-WA" } }],
        },
        clinician: { telehealth: false },
      }),
    );
    expect(moved.findings.map((finding) => [finding.code, finding.urgency, finding.careFrom])).toEqual([
      ["insurance-changed", "urgent", "2026-12-03"],
      ["moving", "urgent", "2026-09-24"],
    ]);
    expect([moved.criteria.startDate, moved.criteria.location, moved.criteria.require.payment]).toEqual([
      NOW,
      { jurisdiction: "US-WA" },
      { payers: [{ payerId: "aetna" }] },
    ]);
    const continuity = step(moved, "continuity-until-transfer");
    expect([
      continuity?.dueBy,
      continuity?.summary.startsWith("You can no longer see the client"),
      step(moved, "warm-hand-off")?.dueBy,
    ]).toEqual([NOW, true, NOW]);
    // Licensed where the client now lives, the clinician may go on by video, which the finding offers: no hand-over now.
    const byVideo = assess(
      referralCase({
        client: { preferences: { mode: "in-person" }, plannedMoves: [{ date: "2026-11-01", to: { jurisdiction: "US-WA" } }] },
        clinician: { licensure: { licenses: [{ jurisdiction: "US-OR" }, { jurisdiction: "US-WA" }] } },
      }),
    );
    expect(byVideo.findings.flatMap((finding) => finding.alternatives.map((alternative) => alternative.kind))).toContain(
      "continue-by-telehealth",
    );
    expect(step(byVideo, "continuity-until-transfer")?.summary).toMatch(/^Keep seeing the client/);
  });

  it("criteria: a finding bars care only by saying so, never by its rule's id or its code", () => {
    const dated = (id: string, code: string, careFrom: string, barring: Record<string, unknown> = {}) =>
      defineReferralRule({
        id,
        source: "the host's own",
        evaluate: () => ({
          findings: [{ code, urgency: "soon", careFrom, ...barring, summary: "A change.", explanation: "Something changes." }],
        }),
      });
    const rules = [dated("moving", "away", "2026-11-28"), dated("later", "later", "2027-01-10")];
    expect(assess(referralCase(), { rules }).criteria.startDate).toBe("2027-01-10");
    // A host's rule that says so (the clinician leaves the practice on 2026-12-18): care starts by then, and the
    // hand-off and the care meanwhile are due by it.
    const leaving = dated("clinician-leaving", "clinician-leaving", "2026-12-18", { cannotContinueFrom: "2026-12-18" });
    const assessed = assess(referralCase(), { rules: [leaving, dated("later", "later", "2027-01-10")] });
    expect(assessed.findings.map((finding) => finding.cannotContinueFrom)).toEqual(["2026-12-18", undefined]);
    expect(assessed.criteria.startDate).toBe("2026-12-18");
    const due = (code: string) => assessed.preparation.find((step) => step.code === code)?.dueBy;
    expect([due("warm-hand-off"), due("continuity-until-transfer")]).toEqual(["2026-12-18", "2026-12-18"]);
    // From a day already past, with no video to offer: hand over today.
    const gone = dated("clinician-leaving", "clinician-leaving", "2026-11-01", { cannotContinueFrom: "2026-11-01" });
    const continuity = assess(referralCase(), { rules: [gone] }).preparation.find((step) => step.code === "continuity-until-transfer");
    expect([continuity?.dueBy, continuity?.summary.startsWith("You can no longer see the client")]).toEqual([NOW, true]);
    // With risk open, risk is assessed first within the contact the law allows, and nothing is ended or handed over meanwhile.
    const atRisk = assess(referralCase({ risk: [{ source: "clinician-rating", date: "2026-11-20", level: "high" }] }), { rules: [gone] });
    expect(atRisk.preparation.map((step) => step.code)).toEqual(["continue-care-while-risk-is-assessed"]);
    expect(atRisk.preparation[0]?.summary).toMatch(
      /^You can no longer see the client in a way they attend \(see the findings\), and risk is open .*: keep the contact the law allows you where they are .*no ending and no hand-off until risk is assessed/,
    );
    expect(atRisk.safety.holdsHandOff).toBe(true);
    const stillSeeing = assess(referralCase({ risk: [{ source: "clinician-rating", date: "2026-11-20", level: "high" }] }), {
      rules: [dated("later", "later", "2027-01-10")],
    });
    expect(stillSeeing.preparation[0]?.summary).toMatch(/^Keep seeing the client and assess risk first/);
  });

  it("criteria: a stay elsewhere the clinician cannot follow bars care from its first day", () => {
    // Away in Washington from 2026-12-10, where the clinician may not practise and has no video, beside a panel exit on
    // 2027-01-01, both soon: care starts when the stay does, so no day is left without a clinician who may see them.
    const away = assess(
      referralCase({
        client: { stays: [{ place: { jurisdiction: "US-WA" }, period: { start: "2026-12-10", end: "2027-04-30" } }] },
        clinician: { telehealth: false, insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01", end: "2026-12-31" } }] },
      }),
    );
    expect(away.findings.map((finding) => [finding.code, finding.urgency, finding.careFrom, finding.cannotContinueFrom])).toEqual([
      ["away", "soon", "2026-12-10", "2026-12-10"],
      ["leaving-panel", "soon", "2027-01-01", undefined],
    ]);
    expect(away.criteria.startDate).toBe("2026-12-10");
  });

  it("after a loss already past, the ways to keep paying are those of the cover the client holds now", () => {
    // The practice left the Aetna panel on 2026-11-01; the client then left Aetna, which paid out of network, for
    // Medicaid: no self-pay, superbill or out-of-network billing of Aetna may stand in for a referral.
    const leftFor = (program: string, extra: Record<string, unknown> = {}) =>
      referralCase({
        client: {
          coverage: [
            { payerId: "aetna", program: "commercial", outOfNetworkBenefits: true, period: { start: "2025-01-01", end: "2026-11-15" } },
            { payerId: "or-plan", program, period: { start: "2026-11-16" } },
          ],
          maxSelfPay: { currency: "USD", minorUnits: 20000 },
        },
        clinician: { insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01", end: "2026-10-31" } }], ...extra },
      });
    const medicaid = assess(leftFor("medicaid"), { policy: { billing: { outOfNetwork: true } } });
    expect(codes(medicaid)).toEqual(["leaving-panel"]);
    const exit = medicaid.findings[0];
    expect([exit?.date, exit?.urgency, exit?.summary, exit?.alternatives, exit?.criteria.require.payers]).toEqual([
      "2026-11-01",
      "urgent",
      "Ana Ruiz goes self-pay since 2026-11-01; the client's aetna cover no longer applies. The client has since left aetna; cover now: or-plan.",
      [],
      [{ payerId: "or-plan" }],
    ]);
    // The continuity-of-care notice of the plan's network stays for the clinician (the sessions before the client left
    // the plan), told to the client as what the plan may have covered, not as care to come.
    const continuity = medicaid.notices.find((notice) => notice.code === "continuity-of-care");
    expect(continuity?.summary).toMatch(/The client has since left it: this bears only on sessions before then\.$/);
    expect(continuity?.explanation).toMatch(/^If you were in ongoing treatment when I left your former plan's network/);
    expect(medicaid.criteria.require.payment).toEqual({ payers: [{ payerId: "or-plan" }] });
    // Two plans' networks left, and only one of the plans since: the notice speaks of the plan still held.
    const partly = assess(
      referralCase({
        client: {
          coverage: [
            { payerId: "aetna", program: "commercial", period: { start: "2025-01-01", end: "2026-11-15" } },
            { payerId: "uhc", program: "commercial", period: { start: "2025-01-01" } },
          ],
        },
        clinician: {
          insurancePanels: [
            { payerId: "aetna", period: { start: "2020-01-01", end: "2026-10-31" } },
            { payerId: "uhc", period: { start: "2020-01-01", end: "2026-10-31" } },
          ],
        },
      }),
    );
    const notice = [...partly.notices, ...partly.findings].find((entry) => entry.code === "continuity-of-care");
    expect(notice?.summary).toMatch(/^Ana Ruiz leaves the uhc network on 2026-11-01\. .*\)\.$/);
    // A commercial plan now: self-pay within the client's maximum, a superbill to it; nothing is sure of out-of-network
    // billing, since the new plan does not say it pays out of network.
    const commercial = assess(
      leftFor("commercial", {
        insurancePanels: [
          { payerId: "aetna", period: { start: "2020-01-01", end: "2026-10-31" } },
          { payerId: "kaiser", period: { start: "2020-01-01" } },
        ],
      }),
      {
        policy: { billing: { outOfNetwork: true } },
      },
    );
    const panel = commercial.notices.find((notice) => notice.code === "leaving-panel");
    expect(panel?.summary).toMatch(
      /^Ana Ruiz leaves the aetna panel since 2026-11-01\. The client has since left aetna; cover now: or-plan\./,
    );
    expect(panel?.alternatives.map((alternative) => alternative.kind)).toEqual(["self-pay", "superbill", "out-of-network"]);
    // A change of insurance, then another since: the ways are those of the cover held now.
    const twice = assess(
      referralCase({
        client: {
          coverage: [
            { payerId: "aetna", program: "commercial", period: { start: "2025-01-01", end: "2026-10-31" } },
            { payerId: "cigna", program: "commercial", period: { start: "2026-11-01", end: "2026-11-15" } },
            { payerId: "or-medicaid", program: "medicaid", period: { start: "2026-11-16" } },
          ],
          maxSelfPay: { currency: "USD", minorUnits: 20000 },
        },
      }),
    );
    const changed = twice.findings[0];
    expect([changed?.code, changed?.summary, changed?.alternatives, changed?.criteria.require.payers]).toEqual([
      "insurance-changed",
      "Coverage changed on 2026-11-01: aetna → cigna; Ana Ruiz is not in network with it. The client has since left cigna; cover now: or-medicaid.",
      [],
      [{ payerId: "or-medicaid" }],
    ]);
    // A practice that left the panel is still told to refer the client through its exit, now paying as Medicaid allows.
    const practiceExit = assessPanelExit(
      untyped({
        date: "2026-11-01",
        clinicianIds: ["clin-ana"],
        payerIds: ["aetna"],
        clinicians: [
          {
            ...(leftFor("medicaid") as { clinician: object }).clinician,
            insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01" } }],
          },
        ],
        clients: [(leftFor("medicaid") as { client: object }).client],
        episodes: [{ clientId: "cl-01", clinicianId: "clin-ana", start: "2026-01-05" }],
      }),
      { now: NOW, vocabulary },
    );
    expect(practiceExit.referrals.map((referral) => [referral.clientId, referral.assessment.findings[0]?.alternatives])).toEqual([
      ["cl-01", []],
    ]);
  });

  it("criteria: a finding's payer the client no longer holds on the start date is not asked for", () => {
    // The practice leaves the Aetna panel on 2027-01-01, the client leaves Aetna for Cigna on 2027-01-04, and moves where
    // the clinician may not see them on 2027-01-05: care starts on the move, when the client no longer holds Aetna.
    const left = assess(
      referralCase({
        client: { coverage: switching("2027-01-03"), plannedMoves: [{ date: "2027-01-05", to: { jurisdiction: "US-WA" } }] },
        clinician: { insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01", end: "2026-12-31" } }], telehealth: false },
      }),
    );
    expect(left.findings.map((finding) => [finding.code, finding.urgency, finding.careFrom])).toEqual([
      ["leaving-panel", "soon", "2027-01-01"],
      ["moving", "soon", "2027-01-05"],
    ]);
    expect(left.findings[0]?.criteria.require.payers).toEqual([{ payerId: "aetna" }]);
    expect([left.criteria.startDate, left.criteria.require.payment]).toEqual(["2027-01-05", { payers: [{ payerId: "cigna" }] }]);
    // A payer the client's records do not name is the rule's to ask for, and stays.
    const eap = defineReferralRule({
      id: "eap-first",
      source: "the host's own",
      evaluate: () => ({
        findings: [
          {
            code: "eap",
            urgency: "routine",
            summary: "Sessions go through the employee assistance programme first.",
            explanation: "Your employer's programme covers the first sessions.",
            criteria: { require: { payers: [{ payerId: "eap-co" }, { payerId: "aetna" }, { payerId: "cigna", planId: "ppo" }] } },
          },
        ],
      }),
    });
    // A plan the coverage in force does not name may be the one it holds, and stays too.
    const coverage = [
      { payerId: "aetna", period: { start: "2024-01-01", end: "2026-10-31" } },
      { payerId: "cigna", period: { start: "2026-11-01" } },
    ];
    const hosted = assess(referralCase({ client: { coverage } }), { rules: [eap] });
    expect(hosted.criteria.require.payment).toEqual({
      payers: [{ payerId: "cigna" }, { payerId: "cigna", planId: "ppo" }, { payerId: "eap-co" }],
    });
  });

  it("criteria: no self-pay ceiling when Medicare or Medicaid covers the client on any day from the start to the look-ahead", () => {
    const client = {
      maxSelfPay: { currency: "USD", minorUnits: 15_000 },
      coverage: [
        { payerId: "medicare", program: "medicare", period: { start: "2025-01-01", end: "2026-12-31" } },
        { payerId: "cigna", program: "commercial", period: { start: "2027-01-01" } },
      ],
    };
    // A fee beyond the client's maximum, so the change of cover is a referral, not something self-pay bridges.
    const clinician = {
      insurancePanels: ["aetna", "medicare"].map((payerId) => ({ payerId, period: { start: "2020-01-01" } })),
      fee: { currency: "USD", minorUnits: 20_000 },
    };
    const urgent = assess(referralCase({ client, clinician, measurements: weekly("PHQ-9", "2026-10-05", [12, 19]) }));
    // Medicare pays today, so its network is asked for (a clinician only with the later insurer could not bill it); no
    // self-pay ceiling while it covers the client.
    expect([urgent.criteria.startDate, urgent.criteria.require.payment]).toEqual([NOW, { payers: [{ payerId: "medicare" }] }]);
    // With no urgent need the referral waits for the new cover, and self-pay is open again.
    const later = assess(referralCase({ client, clinician }));
    expect([later.criteria.startDate, later.criteria.require.payment]).toEqual([
      "2027-01-01",
      { payers: [{ payerId: "cigna" }], maxSelfPay: { currency: "USD", minorUnits: 15_000 } },
    ]);
    // Medicaid from next month, within the look-ahead (120 days): no self-pay clinician for care that would run into it.
    const joining = {
      maxSelfPay: { currency: "USD", minorUnits: 15_000 },
      coverage: [
        { payerId: "aetna", program: "commercial", period: { start: "2024-01-01", end: "2026-12-14" } },
        { payerId: "medicaid-or", program: "medicaid", period: { start: "2026-12-15" } },
      ],
      needs: { problemAreas: ["gambling"] },
    };
    // The treating clinician takes Medicaid too, so the change of cover is no finding of its own.
    const both = { insurancePanels: ["aetna", "medicaid-or"].map((payerId) => ({ payerId, period: { start: "2020-01-01" } })) };
    const barred = assess(referralCase({ client: joining, clinician: both }));
    expect(barred.findings.map((finding) => finding.code)).toEqual(["outside-scope"]);
    expect(barred.criteria.startDate).toBe(NOW);
    expect(barred.criteria.require.payment?.maxSelfPay).toBeUndefined();
    // With no cover until Medicaid starts, the criteria ask for Medicaid's network: never for anyone at any fee.
    const uncovered = { ...joining, coverage: [{ payerId: "medicaid-or", program: "medicaid", period: { start: "2026-12-15" } }] };
    const waiting = assess(referralCase({ client: uncovered, clinician: both }));
    expect([waiting.criteria.startDate, waiting.criteria.require.payment]).toEqual([NOW, { payers: [{ payerId: "medicaid-or" }] }]);
    const beyond = assess(referralCase({ client: joining, clinician: both }), { policy: { lookAheadDays: 7 } });
    expect(beyond.criteria.require.payment?.maxSelfPay).toEqual({ currency: "USD", minorUnits: 15_000 });
  });

  it("criteria: a coverage that does not say its programme carries no self-pay ceiling unless the policy offers self-pay for it", () => {
    const client = {
      maxSelfPay: { currency: "USD", minorUnits: 15_000 },
      coverage: [{ payerId: "aetna", period: { start: "2024-01-01" } }],
      needs: { problemAreas: ["gambling"] },
    };
    const cannotAfford = { client, clinician: { fee: { currency: "USD", minorUnits: 20_000 } } };
    expect(assess(referralCase({ client })).criteria.require.payment).toEqual({ payers: [{ payerId: "aetna" }] });
    expect(assess(referralCase(cannotAfford)).criteria.require.payment).toEqual({ payers: [{ payerId: "aetna" }] });
    const offered = assess(referralCase(cannotAfford), { policy: { billing: { unknownProgram: "offer" } } });
    expect(offered.criteria.require.payment).toEqual({
      payers: [{ payerId: "aetna" }],
      maxSelfPay: { currency: "USD", minorUnits: 15_000 },
    });
  });

  it("preparation: risk first on deterioration, alternatives when offered, the hand-off due by the day care must start or the first change, care kept up to the move", () => {
    const steps = assess(conflicted).preparation;
    expect(steps.map((step) => step.code)).toEqual([
      "review-risk",
      "explain-reason",
      "pre-termination-counselling",
      "offer-options",
      "consent-to-share-records",
      "warm-hand-off",
      "continuity-until-transfer",
    ]);
    // Care with the new clinician starts today (deterioration is urgent), with or without a move to come: meet them
    // today; keep seeing the client up to the move.
    const dueBy = (assessment: ReferralAssessment, code: string) => assessment.preparation.find((step) => step.code === code)?.dueBy;
    const alone = assess(referralCase({ measurements: weekly("PHQ-9", "2026-10-05", [12, 19]) }));
    expect([dueBy(assess(conflicted), "warm-hand-off"), dueBy(alone, "warm-hand-off")]).toEqual([NOW, NOW]);
    expect([dueBy(assess(conflicted), "continuity-until-transfer"), dueBy(alone, "continuity-until-transfer")]).toEqual([
      "2027-01-20",
      undefined,
    ]);
    // A need less than urgent, and no change to come: no fixed day for either.
    const scope = assess(referralCase({ client: { needs: { problemAreas: ["gambling"] } } }));
    expect([scope.urgency, dueBy(scope, "warm-hand-off"), dueBy(scope, "continuity-until-transfer")]).toEqual([
      "soon",
      undefined,
      undefined,
    ]);
    // A change of cover before an equally urgent move: care starts on the move, and the clinician, who may see the client
    // past the change of cover, keeps seeing them until then.
    const coverThenMove = assess(
      referralCase({
        client: {
          coverage: switching("2026-12-14", "commercial"),
          plannedMoves: [{ date: "2027-01-02", to: { jurisdiction: "US-WA" } }],
        },
        clinician: { telehealth: false },
      }),
    );
    expect([
      coverThenMove.criteria.startDate,
      dueBy(coverThenMove, "warm-hand-off"),
      dueBy(coverThenMove, "continuity-until-transfer"),
    ]).toEqual(["2027-01-02", "2027-01-02", "2027-01-02"]);
    // With a move to come, which the clinician cannot follow, the hand-off is due before it.
    const away = assess(
      referralCase({
        client: { needs: { problemAreas: ["gambling"] }, plannedMoves: [{ date: "2027-03-03", to: { jurisdiction: "US-WA" } }] },
        clinician: { telehealth: false },
      }),
    );
    expect([away.criteria.startDate, dueBy(away, "warm-hand-off"), dueBy(away, "continuity-until-transfer")]).toEqual([
      NOW,
      "2027-03-03",
      "2027-03-03",
    ]);
    expect(steps.every((step) => step.source.length > 0)).toBe(true);
    // Care from a later day: the hand-off is due by then.
    const moving = assess(
      referralCase({ client: { plannedMoves: [{ date: "2026-12-30", to: { jurisdiction: "US-WA" } }] }, clinician: { telehealth: false } }),
    );
    expect([moving.criteria.startDate, dueBy(moving, "warm-hand-off"), dueBy(moving, "continuity-until-transfer")]).toEqual([
      "2026-12-30",
      "2026-12-30",
      "2026-12-30",
    ]);
  });

  it("nothing to prepare when nothing is found", () => {
    const assessment = assess(referralCase());
    expect([assessment.refer, assessment.urgency, assessment.preparation]).toEqual([false, "routine", []]);
    expect(assessment.criteria.require.excludeClinicianIds).toEqual([]);
  });

  it("options come from the policy, with their source, named and meant as the matcher's", () => {
    expect(assess(referralCase()).options).toMatchObject({ minimumOptions: 2, preferredOptions: 3, margin: 0.1 });
    const { options } = assess(referralCase(), { policy: { options: { minimumOptions: 1, preferredOptions: 4, margin: 0.25 } } });
    expect(options).toMatchObject({ minimumOptions: 1, preferredOptions: 4, margin: 0.25 });
    expect(options.source).toMatch(/^Seed 002/);
    // The matcher takes them as they are: the same fields, with the same meaning (an absolute lead of the best score over the next).
    const matcherOptions = MatcherOptions.parse(options);
    expect([matcherOptions.minimumOptions, matcherOptions.preferredOptions, matcherOptions.margin]).toEqual([1, 4, 0.25]);
    expect(assess(referralCase()).preparation).toEqual([]);
    const referred = assess(referralCase({ client: { needs: { problemAreas: ["gambling"] } } }), { policy: { options: { margin: 0.25 } } });
    expect(referred.preparation.find((step) => step.code === "offer-options")?.summary).toBe(
      "Offer at least 2 options, 3 when available, unless one is clearly best: its match score leads the next by at least 0.25 (scores run from 0 to 1).",
    );
  });

  it("a host passes the options straight to the matcher", () => {
    const directory = validate(Directory, read("directory.json"), "directory");
    const assessment = assess(referralCase({ client: { needs: { problemAreas: ["gambling"] } } }));
    const ranked = createMatcher(directory).rank({ criteria: assessment.criteria }, { now: NOW, recommendation: assessment.options });
    expect(ranked.options.length).toBeGreaterThan(0);
    const alike = createMatcher(directory, assessment.options).rank({ criteria: assessment.criteria }, { now: NOW });
    expect(alike.recommendation).toEqual(createMatcher(directory).rank({ criteria: assessment.criteria }, { now: NOW }).recommendation);
  });

  it("unevaluated rules say which facts they need", () => {
    expect(assess(referralCase({ client: { coverage: [] } })).unevaluated).toEqual([
      { rule: "alliance", needs: ["measurements:alliance", "sessions"] },
      { rule: "cannot-afford", needs: ["client.maxSelfPay"] },
      { rule: "progress", needs: ["measurements:outcome"] },
    ]);
  });

  it("never changes its input, and gives the same result for a frozen one", () => {
    const input = structuredClone(conflicted);
    const options = { now: NOW, vocabulary, policy: { billing: { slidingScale: true } } };
    const expected = JSON.stringify(assessReferral(untyped(input), options));
    expect(JSON.stringify(assessReferral(untyped(deepFreeze(input)), deepFreeze({ ...options })))).toBe(expected);
    expect(input).toStrictEqual(conflicted);
  });
});

describe("rules of the host's own", () => {
  const shouting = (outcome: unknown) => defineReferralRule({ id: "host-rule", source: "test", evaluate: () => outcome as never });

  it("join the built-in ones; a subset of built-ins runs alone", () => {
    const rule = shouting({ findings: [{ code: "host-finding", urgency: "urgent", summary: "Host.", explanation: "Host." }] });
    const assessment = assess(referralCase(), { rules: [...builtInRules, rule] });
    expect(assessment.findings.map((finding) => [finding.code, finding.rule, finding.source])).toEqual([
      ["host-finding", "host-rule", "test"],
    ]);
    expect(assessment.findings[0]?.criteria.require.problemAreas).toEqual([]);
    expect(assess(referralCase(), { rules: [] }).unevaluated).toEqual([]);
  });

  it("additions that take a list of the criteria past its limit are reported, not passed on", () => {
    // Each finding may add up to 50 problem areas; together with the client's they pass the criteria's 50.
    const areas = (from: number) => Array.from({ length: 30 }, (_, index) => `area-${from + index}`);
    const finding = (from: number) => ({
      code: "host-finding",
      urgency: "soon",
      summary: "Host.",
      explanation: "Host.",
      criteria: { require: { problemAreas: areas(from) } },
    });
    const fits = assess(referralCase(), { rules: [shouting({ findings: [finding(0)] })] });
    expect(fits.criteria.require.problemAreas).toHaveLength(31);
    const { issues } = rejection(() => assess(referralCase(), { rules: [shouting({ findings: [finding(0), finding(30)] })] }));
    expect(issues).toEqual([expect.objectContaining({ path: ["require", "problemAreas"], code: "too-big" })]);
  });

  it("a malformed outcome throws InvalidInputError naming the rule's place and the path", () => {
    const rule = shouting({ findings: [{ code: "Not A Code", urgency: "whenever", summary: "", explanation: "x" }] });
    const { issues, message } = rejection(() => assess(referralCase(), { rules: [rule] }));
    expect(issues).toEqual([
      expect.objectContaining({ path: ["findings", 0, "code"], code: "invalid-format" }),
      expect.objectContaining({ path: ["findings", 0, "urgency"], code: "invalid-value" }),
      expect.objectContaining({ path: ["findings", 0, "summary"], code: "too-small" }),
    ]);
    expect(message).toMatch(/^Invalid rules\.0: 3 issues: rules\.0\.findings\[0\]\.code /);
    expect(() => assess(referralCase(), { rules: [shouting({ needs: [] })] })).toThrow(
      "rules.0.needs is too small, too short or has too few items (expected at least 1 item)",
    );
  });

  it("rule ids must be unique, and rules well formed", () => {
    expect(() => assess(referralCase(), { rules: [builtInRules[0], builtInRules[0]] as never })).toThrow(
      "options.rules[1].id repeats an id",
    );
    expect(() => defineReferralRule({ id: "Bad Id", source: "", evaluate: 3 } as never)).toThrow("Invalid rule: 3 issues");
    expect(() => assess(referralCase(), { rules: [{ id: "x" }] as never })).toThrow("options.rules[0] is invalid");
  });
});

describe("validation at the boundary", () => {
  it("rejects a bad case by path and rule", () => {
    const { issues } = rejection(() =>
      assess({ client: { id: "cl-01" }, clinician: {}, measurements: [{ instrument: "PHQ-9", date: "yesterday", score: 3 }] }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ path: ["measurements", 0, "date"], code: "invalid-format" }));
    expect(issues).toContainEqual(expect.objectContaining({ path: ["client", "residence"], code: "required" }));
  });

  it("rejects bad options: a missing or malformed now, a policy whose bounds cross, repeated instruments", () => {
    expect(() => assessReferral(untyped(referralCase()), untyped({}))).toThrow("options.now is required");
    expect(() => assess(referralCase(), { now: "23/11/2026" })).toThrow(
      "options.now is not in its format (expected ISO-8601 instant with offset or date YYYY-MM-DD)",
    );
    expect(() => assess(referralCase(), { policy: { urgentWithinDays: 50 } })).toThrow(
      "options.policy.urgentWithinDays has a lower bound above its upper bound (expected a lower bound at or below the upper bound)",
    );
    const scale = {
      id: "x",
      name: "x",
      measures: "alliance",
      direction: "higher-is-better",
      range: { min: 0, max: 10 },
      source: "x",
    } as const;
    expect(() => assess(referralCase(), { instruments: [scale, scale] })).toThrow("options.instruments[1].id repeats an id");
  });

  it("reads the options of each call: equal ones as before, changed or unknown ones anew", () => {
    // The last options read are remembered; nothing about them may outlive a change.
    const input = referralCase();
    expect(assessReferral(untyped(input), { now: NOW, vocabulary }).asOf).toBe(NOW);
    expect(() => assessReferral(untyped(input), untyped({ now: NOW, vocabulary, extra: 1 }))).toThrow("is not a key of this object");
    expect(assessReferral(untyped(input), { now: "2026-11-24", vocabulary }).asOf).toBe("2026-11-24");
    expect(assessReferral(untyped(input), { now: "2026-11-23T20:00:00-08:00", vocabulary }).asOf).toBe("2026-11-23");
    expect(assessReferral(untyped(input), { now: "2026-11-23T20:00:00-08:00", timeZone: "Australia/Sydney", vocabulary }).asOf).toBe(
      "2026-11-24",
    );
    expect(() => assessReferral(untyped(input), untyped({ now: NOW, vocabulary: {} }))).toThrow("options.vocabulary");
    expect(() => assessReferral(untyped(input), untyped({ now: NOW, timeZone: "Mars/Olympus" }))).toThrow("options.timeZone");
    // A vocabulary changed since the last call is checked again.
    const changing = { ...createVocabulary() };
    assessReferral(untyped(input), { now: NOW, vocabulary: changing });
    Object.assign(changing, { codes: undefined });
    expect(() => assessReferral(untyped(input), { now: NOW, vocabulary: changing })).toThrow("options.vocabulary");
    // A getter is read once per call, and its answer is the one used.
    let reads = 0;
    const shifting = {
      vocabulary,
      get now() {
        reads += 1;
        return reads % 2 === 1 ? "2026-11-23" : "2026-11-24";
      },
    };
    const asOf = () => assessReferral(untyped(input), shifting).asOf;
    expect([asOf(), asOf(), reads]).toEqual(["2026-11-23", "2026-11-24", 2]);
  });

  it("gives each context a list of instruments of its own", () => {
    const [first, second] = [context(referralCase()), context(referralCase())];
    expect(first.instruments).not.toBe(second.instruments);
    expect(first.instruments).toStrictEqual(second.instruments);
    (first.instruments as unknown as unknown[]).reverse();
    expect(context(referralCase()).instruments).toStrictEqual(second.instruments);
  });
});

describe("criteria past MatchCriteria's limits", () => {
  it("are reported by path, not passed on", () => {
    const areas = (from: number) => Array.from({ length: 30 }, (_, index) => `area ${from + index}`);
    const adding = (id: string, problemAreas: string[]) =>
      defineReferralRule({
        id,
        source: "test",
        evaluate: () => ({
          findings: [{ code: id, urgency: "routine", summary: "Adds.", explanation: "Adds.", criteria: { require: { problemAreas } } }],
        }),
      });
    expect(() => assess(referralCase(), { rules: [adding("first", areas(0)), adding("second", areas(30))] })).toThrow(
      "Invalid criteria: 1 issue: criteria.require.problemAreas is too large, too long or has too many items (expected at most 50 items)",
    );
  });
});
