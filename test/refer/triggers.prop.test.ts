import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { createVocabulary } from "referwell";
import { assessPanelExit, assessReferral, type ReferralAssessment, type ReferralPolicyInput } from "referwell/refer";
import { affectingExit, NOW, panelExit, referralCase } from "../arbitraries/refer.js";
import { untyped } from "../support/untyped.js";

const vocabulary = createVocabulary();
const PAYMENT = ["insurance-changed", "leaving-panel", "cannot-afford"];
const SELF_PAY = ["self-pay", "sliding-scale", "superbill", "private-contract"];
type Case = ReturnType<(typeof referralCase)["generate"]>["value"];

/** The policy's default look-ahead, in days. */
const LOOK_AHEAD = 120;
/** The day `days` after `day`. */
const dayAfter = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Days from today, often on the look-ahead's edges. */
const offset = fc.oneof(fc.integer({ min: -60, max: 260 }), fc.constantFrom(-1, 0, 1, LOOK_AHEAD - 1, LOOK_AHEAD, LOOK_AHEAD + 1));
/** A period starting and, often, ending near today. */
const span = fc
  .tuple(offset, fc.option(offset, { nil: undefined }))
  .map(([a, b]) =>
    b === undefined ? { start: dayAfter(NOW, a) } : { start: dayAfter(NOW, Math.min(a, b)), end: dayAfter(NOW, Math.max(a, b)) },
  );
const twoPayers = fc.constantFrom("aetna", "regence");
const program = fc.constantFrom("commercial", "medicare", "medicaid", undefined);
/** One coverage as the cases draw it, its programme possibly unknown. */
interface Cover {
  readonly payerId: string;
  readonly program: "commercial" | "medicare" | "medicaid" | undefined;
  readonly period: { readonly start: string; readonly end?: string };
}
/**
 * The cover a loss of in-network cover is judged by: Aetna held since long
 * ago, whose panel with the clinician ends within the look-ahead (or whose
 * cover ends), and cover taken up after, often public or of no known
 * programme, starting within the look-ahead.
 */
const losingAetna = fc
  .record({
    program,
    coverEnds: fc.option(fc.integer({ min: 0, max: 160 }), { nil: undefined }),
    panelEnds: fc.option(fc.integer({ min: -5, max: 160 }), { nil: undefined }),
    later: fc.array(fc.record({ payerId: twoPayers, starts: fc.integer({ min: 1, max: 130 }), program }), { maxLength: 2 }),
  })
  .map(({ program: held, coverEnds, panelEnds, later }) => ({
    coverage: [
      {
        payerId: "aetna",
        program: held,
        period: { start: dayAfter(NOW, -400), ...(coverEnds === undefined ? {} : { end: dayAfter(NOW, coverEnds) }) },
      },
      ...later.map(({ payerId, starts, program: taken }) => ({ payerId, program: taken, period: { start: dayAfter(NOW, starts) } })),
    ],
    panels: [
      { payerId: "aetna", period: { start: dayAfter(NOW, -400), ...(panelEnds === undefined ? {} : { end: dayAfter(NOW, panelEnds) }) } },
    ],
  }));
/** Cover and panels that start and end anywhere near the look-ahead. */
const anyCover = fc.record({
  coverage: fc.array(fc.record({ payerId: twoPayers, period: span, program }), { minLength: 1, maxLength: 3 }),
  panels: fc.array(fc.record({ payerId: twoPayers, period: span }), { maxLength: 3 }),
});
/**
 * A referral case whose cover, panels and Medicare opt-out start and end
 * within the look-ahead, often under Medicare or Medicaid, and whose
 * client often reported hardship: the days on which the ways to pay are
 * judged decide the answer.
 */
const paymentCase = fc
  .record({
    input: referralCase,
    cover: fc.oneof(losingAetna, anyCover),
    optOut: fc.option(span, { nil: undefined }),
    hardship: fc.option(fc.integer({ min: -60, max: 0 }), { nil: undefined }),
  })
  .map(({ input, cover, optOut, hardship }) => {
    const { medicareOptOut: _, ...clinician } = input.clinician as Record<string, unknown>;
    return {
      ...input,
      client: {
        ...input.client,
        coverage: (cover.coverage as readonly Cover[]).map(({ program: kind, ...entry }) =>
          kind === undefined ? entry : { ...entry, program: kind },
        ),
      },
      clinician: { ...clinician, insurancePanels: cover.panels, ...(optOut === undefined ? {} : { medicareOptOut: optOut }) },
      ...(hardship === undefined ? {} : { hardship: { reported: dayAfter(NOW, hardship) } }),
    };
  });

