import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { ClinicianInput } from "referwell";
import { reviewWaitlist, type WaitlistEntryInput } from "referwell/intake";
import { createMatcher } from "referwell/match";
import { dateAt } from "../arbitraries/intake.js";

const clinician = (id: string, practiceId: string, caseloadCurrent: number): ClinicianInput => ({
  id,
  name: id,
  discipline: "psychologist",
  practiceId,
  licensure: { licenses: [{ jurisdiction: "US-OR" }] },
  populations: ["adults"],
  languages: ["en"],
  telehealth: true,
  availability: { timeZone: "America/Los_Angeles", slots: [{ day: "tue", start: "16:00", end: "20:00" }] },
  acceptingNewClients: true,
  capacity: { caseloadMax: 25, caseloadCurrent, weeklyNewClientLimit: 5, expectedWaitDays: 14 },
});
const matcher = createMatcher({
  clinicians: [clinician("clin-ana", "harbour", 24), clinician("clin-ben", "harbour", 20), clinician("clin-osei", "elsewhere", 10)],
});
const NOW = dateAt(60);
const URGENCY = ["urgent", "soon", "routine"] as const;

const waitlist = fc
  .uniqueArray(
    fc.record({
      id: fc.integer({ min: 0, max: 99 }).map((n) => `w-${n}`),
      dateAdded: fc.integer({ min: 0, max: 60 }).map(dateAt),
      urgency: fc.constantFrom(...URGENCY),
      maxWaitDays: fc.integer({ min: 0, max: 90 }),
      preferredClinicianIds: fc.subarray(["clin-ben", "clin-osei"]),
    }),
    { selector: (entry) => entry.id, maxLength: 12 },
  )
  .map((entries): WaitlistEntryInput[] =>
    entries.map((entry) => ({ ...entry, criteria: { location: { jurisdiction: "US-OR" }, require: { populations: ["adults"] } } })),
  );
const review = (entries: readonly WaitlistEntryInput[], places = [{ clinicianId: "clin-ben", count: 2 }]) =>
  reviewWaitlist(entries, matcher, { now: NOW, practiceId: "harbour", places });

describe("reviewWaitlist laws", () => {
  test.prop([waitlist.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length })))])(
    "the review does not depend on the order the waitlist comes in",
    ([entries, shuffled]) => {
      expect(review(shuffled)).toEqual(review(entries));
    },
  );

  test.prop([waitlist])("urgency first, then time waited; places go down the order; only the practice's clinicians offer", (entries) => {
    const { decisions } = review(entries);
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const key = (id: string) => {
      const entry = byId.get(id) as WaitlistEntryInput;
      return [URGENCY.indexOf(entry.urgency), entry.dateAdded, entry.id] as const;
    };
    for (let i = 1; i < decisions.length; i++) {
      const [a, b] = [key((decisions[i - 1] as { id: string }).id), key((decisions[i] as { id: string }).id)];
      expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))).toBe(true);
    }
    const offers = decisions.filter((decision) => decision.action === "offer");
    // clin-ana has room for one (24 of 25), clin-ben two places given: at most three offers, the first three read.
    expect(offers.length).toBe(Math.min(3, decisions.length));
    expect(offers.every((decision) => decision.order <= 3 && decision.clinicianId !== "clin-osei")).toBe(true);
    expect(decisions.filter((decision) => decision.action === "wait").map((decision) => decision.position)).toEqual(
      decisions.filter((decision) => decision.action === "wait").map((_, index) => index + 1),
    );
  });
});

describe("reviewWaitlist", () => {
  it("refers out, with outside options, a client who waited past their maximum", () => {
    const entries: WaitlistEntryInput[] = [
      { id: "w-1", dateAdded: dateAt(0), urgency: "routine", maxWaitDays: 30, criteria: { location: { jurisdiction: "US-OR" } } },
    ];
    const { decisions } = review(entries, [
      { clinicianId: "clin-ana", count: 0 },
      { clinicianId: "clin-ben", count: 0 },
    ]);
    expect(decisions).toEqual([expect.objectContaining({ action: "refer-out", options: ["clin-osei"], daysWaited: 60 })]);
  });
});
