import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Client, Directory, validate } from "referwell";
import { createMatcher } from "referwell/match";
import { assessPanelExit, builtInRules, defineReferralRule } from "referwell/refer";
import { assess, client, clinician, codes, context, finding, NOW, referralCase, rejection, vocabulary } from "./fixtures.js";
import { untyped } from "../support/untyped.js";

/** The day `days` after `date` (UTC calendar arithmetic). */
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const panel = (payerId: string, end?: string) => ({
  payerId,
  period: end === undefined ? { start: "2020-01-01" } : { start: "2020-01-01", end },
});

describe("leaving a panel, or going self-pay", () => {
  const leaving = (end: string, panels = [panel("aetna", end)]) => referralCase({ clinician: { insurancePanels: panels } });

  it("a panel ending within the look-ahead is a finding now, dated with the first day out of network", () => {
    const assessment = assess(leaving("2026-12-31", [panel("aetna", "2026-12-31"), panel("kaiser")]));
    const found = finding(assessment, "leaving-panel");
    expect(found).toMatchObject({ urgency: "soon", date: "2027-01-01" });
    expect(found?.summary).toBe("Ana Ruiz leaves the aetna panel from 2027-01-01; the client keeps aetna cover.");
    expect(found?.criteria.require.payers).toEqual([{ payerId: "aetna" }]);
    expect(assessment.criteria.require.payment?.payers).toEqual([{ payerId: "aetna" }]);
    expect(assessment.criteria.startDate).toBe("2027-01-01");
  });

  it("with no panel left, the clinician is going self-pay", () => {
    const found = finding(assess(leaving("2026-12-31")), "leaving-panel");
    expect(found?.explanation).toMatch(/^From 1 January 2027, I no longer take insurance, so your plan will stop covering our sessions\./);
  });

  it("urgency follows the first day out of network", () => {
    expect(finding(assess(leaving("2026-12-06")), "leaving-panel")?.urgency).toBe("urgent"); // out from 12-07: 14 days
    expect(finding(assess(leaving("2026-12-07")), "leaving-panel")?.urgency).toBe("soon"); // out from 12-08: 15 days
    expect(finding(assess(leaving("2027-02-28")), "leaving-panel")?.urgency).toBe("routine");
    expect(codes(assess(leaving("2027-03-23")))).toEqual([]); // out from 03-24: beyond 120 days
  });

  it("no finding while another panel of the clinician still takes the client's insurance", () => {
    const input = referralCase({
      client: {
        coverage: [
          { payerId: "aetna", period: { start: "2024-01-01" } },
          { payerId: "kaiser", period: { start: "2024-01-01" } },
        ],
      },
      clinician: { insurancePanels: [panel("aetna", "2026-12-31"), panel("kaiser")] },
    });
    expect(codes(assess(input))).toEqual([]);
  });

  it("can continue: a client who can pay the fee keeps the clinician, with a notice carrying self-pay and a superbill", () => {
    const input = referralCase({
      client: { maxSelfPay: { currency: "USD", minorUnits: 15000 } },
      clinician: { insurancePanels: [panel("aetna", "2026-12-31")] },
    });
    const assessment = assess(input);
    expect(assessment.refer).toBe(false);
    expect(assessment.notices.map((notice) => [notice.code, notice.date])).toEqual([
      ["continuity-of-care", "2027-01-01"],
      ["good-faith-estimate", "2027-01-01"],
      ["leaving-panel", "2027-01-01"],
    ]);
    const notice = assessment.notices.find((entry) => entry.code === "leaving-panel");
    expect(notice?.alternatives.map((alternative) => alternative.kind)).toEqual(["self-pay", "superbill"]);
    expect(notice?.summary).toBe(
      "Ana Ruiz goes self-pay from 2027-01-01; the client's aetna cover no longer applies. No referral: the client can continue (self-pay, superbill).",
    );
    expect(notice?.explanation).toBe(
      "From 1 January 2027, I no longer take insurance, so your plan will stop covering our sessions. You can keep seeing me, and we'll go over the ways to pay together.",
    );
    const policy = { billing: { superbill: false, outOfNetwork: true } };
    const outOfNetwork = assess(input, { policy }).notices.find((entry) => entry.code === "leaving-panel");
    expect(outOfNetwork?.alternatives.map((alternative) => alternative.kind)).toEqual(["self-pay", "out-of-network"]);
  });

  it("must refer: a fee above the client's maximum keeps the finding, with no way to pay offered", () => {
    const input = referralCase({
      client: { maxSelfPay: { currency: "USD", minorUnits: 14999 } },
      clinician: { insurancePanels: [panel("aetna", "2026-12-31")] },
    });
    const assessment = assess(input);
    expect(codes(assessment)).toEqual(["leaving-panel"]);
    expect(finding(assessment, "leaving-panel")?.alternatives).toEqual([]);
    expect(assessment.unevaluated).not.toContainEqual(expect.objectContaining({ rule: "leaving-panel" }));
  });

  it("out-of-network benefits: a plan known to pay out of network lets care continue, when the policy allows it", () => {
    const coverage = (outOfNetworkBenefits?: boolean) => [
      {
        payerId: "aetna",
        program: "commercial",
        ...(outOfNetworkBenefits === undefined ? {} : { outOfNetworkBenefits }),
        period: { start: "2024-01-01" },
      },
    ];
    const input = (benefits?: boolean) =>
      referralCase({
        client: { coverage: coverage(benefits), maxSelfPay: { currency: "USD", minorUnits: 100 } },
        clinician: { insurancePanels: [panel("aetna", "2026-12-31")] },
      });
    const policy = { billing: { outOfNetwork: true } };
    expect(assess(input(true), { policy }).refer).toBe(false);
    expect(assess(input(true)).refer).toBe(true); // the policy does not allow it
    expect(codes(assess(input(false), { policy }))).toEqual(["leaving-panel"]);
    const unknown = assess(input(undefined), { policy });
    expect(codes(unknown)).toEqual(["leaving-panel"]);
    expect(unknown.unevaluated).toContainEqual({ rule: "leaving-panel", needs: ["client.coverage.outOfNetworkBenefits"] });
  });

  it("unknown facts stay cautious: without the client's maximum the finding stands and asks for it", () => {
    const assessment = assess(referralCase({ clinician: { insurancePanels: [panel("aetna", "2026-12-31")] } }));
    expect(codes(assessment)).toEqual(["leaving-panel"]);
    // Self-pay is still offered beside the referral, since the fee is not known to be beyond the client.
    expect(finding(assessment, "leaving-panel")?.alternatives.map((alternative) => alternative.kind)).toEqual(["self-pay", "superbill"]);
    expect(assessment.unevaluated).toContainEqual({ rule: "leaving-panel", needs: ["client.maxSelfPay"] });
  });

  it("the No Surprises Act continuity-of-care notice comes with leaving a plan's network, not with Medicare or Medicaid", () => {
    const leaving = (program?: string) =>
      referralCase({
        client: { coverage: [{ payerId: "aetna", ...(program === undefined ? {} : { program }), period: { start: "2024-01-01" } }] },
        clinician: { insurancePanels: [panel("aetna", "2026-12-31")] },
      });
    const notice = assess(leaving("commercial")).notices.find((entry) => entry.code === "continuity-of-care");
    expect(notice?.summary).toContain("up to 90 days");
    expect(notice?.summary).toContain("42 U.S.C. 300gg-113");
    expect(notice?.explanation).toBe(
      "If you're in ongoing treatment, your plan may let you keep seeing me at your in-network cost for up to 90 days after I leave its network; it should write to you about it.",
    );
    expect(assess(leaving(undefined)).notices.map((entry) => entry.code)).toContain("continuity-of-care");
    expect(assess(leaving("medicare")).notices.map((entry) => entry.code)).not.toContain("continuity-of-care");
    expect(assess(leaving("medicaid")).notices.map((entry) => entry.code)).not.toContain("continuity-of-care");
    // A change of the client's own plan is no exit of the clinician's.
    const changed = referralCase({
      client: {
        coverage: [
          { payerId: "aetna", program: "commercial", period: { start: "2024-01-01", end: "2026-12-31" } },
          { payerId: "cigna", program: "commercial", period: { start: "2027-01-01" } },
        ],
      },
    });
    expect(assess(changed).notices.map((entry) => entry.code)).not.toContain("continuity-of-care");
  });
});

