import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { composeUpdate, type ConsentInput, evaluateConsent } from "referwell/consent";
import { consentOf } from "../support/consentOf.js";

const RUNS = { numRuns: Number(process.env["CONSENT_RUNS"] ?? 2_000) };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The offsets civil time uses, by quarter hours from UTC−12 to UTC+14. */
const OFFSETS_MIN = Array.from({ length: (26 * 60) / 15 + 1 }, (_, i) => -12 * 60 + i * 15);
const dateAt = (ms: number, offsetMin: number): string => new Date(ms + offsetMin * 60_000).toISOString().slice(0, 10);
const written = (ms: number, offsetMin: number): string => {
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
};

/** A consent in force from `start` to `end`, and an instant within 14 hours of one of its boundaries, written at some offset. */
const boundaryCase = fc
  .record({
    startDay: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 0, max: 5 }),
    atEnd: fc.boolean(),
    shiftMin: fc.integer({ min: -14 * 60, max: 14 * 60 }),
    writtenAt: fc.constantFrom(...OFFSETS_MIN),
  })
  .map(({ startDay, length, atEnd, shiftMin, writtenAt }) => {
    const startMs = Date.parse("2026-09-01T00:00:00Z") + startDay * DAY;
    const start = new Date(startMs).toISOString().slice(0, 10);
    const end = new Date(startMs + length * DAY).toISOString().slice(0, 10);
    // A boundary: the first midnight of the period or the midnight after its last day, in UTC.
    const boundary = atEnd ? startMs + (length + 1) * DAY : startMs;
    const ms = boundary + shiftMin * 60_000;
    return { start, end, ms, at: written(ms, writtenAt) };
  });

const consent = (start: string, end: string): ConsentInput => consentOf({ signed: "2026-08-01", period: { start, end } });

describe("time that fails closed", () => {
  test.prop([boundaryCase], RUNS)(
    "day-uncertainty closure: without a time zone, an instant near a period boundary is permitted only if every day it may be (UTC−12 to UTC+14) lies within the period, in evaluateConsent and composeUpdate alike",
    ({ start, end, ms, at }) => {
      const everywhere = OFFSETS_MIN.every((offset) => {
        const day = dateAt(ms, offset);
        return start <= day && day <= end;
      });
      const decision = evaluateConsent([consent(start, end)], {
        client: "cl-1",
        recipient: { referrerId: "ref-a" },
        purpose: "COC",
        category: "attendance",
        at,
      });
      expect(decision.decision === "permit").toBe(everywhere);
      const update = composeUpdate({
        kind: "progress",
        client: { id: "cl-1" },
        recipient: { referrerId: "ref-a", name: "Dr A" },
        purpose: "COC",
        facts: [{ id: "f", clientId: "cl-1", category: "attendance", text: "Attended.", recorded: "2026-08-15" }],
        consents: [consent(start, end)],
        now: at,
      });
      expect(update.included.length === 1).toBe(everywhere);
    },
  );

  test.prop(
    [boundaryCase, fc.constantFrom("Pacific/Kiritimati", "Australia/Sydney", "Asia/Kathmandu", "UTC", "America/Los_Angeles", "Etc/GMT+12")],
    RUNS,
  )(
    "with a time zone, the instant is read on its one local day there, as evaluating that plain date would",
    ({ start, end, at }, timeZone) => {
      const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(at));
      const query = { client: "cl-1", recipient: { referrerId: "ref-a" }, purpose: "COC", category: "attendance" } as const;
      const zoned = evaluateConsent([consent(start, end)], { ...query, at }, { timeZone });
      const dated = evaluateConsent([consent(start, end)], { ...query, at: parts });
      expect(zoned).toEqual(dated);
    },
  );
});
