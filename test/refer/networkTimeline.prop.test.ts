import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Client, Clinician } from "referwell";
import { createRuleContext } from "referwell/refer";
import { networkTimeline } from "../../src/refer/internal/networkTimeline.js";
import { inNetworkOn } from "../../src/refer/internal/inNetworkOn.js";
import { clinician as baseClinician, client as baseClient, referralCase } from "./fixtures.js";

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
});