describe("the client changed insurance", () => {
  const dayBefore = (date: string) => new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
  const changed = (on: string, to: string | undefined, extra: Record<string, unknown> = {}) =>
    referralCase({
      client: {
        coverage: [
          { payerId: "aetna", program: "commercial", period: { start: "2024-01-01", end: dayBefore(on) } },
          ...(to === undefined ? [] : [{ payerId: to, program: "commercial", period: { start: on } }]),
        ],
        ...extra,
      },
    });

  it("a change already made is urgent, and the criteria ask for the new payer", () => {
    const assessment = assess(changed("2026-11-01", "cigna"));
    const found = finding(assessment, "insurance-changed");
    expect(found).toMatchObject({ urgency: "urgent", date: "2026-11-01" });
    expect(found?.evidence).toStrictEqual([
      { kind: "id", fact: "payer-before", id: "aetna" },
      { kind: "id", fact: "payer-after", id: "cigna" },
      { kind: "date", fact: "coverage-changed", date: "2026-11-01" },
    ]);
    expect(assessment.criteria.require.payment?.payers).toEqual([{ payerId: "cigna" }]);
  });

  it("a change next month is a finding now; the receiving clinician is chosen for the new coverage", () => {
    const assessment = assess(changed("2027-01-01", "cigna"));
    expect(finding(assessment, "insurance-changed")).toMatchObject({ urgency: "soon", date: "2027-01-01", careFrom: "2027-01-01" });
    expect(finding(assessment, "insurance-changed")?.explanation).toMatch(
      /^Your insurance changes on 1 January 2027, and your new plan won't cover sessions with me\./,
    );
    expect(assessment.criteria.startDate).toBe("2027-01-01");
    expect(assessment.criteria.require.payment?.payers).toEqual([{ payerId: "cigna" }]);
  });

  it("coverage that simply ends is a change too", () => {
    const found = finding(assess(changed("2026-11-01", undefined)), "insurance-changed");
    expect(found?.explanation).toMatch(/^Your insurance coverage ended, so since 1 November 2026 sessions with me are not covered\./);
    expect(found?.criteria.require.payers).toEqual([]);
  });

  it("a change before the episode began is not this episode's concern", () => {
    expect(codes(assess(changed("2025-06-01", "cigna")))).not.toContain("insurance-changed");
  });

  it("can continue: a fee within what the client can pay is a notice with self-pay and a superbill, not a referral", () => {
    const affordable = assess(changed("2026-11-01", "cigna", { maxSelfPay: { currency: "USD", minorUnits: 15000 } }));
    expect(affordable.refer).toBe(false);
    const notice = affordable.notices.find((entry) => entry.code === "insurance-changed");
    expect(notice?.alternatives.map((alternative) => [alternative.kind, alternative.amount?.minorUnits])).toEqual([
      ["self-pay", 15000],
      ["superbill", 15000],
    ]);
    expect(notice?.explanation).toBe(
      "Your insurance changed on 1 November 2026, and your new plan doesn't cover sessions with me. You can keep seeing me, and we'll go over the ways to pay together.",
    );
    expect(affordable.notices.map((entry) => entry.code)).toContain("good-faith-estimate");
  });

  it("must refer: a fee beyond what the client can pay keeps the finding, with nothing offered", () => {
    const tight = assess(changed("2026-11-01", "cigna", { maxSelfPay: { currency: "USD", minorUnits: 14999 } }));
    expect(codes(tight)).toEqual(["insurance-changed"]);
    expect(finding(tight, "insurance-changed")?.alternatives).toEqual([]);
    expect(tight.notices.map((entry) => entry.code)).not.toContain("good-faith-estimate");
  });

  it("a loss already past is urgent while recent (45 days), then soon", () => {
    expect(finding(assess(changed("2026-10-09", "cigna")), "insurance-changed")?.urgency).toBe("urgent"); // 45 days ago
    expect(finding(assess(changed("2026-10-08", "cigna")), "insurance-changed")?.urgency).toBe("soon"); // 46 days ago
    expect(finding(assess(changed("2026-03-01", "cigna")), "insurance-changed")?.urgency).toBe("soon");
    expect(assess(changed("2026-03-01", "cigna")).urgency).toBe("soon");
  });

  it("without an episode start, only losses within the look-back (the look-ahead's 120 days) count", () => {
    const withoutEpisode = (on: string) => {
      const input = changed(on, "cigna");
      delete input["episode"];
      return input;
    };
    expect(codes(assess(withoutEpisode("2026-07-26")))).toEqual(["insurance-changed"]); // 120 days ago
    expect(codes(assess(withoutEpisode("2026-07-25")))).toEqual([]); // 121 days ago
    expect(codes(assess(withoutEpisode("2024-06-01")))).toEqual([]);
    expect(codes(assess(withoutEpisode("2024-06-01"), { policy: { lookAheadDays: 3000 } }))).toEqual(["insurance-changed"]);
  });

  it("cover that resumes within the look-ahead is a gap to bridge, not a referral", () => {
    // Aetna cover lapses for seven days, from 1 to 7 January, and resumes on the 8th.
    const gap = referralCase({
      client: {
        coverage: [
          { payerId: "aetna", program: "commercial", period: { start: "2024-01-01", end: "2026-12-31" } },
          { payerId: "aetna", program: "commercial", period: { start: "2027-01-08" } },
        ],
        maxSelfPay: { currency: "USD", minorUnits: 20000 },
      },
    });
    const assessment = assess(gap);
    expect(assessment.refer).toBe(false);
    expect(assessment.findings).toEqual([]);
    expect(assessment.notices.map((notice) => [notice.code, notice.rule, notice.date, notice.until])).toEqual([
      ["coverage-gap", "insurance-changed", "2027-01-01", "2027-01-07"],
      ["good-faith-estimate", "insurance-changed", "2027-01-01", undefined],
    ]);
    expect(assessment.notices[0]?.alternatives.map((alternative) => alternative.kind)).toEqual(["self-pay", "pause-until-cover-resumes"]);
    expect(context(gap).networkGap).toMatchObject({ date: "2027-01-01", resumes: "2027-01-08" });
    expect(context(gap).networkLoss).toBeUndefined();
    // The clinician's panel lapsing for a week is a gap too.
    const panelGap = referralCase({
      clinician: { insurancePanels: [panel("aetna", "2026-12-31"), { payerId: "aetna", period: { start: "2027-01-08" } }] },
    });
    expect(assess(panelGap).refer).toBe(false);
    expect(assess(panelGap).notices.map((notice) => [notice.code, notice.until])).toEqual([
      ["good-faith-estimate", undefined],
      ["panel-gap", "2027-01-07"],
    ]);
    // Cover resuming past the look-ahead is a loss.
    const late = referralCase({
      client: {
        coverage: [
          { payerId: "aetna", period: { start: "2024-01-01", end: "2026-12-31" } },
          { payerId: "aetna", period: { start: "2027-06-01" } },
        ],
      },
    });
    expect(codes(assess(late))).toEqual(["insurance-changed"]);
    // A gap happening now, with cover back next week, is no referral either.
    const now = referralCase({
      client: {
        coverage: [
          { payerId: "aetna", period: { start: "2024-01-01", end: "2026-11-20" } },
          { payerId: "aetna", period: { start: "2026-11-30" } },
        ],
      },
    });
    expect(assess(now).refer).toBe(false);
    // Uninsured during the gap, so self-pay is offered, and with it a good faith estimate.
    expect(assess(now).notices.map((notice) => [notice.code, notice.date, notice.until])).toEqual([
      ["coverage-gap", "2026-11-21", "2026-11-29"],
      ["good-faith-estimate", "2026-11-21", undefined],
    ]);
  });

  it("plan-level panels: a panel for other plans of the payer does not cover the client's plan", () => {
    const input = referralCase({
      client: {
        coverage: [
          { payerId: "aetna", planId: "ppo", period: { start: "2024-01-01", end: "2026-10-31" } },
          { payerId: "aetna", planId: "hmo", period: { start: "2026-11-01" } },
        ],
      },
      clinician: { insurancePanels: [{ payerId: "aetna", plans: ["ppo"], period: { start: "2020-01-01" } }] },
    });
    expect(finding(assess(input), "insurance-changed")?.criteria.require.payers).toEqual([{ payerId: "aetna", planId: "hmo" }]);
  });

  it("a new coverage with no plan id against a plan-limited panel fails closed: the finding stands, with a verify-benefits notice", () => {
    const panels = [
      { payerId: "aetna", plans: ["ppo"], period: { start: "2020-01-01" } },
      { payerId: "cigna", plans: ["open-access"], period: { start: "2020-01-01" } },
    ];
    const changedTo = (cigna: Record<string, unknown>) =>
      referralCase({
        client: {
          coverage: [
            { payerId: "aetna", planId: "ppo", period: { start: "2024-01-01", end: "2026-10-31" } },
            { payerId: "cigna", period: { start: "2026-11-01" }, ...cigna },
          ],
        },
        clinician: { insurancePanels: panels },
      });
    const assessment = assess(changedTo({}));
    expect(codes(assessment)).toEqual(["insurance-changed"]);
    const notice = assessment.notices.find((entry) => entry.code === "verify-benefits");
    expect(notice).toMatchObject({ rule: "insurance-changed", date: "2026-11-01" });
    expect(notice?.evidence).toStrictEqual([{ kind: "id", fact: "verify-benefits", id: "cigna" }]);
    expect(notice?.summary).toBe(
      "Ana Ruiz's cigna panel covers some of its plans only, and the client's plan is not known: verify benefits with the payer. Until then the coverage counts as out of network.",
    );
    // The matcher reads the same coverage the same way.
    const treating = untyped({ ...clinician({ insurancePanels: panels }), id: "ana" });
    const explained = createMatcher({ clinicians: [treating] }).explain({ criteria: assessment.criteria }, "ana", { now: NOW });
    expect(explained.failures.map((failure) => failure.reason)).toContain("verify-benefits");
    // Known to be one of the panel's plans, the same change is no reason at all.
    const known = assess(changedTo({ planId: "open-access" }));
    expect(codes(known)).toEqual([]);
    expect(known.notices.map((entry) => entry.code)).not.toContain("verify-benefits");
  });
});

