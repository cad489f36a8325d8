import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Client, Clinician, type PayerRef } from "referwell";
import { createRuleContext } from "referwell/refer";
import { networkTimeline } from "../../src/refer/internal/networkTimeline.js";
import { inNetworkOn } from "../../src/refer/internal/inNetworkOn.js";
import { comparePayers } from "../../src/refer/internal/comparePayers.js";
import { coverageChangedOn } from "../../src/refer/internal/coverageChangedOn.js";
import { payerRef } from "../../src/refer/internal/payerRef.js";
import { clinician as baseClinician, client as baseClient, referralCase, vocabulary } from "./fixtures.js";

const day = (offset: number): string => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) => day((Date.parse(date) - Date.UTC(2026, 0, 1)) / 86_400_000 + days);
const period = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }))
  .map(([start, length]) => (length === undefined ? { start: day(start) } : { start: day(start), end: day(start + length) }));
const payerId = fc.constantFrom("aetna", "kaiser", "cigna");
const plan = fc.constantFrom("ppo", "hmo", "epo");

const coverage = fc.record({ payerId, planId: fc.option(plan, { nil: undefined }), period });
const panel = fc.record({ payerId, plans: fc.option(fc.array(plan, { maxLength: 3 }), { nil: undefined }), period });

describe("networkTimeline", () => {
  test.prop([
    fc.array(coverage, { maxLength: 6 }),
    fc.array(panel, { maxLength: 8 }),
    fc.array(fc.integer({ min: -5, max: 100 }), { maxLength: 10 }),
  ])("says on each change, and so on every day after it up to the next, what inNetworkOn says", (coverages, panels, days) => {
    const client = Client.parse(baseClient({ coverage: coverages }));
    const clinician = Clinician.parse(baseClinician({ insurancePanels: panels }));
    const changes = [
      ...new Set([...coverages, ...panels].flatMap(({ period: p }) => (p.end === undefined ? [p.start] : [p.start, shift(p.end, 1)]))),
    ].sort();
    const covered = networkTimeline(client, clinician, changes);
    changes.forEach((date, index) => expect(covered[index] === 1).toBe(inNetworkOn(client, clinician, date).length > 0));
    for (const offset of days) {
      const date = day(offset);
      const last = changes.filter((change) => change <= date).length - 1;
      expect(last >= 0 && covered[last] === 1).toBe(inNetworkOn(client, clinician, date).length > 0);
    }
  });
});

describe("the loss of in-network cover", () => {
  it("never comes from a period that ends on the last day there is", () => {
    const forever = { start: "2020-01-01", end: "9999-12-31" };
    const referral = referralCase({
      client: { coverage: [{ payerId: "aetna", period: forever }] },
      clinician: { insurancePanels: [{ payerId: "aetna", period: forever }] },
    });
    const context = createRuleContext(referral as Parameters<typeof createRuleContext>[0], {
      now: "9999-06-01",
      policy: { lookAheadDays: 365 },
    });
    expect([context.networkLoss, context.networkGap]).toEqual([undefined, undefined]);
    const client = Client.parse(baseClient({ coverage: [{ payerId: "aetna", period: forever }] }));
    const clinician = Clinician.parse(baseClinician({ insurancePanels: [{ payerId: "aetna", period: forever }] }));
    expect([...networkTimeline(client, clinician, ["2020-01-01", "9999-12-31"])]).toEqual([1, 1]);
  });

  test.prop([fc.array(coverage, { maxLength: 6 }), fc.array(panel, { maxLength: 8 }), fc.integer({ min: 0, max: 120 })], { numRuns: 300 })(
    "is told as the client stands on its day, or today when it is past; the insurance changed on a day the client held none of what ended",
    (coverages, panels, today) => {
      const now = day(today);
      const referral = referralCase({
        client: { coverage: coverages },
        clinician: { insurancePanels: panels },
        episode: { start: day(0) },
      });
      const context = createRuleContext(referral as Parameters<typeof createRuleContext>[0], { now, vocabulary });
      const { client, clinician } = context;
      const sorted = (payers: readonly PayerRef[]) => [...payers].sort(comparePayers);
      const heldOn = (date: string) =>
        sorted(client.coverage.filter(({ period: p }) => p.start <= date && (p.end === undefined || date <= p.end)).map(payerRef));
      const holds = (date: string, payer: PayerRef) => heldOn(date).some((held) => comparePayers(held, payer) === 0);
      for (const loss of [context.networkLoss, context.networkGap]) {
        if (loss === undefined) continue;
        const on = loss.date < now ? now : loss.date;
        expect(loss.coverageAfter).toEqual(heldOn(on));
        expect(sorted([...loss.coverageEnded, ...loss.panelEnded])).toEqual(inNetworkOn(client, clinician, shift(loss.date, -1)));
        for (const payer of loss.panelEnded) expect(holds(on, payer)).toBe(true);
        for (const payer of loss.coverageEnded) expect(holds(on, payer)).toBe(false);
        const changed = coverageChangedOn(client, loss, now);
        expect(changed >= loss.date && changed <= on).toBe(true);
        for (let date = changed; date <= on; date = shift(date, 1))
          for (const payer of loss.coverageEnded) expect(holds(date, payer)).toBe(false);
        if (changed > loss.date) expect(loss.coverageEnded.some((payer) => holds(shift(changed, -1), payer))).toBe(true);
      }
    },
  );
});