const assess = (input: unknown, policy: ReferralPolicyInput = {}): ReferralAssessment =>
  assessReferral(untyped(input), { now: NOW, vocabulary, policy });
const paymentFindings = (assessment: ReferralAssessment) =>
  assessment.findings.filter((finding) => PAYMENT.includes(finding.code)).map((finding) => finding.code);

/** A billing policy drawn from every switch. */
const billing = fc.record({
  selfPay: fc.boolean(),
  superbill: fc.boolean(),
  outOfNetwork: fc.boolean(),
  slidingScale: fc.boolean(),
  unknownProgram: fc.constantFrom("withhold" as const, "offer" as const),
});

/** One more way to pay: a policy switch turned on, or a higher stated maximum. */
const moreWays = fc.oneof(
  fc.constantFrom("selfPay" as const, "superbill" as const, "outOfNetwork" as const, "slidingScale" as const, "unknownProgram" as const),
  fc.integer({ min: 1, max: 30_000 }),
);

describe("triggers that are not referrals", () => {
  test.prop([referralCase, billing])(
    "continue or refer: a trigger is a notice carrying the way to continue or a finding, never both",
    (input, policy) => {
      const assessment = assess(input, { billing: policy });
      for (const code of [...PAYMENT, "moving"]) {
        const found = assessment.findings.filter((finding) => finding.code === code);
        const continuing = assessment.notices.filter((notice) => notice.code === code);
        for (const notice of continuing) {
          expect(notice.alternatives.length).toBeGreaterThan(0);
          // The same dated change is never both a way to continue and a reason to refer.
          expect(found.map((finding) => finding.date)).not.toContain(notice.date);
        }
      }
    },
  );

  test.prop([referralCase, billing, moreWays])(
    "monotone in ways to pay: allowing one more way never turns a notice into a finding",
    (input: Case, policy, more) => {
      const before = assess(input, { billing: policy });
      const richer =
        typeof more === "number"
          ? {
              input: {
                ...input,
                client: {
                  ...input.client,
                  maxSelfPay: { currency: "USD", minorUnits: (input.client.maxSelfPay?.minorUnits ?? 0) + more },
                },
              },
              policy,
            }
          : { input, policy: { ...policy, [more]: more === "unknownProgram" ? "offer" : true } };
      // A client with no stated maximum gains one: that can only decide more, never refer more, when it covers the old fee.
      if (typeof more === "number" && input.client.maxSelfPay === undefined) return;
      const after = assess(richer.input, { billing: richer.policy });
      for (const code of paymentFindings(after)) expect(paymentFindings(before)).toContain(code);
    },
  );

  test.prop([referralCase.map((input) => input), fc.constantFrom("medicare" as const, "medicaid" as const)])(
    "payer rules: a client covered only by Medicare or Medicaid from today on is never offered a superbill or out-of-network billing, and a panel exit never ordinary self-pay",
    (input, program) => {
      // Cover that ended before today keeps its programme: what the client held once never decides how they pay now.
      const coverage = input.client.coverage.map((entry) =>
        entry.period.end !== undefined && entry.period.end < NOW ? entry : { ...entry, program },
      );
      const client = { ...input.client, coverage };
      const heldToday = coverage.some(({ period }) => period.start <= NOW && (period.end === undefined || NOW <= period.end));
      const policy = { billing: { outOfNetwork: true, slidingScale: true, unknownProgram: "offer" as const } };
      const assessment = assess({ ...input, client }, policy);
      const entries = [...assessment.findings, ...assessment.notices];
      for (const entry of entries) {
        const kinds = entry.alternatives.map((alternative) => alternative.kind);
        expect(kinds).not.toContain("superbill");
        expect(kinds).not.toContain("out-of-network");
        // A client who holds no cover today is uninsured now, and may pay for themselves.
        if (entry.code === "leaving-panel" && heldToday) {
          const allowed = program === "medicare" ? ["private-contract"] : [];
          for (const kind of kinds) expect(allowed).toContain(kind);
        }
      }
    },
  );

  test.prop([paymentCase, billing], { numRuns: 1500 })(
    "payer rules over the look-ahead: no way to pay privately while the client holds Medicare or Medicaid (or, withheld, cover of no known programme) on a day it must hold, and a private contract only under Medicare, while the opt-out lasts",
    (input, policy) => {
      const assessment = assess(input, { billing: policy });
      const { coverage } = input.client as { coverage: { period: { start: string; end?: string }; program?: string }[] };
      const optOut = (input.clinician as { medicareOptOut?: { start: string; end?: string } }).medicareOptOut;
      const within = (span: { start: string; end?: string } | undefined, day: string) =>
        span !== undefined && span.start <= day && (span.end === undefined || day <= span.end);
      for (const entry of [...assessment.findings, ...assessment.notices]) {
        if (!PAYMENT.includes(entry.code) || entry.alternatives.length === 0) continue;
        // The days the ways must hold (see payingAfter and the cannot-afford rule): the look-ahead from the loss (from
        // today for a loss already past), or, for a sliding scale that bridges to lasting cover, to the day before it.
        const bridge = /until (\d{4}-\d{2}-\d{2}), when the client is in network/.exec(entry.alternatives[0]?.summary ?? "")?.[1];
        const on = entry.code === "cannot-afford" || (entry.date ?? NOW) < NOW ? NOW : (entry.date as string);
        const until = bridge === undefined ? dayAfter(on, LOOK_AHEAD) : dayAfter(bridge, -1);
        const held = coverage.filter(({ period }) => period.start <= until && (period.end === undefined || period.end >= on));
        const programs = new Set(held.map((entry) => entry.program ?? (policy.unknownProgram === "withhold" ? "unknown" : "other")));
        for (const { kind } of entry.alternatives) {
          if (kind === "private-contract") {
            expect(
              [...programs].filter((program) => program === "medicaid" || program === "unknown"),
              entry.code,
            ).toEqual([]);
            expect(programs.has("medicare"), entry.code).toBe(true);
            expect([within(optOut, on), within(optOut, until)], entry.code).toEqual([true, true]);
          } else {
            expect(
              [...programs].filter((program) => ["medicare", "medicaid", "unknown"].includes(program)),
              `${entry.code} ${kind}`,
            ).toEqual([]);
          }
        }
      }
    },
  );

  it("the payment cases reach every way the law above speaks of, and losses whose ways later public cover bars", () => {
    const kinds = new Set<string>();
    let barredLater = 0;
    for (const input of fc.sample(paymentCase, { numRuns: 500, seed: 11 })) {
      const assessment = assess(input, { billing: { selfPay: true, superbill: true, outOfNetwork: true, slidingScale: true } });
      for (const entry of [...assessment.findings, ...assessment.notices]) {
        if (!PAYMENT.includes(entry.code)) continue;
        for (const { kind, summary } of entry.alternatives) kinds.add(/until \d/.test(summary) ? `${kind} bridging` : kind);
        // A loss whose ways are judged over a window in which public cover starts after its first day.
        const on = (entry.date ?? NOW) < NOW ? NOW : (entry.date ?? NOW);
        const later = (input.client.coverage as { program?: string; period: { start: string } }[]).some(
          (cover) => cover.program !== "commercial" && cover.period.start > on && cover.period.start <= dayAfter(on, LOOK_AHEAD),
        );
        if (entry.code !== "cannot-afford" && later) barredLater += 1;
      }
    }
    expect([...kinds].sort()).toEqual(
      ["out-of-network", "private-contract", "self-pay", "sliding-scale", "sliding-scale bridging", "superbill"].sort(),
    );
    expect(barredLater).toBeGreaterThan(50);
  });

  test.prop([fc.oneof(affectingExit, panelExit), billing])(
    "panel exit: a client who can continue never appears in referrals, and has a way to continue",
    (exit, policy) => {
      const result = assessPanelExit(untyped(exit), { now: NOW, vocabulary, policy: { billing: policy } });
      const referred = new Set(result.referrals.map((referral) => `${referral.clientId}/${referral.clinicianId}`));
      for (const entry of result.continuing) {
        expect(referred.has(`${entry.clientId}/${entry.clinicianId}`)).toBe(false);
        expect(entry.ways.length).toBeGreaterThan(0);
        expect(entry.payerIds.length).toBeGreaterThan(0);
        // A client offered to pay the clinician directly is owed a good faith estimate.
        if (entry.ways.some((way) => SELF_PAY.includes(way.kind))) {
          expect(entry.notices.map((notice) => notice.code)).toContain("good-faith-estimate");
        }
      }
    },
  );

  it("the generators: exits leave clients on both sides, so the law above is not vacuous", () => {
    const results = fc
      .sample(affectingExit, { numRuns: 100, seed: 5 })
      .map((exit) => assessPanelExit(untyped(exit), { now: NOW, vocabulary }));
    expect(results.some((result) => result.continuing.length > 0)).toBe(true);
    expect(results.some((result) => result.referrals.length > 0)).toBe(true);
  });
});