describe("the client cannot afford the fee", () => {
  const selfPay = (maxSelfPay: unknown, overrides: Record<string, unknown> = {}) =>
    referralCase({ client: { coverage: [], ...(maxSelfPay === undefined ? {} : { maxSelfPay }) }, ...overrides });

  it("a fee above the most the client can pay is a finding, soon", () => {
    const assessment = assess(selfPay({ currency: "USD", minorUnits: 9000 }));
    expect(codes(assessment)).toEqual(["cannot-afford"]);
    expect(finding(assessment, "cannot-afford")?.evidence).toStrictEqual([
      { kind: "amount", fact: "fee", amount: { currency: "USD", minorUnits: 15000 } },
      { kind: "amount", fact: "max-self-pay", amount: { currency: "USD", minorUnits: 9000 } },
    ]);
  });

  it("the finding sets a self-pay ceiling, so the receiving clinician's fee is within reach", () => {
    const assessment = assess(selfPay({ currency: "USD", minorUnits: 9000 }));
    expect(finding(assessment, "cannot-afford")?.criteria.require.maxSelfPay).toEqual({ currency: "USD", minorUnits: 9000 });
    expect(assessment.criteria.require.payment?.maxSelfPay).toEqual({ currency: "USD", minorUnits: 9000 });
    // Reported hardship with coverage in network: the ceiling joins the payers.
    const insured = assess(
      referralCase({ client: { maxSelfPay: { currency: "USD", minorUnits: 6000 } }, hardship: { reported: "2026-11-16" } }),
    );
    expect(insured.criteria.require.payment).toEqual({ payers: [{ payerId: "aetna" }], maxSelfPay: { currency: "USD", minorUnits: 6000 } });
  });

  it("reported hardship without a known maximum is a finding that still needs client.maxSelfPay", () => {
    const assessment = assess(referralCase({ client: { coverage: [] }, hardship: { reported: "2026-11-16" } }));
    expect(codes(assessment)).toEqual(["cannot-afford"]);
    expect(finding(assessment, "cannot-afford")?.criteria.require.maxSelfPay).toBeUndefined();
    expect(assessment.unevaluated).toContainEqual({ rule: "cannot-afford", needs: ["client.maxSelfPay"] });
  });

  it("the lowest ceiling of the client's and the findings' is the criteria's", () => {
    const ceiling = defineReferralRule({
      id: "host-ceiling",
      source: "test",
      evaluate: () => ({
        findings: [
          {
            code: "host-ceiling",
            urgency: "routine",
            summary: "Ceiling.",
            explanation: "Ceiling.",
            criteria: { require: { maxSelfPay: { currency: "USD", minorUnits: 5000 } } },
          },
        ],
      }),
    });
    const assessment = assess(selfPay({ currency: "USD", minorUnits: 9000 }), { rules: [...builtInRules, ceiling] });
    expect(assessment.criteria.require.payment?.maxSelfPay).toEqual({ currency: "USD", minorUnits: 5000 });
    const other = defineReferralRule({
      id: "host-ceiling",
      source: "test",
      evaluate: () => ({
        findings: [
          {
            code: "host-ceiling",
            urgency: "routine",
            summary: "Ceiling.",
            explanation: "Ceiling.",
            criteria: { require: { maxSelfPay: { currency: "CAD", minorUnits: 5000 } } },
          },
        ],
      }),
    });
    expect(rejection(() => assess(selfPay({ currency: "USD", minorUnits: 9000 }), { rules: [other] })).issues).toEqual([
      expect.objectContaining({ path: ["require", "payment", "maxSelfPay"], code: "currency-mismatch" }),
    ]);
  });

  it("a maximum equal to the fee is affordable", () => {
    expect(codes(assess(selfPay({ currency: "USD", minorUnits: 15000 })))).toEqual([]);
  });

  it("cannot be judged without the client's maximum, or across currencies", () => {
    expect(assess(selfPay(undefined)).unevaluated).toContainEqual({ rule: "cannot-afford", needs: ["client.maxSelfPay"] });
    expect(assess(selfPay({ currency: "CAD", minorUnits: 9000 })).unevaluated).toContainEqual({
      rule: "cannot-afford",
      needs: ["client.maxSelfPay"],
    });
  });

  it("can continue: the practice's sliding scale, when the policy offers it and its floor is within reach, is a notice", () => {
    const floor = (minorUnits: number) => ({ clinician: { slidingScaleFloor: { currency: "USD", minorUnits } } });
    const policy = { billing: { slidingScale: true } };
    expect(finding(assess(selfPay({ currency: "USD", minorUnits: 9000 }, floor(8000))), "cannot-afford")?.alternatives).toEqual([]);
    const scaled = assess(selfPay({ currency: "USD", minorUnits: 9000 }, floor(8000)), { policy });
    expect(scaled.refer).toBe(false);
    const notice = scaled.notices.find((entry) => entry.code === "cannot-afford");
    expect(notice?.alternatives).toStrictEqual([
      {
        kind: "sliding-scale",
        summary: "Continue on the practice's sliding scale, from 80.00 USD a session.",
        explanation: "I can offer you a reduced fee, from 80.00 USD a session.",
        amount: { currency: "USD", minorUnits: 8000 },
      },
    ]);
    expect(notice?.explanation).toBe(
      "Paying for our sessions costs more than you can manage, and I don't want cost to stand between you and the help you need. I can offer you a reduced fee, so we can keep working together.",
    );
    expect(scaled.notices.map((entry) => entry.code)).toEqual(["cannot-afford", "good-faith-estimate"]);
  });

  it("must refer: a floor beyond the client's maximum, or reported hardship with no maximum known, keeps the finding", () => {
    const floor = (minorUnits: number) => ({ clinician: { slidingScaleFloor: { currency: "USD", minorUnits } } });
    const policy = { billing: { slidingScale: true } };
    const beyond = assess(selfPay({ currency: "USD", minorUnits: 7999 }, floor(8000)), { policy });
    expect(codes(beyond)).toEqual(["cannot-afford"]);
    expect(finding(beyond, "cannot-afford")?.alternatives).toEqual([]);
    // Hardship with no known maximum: the scale is offered beside the referral, which stands.
    const hardship = assess(
      referralCase({ client: { coverage: [] }, clinician: floor(8000).clinician, hardship: { reported: "2026-11-16" } }),
      {
        policy,
      },
    );
    expect(codes(hardship)).toEqual(["cannot-afford"]);
    expect(finding(hardship, "cannot-afford")?.alternatives.map((alternative) => alternative.kind)).toEqual(["sliding-scale"]);
    expect(hardship.unevaluated).toContainEqual({ rule: "cannot-afford", needs: ["client.maxSelfPay"] });
  });

  it("hardship reported before the episode began is not this episode's concern", () => {
    expect(codes(assess(referralCase({ hardship: { reported: "2025-12-01" } })))).toEqual([]);
    expect(codes(assess(referralCase({ hardship: { reported: "2026-01-05" } })))).toEqual(["cannot-afford"]);
  });

  it("an insured client is the insurance triggers' concern, unless they report hardship", () => {
    expect(codes(assess(referralCase({ client: { maxSelfPay: { currency: "USD", minorUnits: 100 } } })))).toEqual([]);
    const hardship = assess(referralCase({ hardship: { reported: "2026-11-16" } }));
    expect(codes(hardship)).toEqual(["cannot-afford"]);
    expect(finding(hardship, "cannot-afford")?.summary).toBe("The client reported financial hardship on 2026-11-16.");
  });
});

