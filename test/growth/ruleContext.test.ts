import { describe, expect, it } from "vitest";
import { createRuleContext } from "referwell/refer";
import { growthRatio } from "../support/growthRatio.js";
import { referralCase } from "../refer/fixtures.js";

const day = (offset: number): string => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

describe("the loss of in-network cover", () => {
  it("costs per coverage period and panel at 8n at most twice what it costs at n, when all are one payer's and start and end often", () => {
    // One payer's coverage periods, each starting a day after the last and all in force to the end, and its panels:
    // short plan-limited ones that list another plan, one after the other, and last an open one that keeps the client
    // in network throughout. Every change ahead is a boundary to look at, none is a loss, and on every day every
    // coverage period meets every panel.
    const input = (n: number) =>
      referralCase({
        client: {
          coverage: Array.from({ length: n }, (_, i) => ({ payerId: "aetna", planId: "ppo", period: { start: day(i), end: day(3_000) } })),
        },
        clinician: {
          insurancePanels: [
            ...Array.from({ length: 5 * n - 1 }, (_, i) => ({
              payerId: "aetna",
              plans: ["hmo"],
              period: { start: day(4 * i), end: day(4 * i + 5) },
            })),
            { payerId: "aetna", period: { start: day(0), end: day(4_000) } },
          ],
        },
      });
    const ratio = growthRatio(12, input, (referral) => {
      for (let round = 0; round < 20; round += 1)
        createRuleContext(referral as Parameters<typeof createRuleContext>[0], { now: day(1), policy: { lookAheadDays: 3_650 } });
    });
    expect(ratio).toBeLessThanOrEqual(2);
  });
});