describe("away (a stay elsewhere)", () => {
  const DAY = 86_400_000;
  const dayFrom = (offset: number) => new Date(Date.parse(`${NOW}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
  const PAUSE_DAYS = 28;
  const HOME = "US-OR";
  /** A day from today, often on an edge: yesterday, today, tomorrow, and either side of the look-ahead. */
  const day = fc.oneof(
    fc.integer({ min: -200, max: 400 }),
    fc.constantFrom(-1, 0, 1, PAUSE_DAYS - 1, PAUSE_DAYS, PAUSE_DAYS + 1, LOOK_AHEAD - 1, LOOK_AHEAD, LOOK_AHEAD + 1),
  );
  /** A stay by its days from today (start, and end or none), where, and where the clinician is licensed. */
  const stayCase = fc
    .record({
      first: day,
      last: fc.option(day, { nil: undefined }),
      place: fc.constantFrom("US-OR", "US-WA", "US-CA"),
      licensed: fc.subarray(["US-WA", "US-CA"]),
    })
    .map(({ first, last, place, licensed }) => ({
      start: last === undefined ? first : Math.min(first, last),
      length: last === undefined ? undefined : Math.abs(last - first),
      place,
      licensed,
    }));
  test.prop([referralCase, stayCase])(
    "a telehealth client's stay is read on its first day from today: nothing when over, later than the look-ahead or at home; where the clinician may not practise, paused through when short, by the look-ahead and with no safety signal, else a finding, urgent as it is close",
    (base: Case, stay) => {
      const period =
        stay.length === undefined ? { start: dayFrom(stay.start) } : { start: dayFrom(stay.start), end: dayFrom(stay.start + stay.length) };
      const client = {
        ...base.client,
        residence: { jurisdiction: HOME },
        plannedMoves: [],
        stays: [{ place: { jurisdiction: stay.place }, period }],
        preferences: { mode: "telehealth" },
      };
      const clinician = {
        ...base.clinician,
        telehealth: true,
        locations: [],
        licensure: { licenses: [HOME, ...stay.licensed].map((jurisdiction) => ({ jurisdiction })), compacts: [] },
      };
      const assessment = assess({ ...base, client, clinician });
      const found = assessment.findings.filter((finding) => finding.code === "away");
      const noticed = assessment.notices.filter((notice) => notice.code === "away");
      const end = stay.length === undefined ? undefined : stay.start + stay.length;
      const read = !(end !== undefined && end < 0) && stay.start <= LOOK_AHEAD && stay.place !== HOME;
      const from = dayFrom(Math.max(stay.start, 0));
      if (!read) {
        expect([found, noticed]).toEqual([[], []]);
        return;
      }
      if (stay.licensed.includes(stay.place)) {
        expect(found).toEqual([]);
        expect(noticed.map((notice) => [notice.date, notice.alternatives.map((alternative) => alternative.kind)])).toEqual([
          [from, ["continue-by-telehealth"]],
        ]);
        return;
      }
      const first = Math.max(stay.start, 0);
      const calm = assessment.safety.level === "none";
      const pause = end !== undefined && calm ? ["pause-while-away"] : [];
      if (end !== undefined && end <= LOOK_AHEAD && end - first + 1 <= PAUSE_DAYS && calm) {
        expect(found).toEqual([]);
        expect(noticed.map((notice) => [notice.date, notice.until, notice.alternatives.map((alternative) => alternative.kind)])).toEqual([
          [from, dayFrom(end), pause],
        ]);
        return;
      }
      expect(noticed).toEqual([]);
      expect(
        found.map((finding) => [
          finding.date,
          finding.careFrom,
          finding.urgency,
          finding.alternatives.map((alternative) => alternative.kind),
        ]),
      ).toEqual([[from, from, first <= 14 ? "urgent" : first <= 45 ? "soon" : "routine", pause]]);
      expect(assessment.refer).toBe(true);
      // Care starts by the first day the clinician cannot practise where the client is, never after it (no day would be
      // left without a clinician who may see them there); today for an urgent need present now.
      const mostUrgent = assessment.findings.filter((finding) => finding.urgency === assessment.urgency);
      if (assessment.urgency === "urgent" && mostUrgent.some((finding) => (finding.careFrom ?? NOW) <= NOW))
        expect(assessment.criteria.startDate).toBe(NOW);
      expect((assessment.criteria.startDate ?? NOW) <= (from > NOW ? from : NOW)).toBe(true);
    },
  );
});
