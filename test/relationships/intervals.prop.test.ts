import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type RelationshipEvent, relationshipState, suggestNextActions } from "referwell/relationships";
import { shiftBy, shiftDays, shiftMonths } from "../support/calendarOracle.js";

/** A delay as a policy writes it: a bare number of days, `{ days }`, `{ weeks }` or, most often, calendar `{ months }`. */
const delay = fc.oneof(
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }) },
  { weight: 1, arbitrary: fc.record({ days: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ weeks: fc.integer({ min: 0, max: 8 }) }) },
  { weight: 3, arbitrary: fc.record({ months: fc.integer({ min: 0, max: 12 }) }) },
);
const interval = fc.oneof(
  fc.integer({ min: 1, max: 120 }),
  fc.record({ weeks: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ months: fc.integer({ min: 1, max: 14 }) }),
);
/** Dates over three years, half of them the last days of a month (2028's leap day among them), where months clamp. */
const day = fc.oneof(
  fc.integer({ min: 0, max: 1_100 }).map((offset) => shiftDays("2027-01-01", offset)),
  fc
    .tuple(fc.integer({ min: 0, max: 35 }), fc.integer({ min: 0, max: 3 }))
    .map(([month, back]) => shiftDays(shiftMonths("2027-02-01", month), -1 - back)),
);
const ev = (id: string, date: string, type: string, more: object = {}) =>
  ({ id, date, type, clinicianId: "clin-a", referrerId: "ref-1", ...more }) as RelationshipEvent;
const dueOf = (events: RelationshipEvent[], now: string, policy: object, code: string) =>
  suggestNextActions(relationshipState(events, { now, policy }), { now }).find((action) => action.code === code)?.dueDate;

describe("follow-ups and snoozes in days, weeks or calendar months", () => {
  test.prop([day, delay])("a follow-up after a meeting falls due the delay after it, months as calendar months", (date, after) => {
    expect(dueOf([ev("e1", date, "meeting-held", { fit: true })], date, { followUpAfterMeetingDays: after }, "follow-up-meeting")).toBe(
      shiftBy(date, after),
    );
  });

  test.prop([day, delay])("a thank-you falls due the delay after the referral", (date, after) => {
    const received = [ev("e1", date, "referral-received", { addressedTo: "point-person" })];
    expect(dueOf(received, date, { thankWithinDays: after }, "thank-referrer")).toBe(shiftBy(date, after));
  });

  test.prop([day, delay])("an outreach follow-up falls due the delay after the outreach", (date, after) => {
    expect(dueOf([ev("e1", date, "outreach-sent")], date, { outreachFollowUpDays: after }, "follow-up-outreach")).toBe(
      shiftBy(date, after),
    );
  });

  test.prop([day, interval])("a snooze for an interval lasts through the day before the interval ends", (date, length) => {
    const state = relationshipState([ev("e1", date, "meeting-held", { fit: true }), ev("e2", date, "snoozed", { for: length })], {
      now: date,
    });
    expect(state.snoozedUntil).toBe(shiftDays(shiftBy(date, length), -1));
  });
});