describe("assessPanelExit", () => {
  const exitOf = (overrides: Record<string, unknown>) =>
    untyped({
      date: "2027-01-01",
      clinicians: [
        clinician({ insurancePanels: [panel("aetna"), panel("kaiser")] }),
        clinician({ id: "clin-ben", practiceId: "harbour", insurancePanels: [panel("aetna")] }),
      ],
      clients: [
        client({ id: "cl-a" }),
        client({ id: "cl-b", coverage: [{ payerId: "kaiser", period: { start: "2024-01-01" } }] }),
        client({ id: "cl-c" }),
      ],
      episodes: [
        { clientId: "cl-c", clinicianId: "clin-ben" },
        { clientId: "cl-b", clinicianId: "clin-ana" },
        { clientId: "cl-a", clinicianId: "clin-ana" },
      ],
      ...overrides,
    });

  it("leaving one payer's panel refers only the clients that payer covered", () => {
    const result = assessPanelExit(exitOf({ clinicianIds: ["clin-ana"], payerIds: ["aetna"] }), { now: NOW, vocabulary });
    expect(result.selfPay).toBe(false);
    expect(result.referrals.map((referral) => [referral.clientId, referral.clinicianId, referral.payerIds])).toEqual([
      ["cl-a", "clin-ana", ["aetna"]],
    ]);
    expect(result.referrals[0]?.assessment.findings.map((entry) => entry.code)).toEqual(["leaving-panel"]);
  });

  it("a practice going self-pay refers every insured client of every clinician in it, sorted", () => {
    const result = assessPanelExit(exitOf({ practiceId: "harbour" }), { now: NOW, vocabulary });
    expect(result.selfPay).toBe(true);
    expect(result.referrals.map((referral) => [referral.clientId, referral.payerIds])).toEqual([
      ["cl-a", ["aetna"]],
      ["cl-b", ["kaiser"]],
      ["cl-c", ["aetna"]],
    ]);
    expect(result.referrals[0]?.assessment.findings[0]?.explanation).toMatch(/^From 1 January 2027, I no longer take insurance/);
  });

  it("lists only losses this exit causes: its payers, on its date", () => {
    // The aetna panel ended years ago, within a long episode; the exit is of kaiser.
    const exit = {
      date: "2027-01-01",
      clinicianIds: ["clin-ana"],
      payerIds: ["kaiser"],
      clinicians: [
        clinician({ insurancePanels: [{ payerId: "aetna", period: { start: "2017-01-01", end: "2019-12-31" } }, panel("kaiser")] }),
      ],
      clients: [client({ id: "cl-a", coverage: [{ payerId: "aetna", period: { start: "2017-01-01" } }] })],
      episodes: [{ clientId: "cl-a", clinicianId: "clin-ana", start: "2018-01-01" }],
    };
    expect(assessPanelExit(untyped(exit), { now: NOW, vocabulary }).referrals).toEqual([]);
    // The same exit of aetna on a later date is not the loss of 2020 either.
    expect(assessPanelExit(untyped({ ...exit, payerIds: ["aetna"] }), { now: NOW, vocabulary }).referrals).toEqual([]);
  });

  it("reaches an exit beyond the policy's look-ahead", () => {
    const result = assessPanelExit(exitOf({ practiceId: "harbour", date: "2027-09-01" }), { now: NOW, vocabulary });
    expect(result.referrals).toHaveLength(3);
    expect(result.referrals[0]?.assessment.urgency).toBe("routine");
  });

  it("rejects episodes naming unknown clients or clinicians, and repeated pairs, by path", () => {
    const { issues } = rejection(() =>
      assessPanelExit(
        exitOf({
          clinicianIds: ["clin-ana"],
          episodes: [
            { clientId: "cl-x", clinicianId: "clin-ana" },
            { clientId: "cl-a", clinicianId: "clin-ana" },
            { clientId: "cl-a", clinicianId: "clin-ana" },
          ],
        }),
        { now: NOW },
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: ["episodes", 0, "clientId"], code: "unknown-reference" }),
      expect.objectContaining({ path: ["episodes", 2, "clientId"], code: "duplicate-id" }),
    ]);
  });

  it("the criteria start on the first day out of network, so colleagues leaving the same panel are no option", () => {
    const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../examples/data/${name}`, import.meta.url), "utf8"));
    const sample = validate(Directory, read("directory.json"), "directory");
    const clients = validate(Client.array(), read("clients.json"), "clients");
    const histories = read("histories.json") as { episodes: { clientId: string; clinicianId?: string; status: string; start: string }[] };
    // Every harbour clinician on the aetna panel leaves it on 2026-12-31.
    const directory = {
      ...sample,
      clinicians: sample.clinicians.map((entry) =>
        entry.practiceId !== "harbour"
          ? entry
          : {
              ...entry,
              insurancePanels: entry.insurancePanels.map((p) =>
                p.payerId === "aetna" ? { ...p, period: { ...p.period, end: "2026-12-31" } } : p,
              ),
            },
      ),
    };
    const leftAetna = new Set(
      directory.clinicians
        .filter((c) => c.practiceId === "harbour" && c.insurancePanels.some((p) => p.payerId === "aetna"))
        .map((c) => c.id),
    );
    const result = assessPanelExit(
      {
        date: "2027-01-01",
        practiceId: "harbour",
        payerIds: ["aetna"],
        clinicians: directory.clinicians,
        clients,
        episodes: histories.episodes
          .filter((e) => e.status === "active" && e.clinicianId !== undefined)
          .map((e) => ({ clientId: e.clientId, clinicianId: e.clinicianId as string, start: e.start })),
      },
      { now: NOW, vocabulary },
    );
    expect(result.referrals.length).toBeGreaterThan(0);
    const matcher = createMatcher(directory);
    let options = 0;
    for (const referral of result.referrals) {
      expect(referral.assessment.criteria.startDate).toBe("2027-01-01");
      const ranked = matcher.rank({ criteria: referral.assessment.criteria, practiceId: "harbour" }, { now: NOW });
      options += ranked.options.length;
      for (const option of ranked.options) expect(leftAetna.has(option.clinicianId), option.clinicianId).toBe(false);
    }
    expect(options).toBeGreaterThan(0);
  });

  it("needs someone to leave", () => {
    expect(() => assessPanelExit(exitOf({}), { now: NOW })).toThrow("panelExit.clinicianIds is required");
  });
});

describe("payer programmes", () => {
  // The clinician leaves the panel of the client's payer on 1 January 2027; the client could pay the fee.
  const leaving = (program: string | undefined, clinicianOverrides: Record<string, unknown> = {}) =>
    referralCase({
      client: {
        coverage: [{ payerId: "aetna", ...(program === undefined ? {} : { program }), period: { start: "2024-01-01" } }],
        maxSelfPay: { currency: "USD", minorUnits: 20000 },
      },
      clinician: { insurancePanels: [panel("aetna", "2026-12-31")], ...clinicianOverrides },
    });
  const kinds = (assessment: ReturnType<typeof assess>) =>
    [...assessment.findings, ...assessment.notices].flatMap((entry) => entry.alternatives.map((alternative) => alternative.kind));

  it("a Medicare beneficiary is offered no superbill and no ordinary self-pay: the referral stands", () => {
    const assessment = assess(leaving("medicare"), { policy: { billing: { slidingScale: true, outOfNetwork: true } } });
    expect(codes(assessment)).toEqual(["leaving-panel"]);
    expect(kinds(assessment)).toEqual([]);
    expect(assessment.notices.map((notice) => notice.code)).not.toContain("good-faith-estimate");
  });

  it("a clinician whose Medicare opt-out is in force may continue under a private contract", () => {
    const optedOut = assess(leaving("medicare", { medicareOptOut: { start: "2026-06-01" } }));
    expect(optedOut.refer).toBe(false);
    const notice = optedOut.notices.find((entry) => entry.code === "leaving-panel");
    expect(notice?.alternatives.map((alternative) => [alternative.kind, alternative.amount?.minorUnits])).toEqual([
      ["private-contract", 15000],
    ]);
    expect(notice?.alternatives[0]?.source).toMatch(/^42 CFR 405\.415/);
    expect(optedOut.notices.map((entry) => entry.code)).toContain("good-faith-estimate");
    // An opt-out that ends before the exit is no way to continue.
    expect(codes(assess(leaving("medicare", { medicareOptOut: { start: "2025-01-01", end: "2026-12-31" } })))).toEqual(["leaving-panel"]);
  });

  it("a Medicaid beneficiary is offered nothing to pay: the referral stands, whatever the policy", () => {
    const assessment = assess(leaving("medicaid", { medicareOptOut: { start: "2026-06-01" } }), {
      policy: { billing: { slidingScale: true, outOfNetwork: true, unknownProgram: "offer" } },
    });
    expect(codes(assessment)).toEqual(["leaving-panel"]);
    expect(kinds(assessment)).toEqual([]);
  });

  it("an unknown programme withholds self-pay and asks for it; the policy may offer it instead", () => {
    const unknown = assess(leaving(undefined));
    expect(codes(unknown)).toEqual(["leaving-panel"]);
    expect(kinds(unknown)).toEqual([]);
    expect(unknown.unevaluated).toContainEqual({ rule: "leaving-panel", needs: ["client.coverage.program"] });
    const offered = assess(leaving(undefined), { policy: { billing: { unknownProgram: "offer" } } });
    expect(offered.refer).toBe(false);
    expect(kinds(offered)).toEqual(["self-pay", "superbill"]);
    // "other" follows the billing policy like a commercial plan.
    expect(assess(leaving("other")).refer).toBe(false);
  });

  it("a client who changes to Medicare cannot self-pay a clinician who has not opted out", () => {
    const toMedicare = (clinicianOverrides: Record<string, unknown> = {}) =>
      referralCase({
        client: {
          coverage: [
            { payerId: "aetna", program: "commercial", period: { start: "2024-01-01", end: "2026-12-31" } },
            { payerId: "medicare", program: "medicare", period: { start: "2027-01-01" } },
          ],
          maxSelfPay: { currency: "USD", minorUnits: 20000 },
        },
        clinician: clinicianOverrides,
      });
    expect(codes(assess(toMedicare()))).toEqual(["insurance-changed"]);
    expect(finding(assess(toMedicare()), "insurance-changed")?.alternatives).toEqual([]);
    expect(assess(toMedicare({ medicareOptOut: { start: "2026-01-01" } })).refer).toBe(false);
  });

  it("a Medicare beneficiary paying out of pocket is offered no sliding scale", () => {
    const input = referralCase({
      client: {
        coverage: [{ payerId: "medicare", program: "medicare", period: { start: "2024-01-01" } }],
        maxSelfPay: { currency: "USD", minorUnits: 9000 },
      },
      clinician: { insurancePanels: [], slidingScaleFloor: { currency: "USD", minorUnits: 8000 } },
    });
    const assessment = assess(input, { policy: { billing: { slidingScale: true } } });
    expect(codes(assessment)).toEqual(["cannot-afford"]);
    expect(finding(assessment, "cannot-afford")?.alternatives).toEqual([]);
  });
});

describe("assessPanelExit: who must be referred and who can continue", () => {
  const exit = (clients: Record<string, unknown>[]) =>
    untyped({
      date: "2027-01-01",
      clinicianIds: ["clin-ana"],
      payerIds: ["aetna"],
      clinicians: [clinician({ insurancePanels: [panel("aetna"), panel("kaiser")] })],
      clients,
      episodes: clients.map((entry) => ({ clientId: entry["id"], clinicianId: "clin-ana" })),
    });

  it("a client who can pay the fee continues, with the ways and the notices; one who cannot is referred", () => {
    const result = assessPanelExit(
      exit([
        client({ id: "cl-able", maxSelfPay: { currency: "USD", minorUnits: 20000 } }),
        client({ id: "cl-tight", maxSelfPay: { currency: "USD", minorUnits: 5000 } }),
        client({ id: "cl-other", coverage: [{ payerId: "kaiser", program: "commercial", period: { start: "2024-01-01" } }] }),
      ]),
      { now: NOW, vocabulary },
    );
    expect(result.referrals.map((referral) => [referral.clientId, referral.payerIds])).toEqual([["cl-tight", ["aetna"]]]);
    expect(
      result.continuing.map((entry) => [entry.clientId, entry.clinicianId, entry.payerIds, entry.ways.map((way) => way.kind)]),
    ).toEqual([["cl-able", "clin-ana", ["aetna"], ["self-pay", "superbill"]]]);
    expect(result.continuing[0]?.notices.map((notice) => notice.code)).toEqual([
      "continuity-of-care",
      "good-faith-estimate",
      "leaving-panel",
    ]);
    expect(result.referrals[0]?.assessment.notices.map((notice) => notice.code)).toEqual(["continuity-of-care"]);
  });

  it("a Medicare beneficiary is referred unless the clinician opted out", () => {
    const medicare = client({
      id: "cl-m",
      coverage: [{ payerId: "aetna", program: "medicare", period: { start: "2024-01-01" } }],
      maxSelfPay: { currency: "USD", minorUnits: 20000 },
    });
    expect(assessPanelExit(exit([medicare]), { now: NOW, vocabulary }).referrals.map((referral) => referral.clientId)).toEqual(["cl-m"]);
  });
});

describe("criteria for a Medicare or Medicaid beneficiary", () => {
  it("carry no self-pay ceiling, neither the client's nor a finding's: their networks only", () => {
    for (const program of ["medicare", "medicaid"]) {
      const input = referralCase({
        client: {
          coverage: [{ payerId: "gov", program, period: { start: "2024-01-01" } }],
          maxSelfPay: { currency: "USD", minorUnits: 9000 },
        },
        clinician: { insurancePanels: [] },
        hardship: { reported: "2026-11-01" },
      });
      const assessment = assess(input);
      expect(assessment.criteria.require.payment).toEqual({ payers: [{ payerId: "gov" }] });
      // The same case under a commercial plan keeps the ceiling.
      const commercial = structuredClone(input) as { client: { coverage: { program: string }[] } };
      (commercial.client.coverage[0] as { program: string }).program = "commercial";
      expect(assess(commercial).criteria.require.payment?.maxSelfPay).toEqual({ currency: "USD", minorUnits: 9000 });
    }
  });
});

describe("the ways to keep paying hold over the look-ahead", () => {
  const kindsOf = (alternatives: readonly { kind: string }[] | undefined) => alternatives?.map((alternative) => alternative.kind);
  const fee = { currency: "USD", minorUnits: 20000 };
  const outOfNetwork = { policy: { billing: { outOfNetwork: true } } };

  it("a client on Medicaid from next week is offered no self-pay, superbill or out-of-network billing today: the referral stands", () => {
    // Aetna (paying out of network) until 29 November, Medicaid from the 30th; the practice leaves the Aetna panel on the 26th.
    const coverage = [
      { payerId: "aetna", program: "commercial", outOfNetworkBenefits: true, period: { start: "2024-01-01", end: "2026-11-29" } },
      { payerId: "or-medicaid", program: "medicaid", period: { start: "2026-11-30" } },
    ];
    const leaving = referralCase({ client: { coverage, maxSelfPay: fee }, clinician: { insurancePanels: [panel("aetna", "2026-11-25")] } });
    const assessment = assess(leaving, outOfNetwork);
    expect(assessment.refer).toBe(true);
    expect(codes(assessment)).toEqual(["leaving-panel"]);
    expect(finding(assessment, "leaving-panel")?.date).toBe("2026-11-26");
    expect(finding(assessment, "leaving-panel")?.alternatives).toEqual([]);
    expect(assessment.notices.map((notice) => notice.code)).not.toContain("good-faith-estimate");
    expect(assessment.unevaluated).not.toContainEqual(expect.objectContaining({ rule: "leaving-panel" }));
    // The same change of cover after an insurance change: Aetna in network until the 25th, Cigna until the 29th, then Medicaid.
    const changing = referralCase({
      client: {
        coverage: [
          { payerId: "aetna", program: "commercial", period: { start: "2024-01-01", end: "2026-11-25" } },
          { payerId: "cigna", program: "commercial", outOfNetworkBenefits: true, period: { start: "2026-11-26", end: "2026-11-29" } },
          { payerId: "or-medicaid", program: "medicaid", period: { start: "2026-11-30" } },
        ],
        maxSelfPay: fee,
      },
    });
    const changed = assess(changing, outOfNetwork);
    expect(changed.refer).toBe(true);
    expect(codes(changed)).toEqual(["insurance-changed"]);
    expect(finding(changed, "insurance-changed")?.alternatives).toEqual([]);
    // The host may judge fewer days: until the Medicaid cover starts, Aetna's ways are open.
    const rules = context(leaving, outOfNetwork);
    expect(rules.paymentAlternatives([{ payerId: "aetna" }], "2026-11-26")).toEqual([]);
    expect(kindsOf(rules.paymentAlternatives([{ payerId: "aetna" }], "2026-11-26", "2026-11-29"))).toEqual([
      "self-pay",
      "superbill",
      "out-of-network",
    ]);
  });

  it("cannot afford: a client paying for themselves who takes up Medicaid next month is offered no sliding scale", () => {
    const paying = (coverage: readonly Record<string, unknown>[]) =>
      assess(
        referralCase({
          client: { coverage, maxSelfPay: { currency: "USD", minorUnits: 9000 } },
          clinician: { slidingScaleFloor: { currency: "USD", minorUnits: 8000 } },
        }),
        { policy: { billing: { slidingScale: true } } },
      );
    expect(paying([]).refer).toBe(false);
    const medicaid = paying([{ payerId: "or-medicaid", program: "medicaid", period: { start: "2026-12-15" } }]);
    expect(codes(medicaid)).toEqual(["cannot-afford"]);
    expect(finding(medicaid, "cannot-afford")?.alternatives).toEqual([]);
    // The assessment's criteria read the same days: no self-pay ceiling for a client Medicaid covers within them.
    expect(medicaid.criteria.require.payment?.maxSelfPay).toBeUndefined();
  });

  it("a coming gap is bridged with the cover held during it: Medicaid taken up in the gap bars self-pay", () => {
    // Aetna lapses from 1 to 7 January; Medicaid starts on the 4th.
    const gap = referralCase({
      client: {
        coverage: [
          { payerId: "aetna", program: "commercial", period: { start: "2024-01-01", end: "2026-12-31" } },
          { payerId: "aetna", program: "commercial", period: { start: "2027-01-08" } },
          { payerId: "or-medicaid", program: "medicaid", period: { start: "2027-01-04" } },
        ],
        maxSelfPay: fee,
      },
    });
    const assessment = assess(gap);
    expect(assessment.refer).toBe(false);
    expect(assessment.notices.map((notice) => [notice.code, notice.until, kindsOf(notice.alternatives)])).toEqual([
      ["coverage-gap", "2027-01-07", ["pause-until-cover-resumes"]],
    ]);
  });

  it("a coming gap is bridged with the cover of its first day, not today's", () => {
    // Aetna lapses from 1 to 7 January. Today the client also holds Cigna's Medicaid plan, which ends on 31 December; from
    // 1 January they hold a Cigna employer plan that pays out of network.
    const coverage = (cigna: readonly Record<string, unknown>[]) => [
      { payerId: "aetna", program: "commercial", period: { start: "2024-01-01", end: "2026-12-31" } },
      { payerId: "aetna", program: "commercial", period: { start: "2027-01-08" } },
      ...cigna,
    ];
    const employer = { payerId: "cigna", program: "commercial", outOfNetworkBenefits: true, period: { start: "2027-01-01" } };
    const medicaid = { payerId: "cigna", program: "medicaid", period: { start: "2024-01-01", end: "2026-12-31" } };
    const bridging = (cigna: readonly Record<string, unknown>[]) => {
      const { notices } = assess(referralCase({ client: { coverage: coverage(cigna), maxSelfPay: fee } }), outOfNetwork);
      return [notices.map((notice) => notice.code), kindsOf(notices.find((notice) => notice.code === "coverage-gap")?.alternatives)];
    };
    const ways = ["self-pay", "superbill", "out-of-network", "pause-until-cover-resumes"];
    expect(bridging([medicaid, employer])).toEqual([["coverage-gap", "good-faith-estimate"], ways]);
    // Cover that starts on the gap's first day, with no cover of that payer today, is held for the gap too.
    expect(bridging([employer])).toEqual([["coverage-gap", "good-faith-estimate"], ways]);
  });

  it("a Medicare private contract only when the clinician's opt-out is in force for the look-ahead from the loss", () => {
    // The clinician leaves the Aetna panel on 1 January 2027; 120 days on is 1 May 2027.
    const leaving = (end: string) =>
      referralCase({
        client: {
          coverage: [{ payerId: "aetna", program: "medicare", period: { start: "2024-01-01" } }],
          maxSelfPay: fee,
        },
        clinician: { insurancePanels: [panel("aetna", "2026-12-31")], medicareOptOut: { start: "2026-06-01", end } },
      });
    const lapsing = assess(leaving("2027-04-30"));
    expect(codes(lapsing)).toEqual(["leaving-panel"]);
    expect(finding(lapsing, "leaving-panel")?.alternatives).toEqual([]);
    const lasting = assess(leaving("2027-05-01"));
    expect(lasting.refer).toBe(false);
    expect(kindsOf(lasting.notices.find((notice) => notice.code === "leaving-panel")?.alternatives)).toEqual(["private-contract"]);
  });

  it("no Medicare private contract while the client also holds cover of no known programme, which may be Medicaid, unless the host offers", () => {
    const input = referralCase({
      client: {
        coverage: [
          { payerId: "aetna", program: "medicare", period: { start: "2024-01-01" } },
          { payerId: "regence", period: { start: "2024-01-01" } },
        ],
        maxSelfPay: fee,
      },
      clinician: { insurancePanels: [panel("aetna", "2026-12-31")], medicareOptOut: { start: "2026-06-01" } },
    });
    const withheld = assess(input);
    expect(finding(withheld, "leaving-panel")?.alternatives).toEqual([]);
    expect(withheld.unevaluated).toContainEqual({ rule: "leaving-panel", needs: ["client.coverage.program"] });
    const offered = assess(input, { policy: { billing: { unknownProgram: "offer" } } });
    expect(offered.refer).toBe(false);
    expect(kindsOf(offered.notices.find((notice) => notice.code === "leaving-panel")?.alternatives)).toEqual(["private-contract"]);
  });

  it("cannot afford: the ways bridge only to the day the client is in network with the clinician", () => {
    // Uninsured today; Medicaid from 15 December, a plan the clinician takes (or does not).
    const bridging = (panels: ReturnType<typeof panel>[]) =>
      assess(
        referralCase({
          client: {
            coverage: [{ payerId: "or-medicaid", program: "medicaid", period: { start: "2026-12-15" } }],
            maxSelfPay: { currency: "USD", minorUnits: 9000 },
          },
          clinician: { insurancePanels: panels, slidingScaleFloor: { currency: "USD", minorUnits: 8000 } },
        }),
        { policy: { billing: { slidingScale: true } } },
      );
    const covered = bridging([panel("or-medicaid")]);
    expect(covered.refer).toBe(false);
    const notice = covered.notices.find((entry) => entry.code === "cannot-afford");
    expect(kindsOf(notice?.alternatives)).toEqual(["sliding-scale"]);
    // The reduced fee ends when the plan starts paying, and both the clinician and the client are told when.
    expect(notice?.summary).toContain("until 2026-12-15, when the client is in network with");
    expect(notice?.explanation).toContain("From 15 December 2026, our sessions are in your insurance plan's network.");
    // The scale itself says when it ends, wherever it is offered.
    expect(notice?.alternatives?.[0]?.summary).toContain("until 2026-12-15");
    expect(notice?.alternatives?.[0]?.explanation).toContain("From 15 December 2026");
    // In network for a while only: a panel that lapses again before the end of the look-ahead bridges nothing.
    const lapsing = bridging([{ payerId: "or-medicaid", period: { start: "2020-01-01", end: "2027-01-31" } }]);
    expect(codes(lapsing)).toEqual(["cannot-afford"]);
    expect(finding(lapsing, "cannot-afford")?.alternatives).toEqual([]);
    // Not in network with the Medicaid plan: no private fee once Medicaid covers the client, so the referral stands.
    const uncovered = bridging([]);
    expect(codes(uncovered)).toEqual(["cannot-afford"]);
    expect(finding(uncovered, "cannot-afford")?.alternatives).toEqual([]);
  });

  it("hardship refers no client away from a clinician in network with their Medicaid, who may charge them nothing more", () => {
    const onMedicaid = (panels: ReturnType<typeof panel>[]) =>
      assess(
        referralCase({
          client: {
            coverage: [{ payerId: "or-medicaid", program: "medicaid", period: { start: "2026-01-01" } }],
            maxSelfPay: { currency: "USD", minorUnits: 9000 },
          },
          clinician: { insurancePanels: panels, slidingScaleFloor: { currency: "USD", minorUnits: 8000 } },
          hardship: { reported: "2026-11-20" },
        }),
        { policy: { billing: { slidingScale: true } } },
      );
    const inNetwork = onMedicaid([panel("or-medicaid")]);
    expect(inNetwork.refer).toBe(false);
    expect(inNetwork.notices.map((notice) => notice.code)).not.toContain("cannot-afford");
    // Medicaid that ends within the look-ahead, for cover the clinician does not take: hardship decides, as before.
    const ending = assess(
      referralCase({
        client: {
          coverage: [
            { payerId: "or-medicaid", program: "medicaid", period: { start: "2026-01-01", end: "2026-12-31" } },
            { payerId: "cigna", program: "commercial", period: { start: "2027-01-01" } },
          ],
          maxSelfPay: fee,
        },
        clinician: { insurancePanels: [panel("or-medicaid")], fee },
        hardship: { reported: "2026-11-20" },
      }),
    );
    expect(codes(ending)).toContain("cannot-afford");
    // And so when the clinician takes the cover that follows: it is Medicaid that must last, not any cover in network.
    const followed = assess(
      referralCase({
        client: {
          coverage: [
            { payerId: "or-medicaid", program: "medicaid", period: { start: "2026-01-01", end: "2026-12-31" } },
            { payerId: "cigna", program: "commercial", period: { start: "2026-06-01" } },
          ],
          maxSelfPay: fee,
        },
        clinician: { insurancePanels: [panel("or-medicaid"), panel("cigna")], fee },
        hardship: { reported: "2026-11-20" },
      }),
    );
    expect(codes(followed)).toContain("cannot-afford");
    // Out of network with it, the clinician may not charge the client either: the referral stands, within Medicaid.
    const outOfNetwork = onMedicaid([]);
    expect(codes(outOfNetwork)).toEqual(["cannot-afford"]);
    expect(outOfNetwork.criteria.require.payment).toEqual({ payers: [{ payerId: "or-medicaid" }] });
  });

  it("paymentAlternatives judges the look-ahead from its own day by default, as the rules do after a loss", () => {
    const rules = context(
      referralCase({
        client: {
          coverage: [
            { payerId: "aetna", program: "commercial", period: { start: "2024-01-01" } },
            { payerId: "or-medicaid", program: "medicaid", period: { start: "2027-04-15" } },
          ],
        },
      }),
    );
    // The horizon is 23 March 2027; from 1 March, 120 days reach past Medicaid's first day.
    expect(kindsOf(rules.paymentAlternatives([{ payerId: "aetna" }], "2027-03-01"))).toEqual([]);
    expect(kindsOf(rules.paymentAlternatives([{ payerId: "aetna" }], "2027-03-01", "2027-03-23"))).toEqual(["self-pay", "superbill"]);
    // A day that is not one is refused by name, and its value is not repeated.
    const refused = rejection(() => rules.paymentAlternatives([{ payerId: "aetna" }], "2027-3-1"));
    expect(refused.issues.map((issue) => issue.path)).toEqual([[]]);
    expect(refused.message).not.toContain("2027-3-1");
  });

  it("a panel exit beyond the look-ahead judges the ways for the look-ahead after the exit, not on its day alone", () => {
    const exit = (date: string) =>
      untyped({
        date,
        clinicianIds: ["clin-ana"],
        payerIds: ["aetna"],
        clinicians: [clinician({ insurancePanels: [panel("aetna")] })],
        clients: [
          client({
            id: "cl-m",
            coverage: [
              { payerId: "aetna", program: "commercial", period: { start: "2024-01-01", end: date } },
              { payerId: "or-medicaid", program: "medicaid", period: { start: addDays(date, 1) } },
            ],
            maxSelfPay: fee,
          }),
        ],
        episodes: [{ clientId: "cl-m", clinicianId: "clin-ana" }],
      });
    for (const date of ["2027-01-01", "2027-09-01"]) {
      const result = assessPanelExit(exit(date), { now: NOW, vocabulary });
      expect(result.continuing).toEqual([]);
      expect(result.referrals.map((referral) => referral.clientId)).toEqual(["cl-m"]);
      // Nor do the criteria carry a self-pay ceiling for a client on Medicaid from the next day.
      expect(result.referrals[0]?.assessment.criteria.require.payment?.maxSelfPay).toBeUndefined();
    }
    // The length is the policy's look-ahead (120 days), not the distance to the exit: Medicaid 153 days after it does not bar self-pay.
    const later = exit("2027-09-01") as { clients: { coverage: { period: { start: string; end?: string } }[] }[] };
    const [aetna, medicaid] = later.clients[0]?.coverage ?? [];
    delete aetna?.period.end;
    if (medicaid !== undefined) medicaid.period.start = addDays("2027-09-01", 153);
    const result = assessPanelExit(later as never, { now: NOW, vocabulary });
    expect(result.continuing.map((entry) => [entry.clientId, entry.ways.map((way) => way.kind)])).toEqual([
      ["cl-m", ["self-pay", "superbill"]],
    ]);
  });

  it("the criteria bar self-pay for as long as the ways are judged after a loss, though a more urgent finding starts care today", () => {
    // The Aetna panel ends on 28 February; Medicare covers the client from 1 June, within 120 days of the loss; hardship now.
    const input = referralCase({
      client: {
        coverage: [
          { payerId: "aetna", program: "commercial", period: { start: "2024-01-01" } },
          { payerId: "medicare", program: "medicare", period: { start: "2027-06-01" } },
        ],
        maxSelfPay: { currency: "USD", minorUnits: 15000 },
      },
      clinician: { insurancePanels: [panel("aetna", "2027-02-28")] },
      hardship: { reported: "2026-11-20" },
    });
    const assessment = assess(input);
    expect(assessment.criteria.startDate).toBe(NOW);
    expect(finding(assessment, "leaving-panel")?.alternatives).toEqual([]);
    expect(assessment.criteria.require.payment?.maxSelfPay).toBeUndefined();
  });

  it("paymentAlternatives: coverage of the payers that has ended, or not yet begun, offers no superbill or out-of-network billing", () => {
    const rules = context(
      referralCase({
        client: {
          coverage: [
            { payerId: "regence", program: "commercial", outOfNetworkBenefits: true, period: { start: "2023-01-01", end: "2026-10-31" } },
            { payerId: "cigna", program: "commercial", outOfNetworkBenefits: true, period: { start: "2026-11-01" } },
          ],
        },
      }),
      outOfNetwork,
    );
    expect(kindsOf(rules.paymentAlternatives([{ payerId: "regence" }]))).toEqual(["self-pay"]);
    expect(kindsOf(rules.paymentAlternatives([{ payerId: "cigna" }], "2026-10-15"))).toEqual(["self-pay"]);
    expect(kindsOf(rules.paymentAlternatives([{ payerId: "cigna" }]))).toEqual(["self-pay", "superbill", "out-of-network"]);
    expect(kindsOf(rules.paymentAlternatives([{ payerId: "regence" }], "2026-10-15"))).toEqual(["self-pay", "superbill", "out-of-network"]);
  });
});
