/** Generators for cadence: due touches around a plan's start, and plan options in real time zones. */
import fc from "fast-check";
import type { DueTouch } from "referwell/cadence";

const DAY_MS = 86_400_000;
const date = (base: string, days: number) => new Date(Date.parse(`${base}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export const ZONES = [
  "America/Los_Angeles",
  "America/New_York",
  "Europe/London",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Pacific/Auckland",
  "America/Sao_Paulo",
  "Asia/Tehran",
  "Australia/Lord_Howe",
  "Europe/Dublin",
  "America/Santiago",
  "Pacific/Apia",
] as const;

/** Plans start on dates around the year's daylight-saving changes. */
export const planStart = fc.constantFrom("2026-03-02", "2026-03-23", "2026-04-01", "2026-09-28", "2026-10-19", "2026-10-26", "2026-11-23");

export const dueTouchList = (from: string): fc.Arbitrary<DueTouch[]> =>
  fc
    .uniqueArray(
      fc.record({
        id: fc.stringMatching(/^t[0-9a-f]{1,4}$/),
        clinicianId: fc.option(fc.constantFrom("clin-a", "clin-b", "clin-c"), { nil: null, freq: 6 }),
        reason: fc.constantFrom(
          "cadence" as const,
          "thank-you" as const,
          "follow-up-meeting" as const,
          "progress-note" as const,
          "revive" as const,
        ),
        offset: fc.integer({ min: -40, max: 80 }),
        value: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 40, selector: (touch) => touch.id },
    )
    .map((list) =>
      list.map(({ id, clinicianId, reason, offset, value }) => ({
        id,
        referrerId: `ref-${id}`,
        clinicianId,
        reason,
        dueDate: date(from, offset),
        overdueDays: -offset,
        suggestedKind: "coffee" as const,
        value,
        explanation: "test",
      })),
    );

export const planSettings = (from: string) =>
  fc.record({
    from: fc.constant(from),
    weeks: fc.integer({ min: 1, max: 10 }),
    timeZone: fc.constantFrom(...ZONES),
    clinicianTimeZones: fc.constantFrom<{ clinicianId: string; timeZone: string }[]>(
      [],
      [{ clinicianId: "clin-b", timeZone: "Europe/London" }],
    ),
    workingDays: fc.subarray(["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const, { minLength: 1 }),
    holidays: fc.uniqueArray(
      fc.integer({ min: 0, max: 70 }).map((d) => date(from, d)),
      { maxLength: 6 },
    ),
    capacity: fc.integer({ min: 0, max: 4 }),
    preferredTime: fc.constantFrom("00:30", "02:30", "09:00", "10:00", "17:45", "23:30"),
    toleranceDays: fc.integer({ min: 0, max: 10 }),
  });
