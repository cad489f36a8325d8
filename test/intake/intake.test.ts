import { describe, expect, it } from "vitest";
import { InvalidInputError } from "referwell";
import { type InboundEventInput, outboundStatus, referralStatus } from "referwell/intake";
import { relationshipState } from "referwell/relationships";

const ev = (id: string, date: string, type: string, more: object = {}): InboundEventInput =>
  ({ id, referralId: "rf-1", date, type, ...more }) as InboundEventInput;
// Friday 20 November 2026.
const received = (urgency = "routine", date = "2026-11-20") =>
  ev("e0", date, "received", { referrerId: "ref-gp", addressedTo: "practice", clinicianId: "clin-ana", urgency, needs: ["anxiety"] });
const rejection = (call: () => unknown): InvalidInputError => {
  try {
    call();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
  }
  throw new Error("expected an InvalidInputError");
};

describe("referralStatus: the path to a first visit", () => {
  it("received, contacted, scheduled, seen: both standards met, the referrer owed word of receipt and of the first visit", () => {
    const events = [
      received("urgent"),
      ev("e1", "2026-11-20", "contacted"),
      ev("e2", "2026-11-20", "scheduled", { clinicianId: "clin-ana", appointmentDate: "2026-11-24" }),
      ev("e3", "2026-11-24", "first-visit-attended"),
    ];
    const status = referralStatus(events, { now: "2026-11-25" });
    expect(status.state).toBe("seen");
    expect(status.firstContact).toEqual({ dueBy: "2026-11-23", metOn: "2026-11-20", status: "met", businessDaysElapsed: 0 });
    expect(status.firstAppointment).toEqual({ dueBy: "2026-11-24", metOn: "2026-11-24", status: "met", businessDaysElapsed: 2 });
    expect(status.nextStep.code).toBe("none");
    expect(status.referrerUpdatesDue.map((update) => [update.milestone, update.reached, update.dueBy, update.overdue])).toEqual([
      ["received", "2026-11-20", "2026-11-24", true],
      ["first-visit", "2026-11-24", "2026-11-26", false],
    ]);
    const told = [
      ...events,
      ev("e4", "2026-11-25", "referrer-updated", { milestone: "received" }),
      ev("e5", "2026-11-25", "referrer-updated", { milestone: "first-visit" }),
    ];
    expect(referralStatus(told, { now: "2026-11-25" }).referrerUpdatesDue).toEqual([]);
  });

  it("business days skip weekends and holidays; overdue only after the day it is due by", () => {
    // Urgent, received on a Friday: first contact due the next business day, Monday, or Tuesday when Monday is a holiday.
    expect(referralStatus([received("urgent")], { now: "2026-11-20" }).firstContact.dueBy).toBe("2026-11-23");
    const withHoliday = (now: string) => referralStatus([received("urgent")], { now, holidays: ["2026-11-23"] }).firstContact;
    expect(withHoliday("2026-11-24")).toEqual({ dueBy: "2026-11-24", metOn: null, status: "pending", businessDaysElapsed: 1 });
    expect(withHoliday("2026-11-25")).toMatchObject({ status: "overdue", businessDaysElapsed: 2 });
    // A practice that works Saturdays.
    expect(
      referralStatus([received("urgent")], { now: "2026-11-20", workingDays: ["mon", "tue", "wed", "thu", "fri", "sat"] }).firstContact
        .dueBy,
    ).toBe("2026-11-21");
    // Routine: ten business days to the first appointment offered; an appointment after it is late.
    const late = referralStatus(
      [received(), ev("e1", "2026-11-23", "scheduled", { clinicianId: "clin-ana", appointmentDate: "2026-12-07" })],
      { now: "2026-11-23" },
    );
    expect(late.firstAppointment).toMatchObject({ dueBy: "2026-12-04", metOn: "2026-12-07", status: "late" });
    // Booked without a recorded call: the client was reached the day they were booked.
    expect(late.dates.contacted).toBe("2026-11-23");
    expect(late.nextStep).toMatchObject({ code: "confirm-attendance", dueBy: "2026-12-07" });
  });

  it("a no-show asks for a new appointment; the waitlist is reviewed; attempts are counted", () => {
    const noShow = referralStatus(
      [
        received(),
        ev("e1", "2026-11-20", "contact-attempted", { channel: "phone" }),
        ev("e2", "2026-11-23", "contact-attempted", { channel: "email" }),
        ev("e3", "2026-11-23", "scheduled", { clinicianId: "clin-ana", appointmentDate: "2026-11-25" }),
        ev("e4", "2026-11-25", "no-show"),
      ],
      { now: "2026-11-25" },
    );
    expect([noShow.state, noShow.contactAttempts, noShow.noShows, noShow.dates.appointment, noShow.nextStep.code]).toEqual([
      "contacted",
      2,
      1,
      null,
      "reschedule",
    ]);
    const waiting = referralStatus([received(), ev("e1", "2026-11-23", "waitlisted")], { now: "2026-11-23" });
    expect([waiting.state, waiting.nextStep.code, waiting.dates.contacted]).toEqual(["waitlisted", "review-waitlist", "2026-11-23"]);
  });

  it("an outcome ends progress and owes the referrer word; closing ends the referral; a step after an outcome reopens it", () => {
    const declined = referralStatus([received(), ev("e1", "2026-11-23", "declined", { reason: "cost" })], { now: "2026-11-30" });
    expect([declined.state, declined.nextStep.code, declined.dates.ended]).toEqual(["declined", "close-referral", "2026-11-23"]);
    expect(declined.firstAppointment.status).toBe("not-applicable");
    expect(declined.referrerUpdatesDue.map((update) => update.milestone)).toEqual(["received", "declined"]);
    const closed = referralStatus([received(), ev("e1", "2026-11-23", "declined", { reason: "cost" }), ev("e2", "2026-11-24", "closed")], {
      now: "2026-11-30",
    });
    expect([closed.state, closed.nextStep.code, closed.dates.ended]).toEqual(["closed", "none", "2026-11-23"]);
    const reopened = referralStatus(
      [
        received(),
        ev("e1", "2026-11-23", "declined", { reason: "timing" }),
        ev("e2", "2026-11-27", "scheduled", { clinicianId: "clin-ana", appointmentDate: "2026-12-01" }),
      ],
      { now: "2026-11-27" },
    );
    expect([reopened.state, reopened.dates.ended]).toEqual(["scheduled", null]);
    const notAFit = referralStatus([received(), ev("e1", "2026-12-10", "not-a-fit", { failed: ["problem-area"] })], { now: "2026-12-10" });
    expect(notAFit.firstContact.status).toBe("missed");
  });

  it("the order of events and an event stored twice change nothing", () => {
    const events = [
      received(),
      ev("e1", "2026-11-23", "contacted"),
      ev("e2", "2026-11-23", "scheduled", { clinicianId: "clin-ana", appointmentDate: "2026-11-30" }),
    ];
    const status = JSON.stringify(referralStatus(events, { now: "2026-11-24" }));
    expect(JSON.stringify(referralStatus([...events].reverse(), { now: "2026-11-24" }))).toBe(status);
    expect(JSON.stringify(referralStatus([...events, events[1] as InboundEventInput], { now: "2026-11-24" }))).toBe(status);
  });

  it("feeds referwell/relationships: the referral is the relationship's referral-received event", () => {
    const status = referralStatus([received()], { now: "2026-11-23" });
    const relationship = relationshipState([status.relationshipEvent], { now: "2026-11-23" });
    expect(relationship.stageEvidence.length).toBeGreaterThan(0);
    expect(relationship.referrerId).toBe("ref-gp");
  });

  it("events that cannot belong together are named by their place, never by their content", () => {
    expect(rejection(() => referralStatus([ev("e1", "2026-11-20", "contacted")], { now: "2026-11-23" })).issues).toEqual([
      { path: [], code: "required", expected: "one received event per referral" },
    ]);
    expect(rejection(() => referralStatus([received(), { ...received(), id: "e9" }], { now: "2026-11-23" })).issues[0]).toMatchObject({
      path: [1, "type"],
      code: "exactly-one-required",
    });
    expect(
      rejection(() =>
        referralStatus([received(), { ...ev("e1", "2026-11-23", "contacted"), referralId: "rf-SECRET" }], { now: "2026-11-23" }),
      ).message,
    ).toBe("Invalid events: 1 issue: events[1].referralId belongs to another referral than the rest (expected the referral of the rest)");
    expect(
      rejection(() => referralStatus([ev("e1", "2026-11-19", "contacted"), received()], { now: "2026-11-23" })).issues[0],
    ).toMatchObject({ path: [0, "date"], code: "before-receipt" });
    expect(
      rejection(() =>
        referralStatus([received(), ev("e1", "2026-11-21", "closed"), ev("e2", "2026-11-23", "contacted")], { now: "2026-11-23" }),
      ).issues[0],
    ).toMatchObject({
      path: [2, "date"],
      code: "after-close",
    });
    // Two different events under one id: refused at the second, in either order, never read as one or the other.
    const urgentCopy = { ...received("urgent"), referrerId: "ref-SECRET" };
    for (const events of [
      [received("urgent"), urgentCopy, received()],
      [received(), urgentCopy],
    ]) {
      const error = rejection(() => referralStatus(events, { now: "2026-11-23" }));
      expect(error.issues).toEqual([{ path: [1, "id"], code: "duplicate-id", expected: "an id not used before, or the same event again" }]);
      expect(error.message).not.toContain("SECRET");
    }
    const attended = ev("e1", "2026-11-30", "first-visit-attended");
    expect(
      rejection(() => referralStatus([received(), attended, { ...attended, type: "no-show" }], { now: "2026-12-01" })).issues[0],
    ).toMatchObject({ path: [2, "id"], code: "duplicate-id" });
    // A referrer update after the close is still recorded.
    expect(
      referralStatus(
        [received(), ev("e1", "2026-11-21", "closed"), ev("e2", "2026-11-23", "referrer-updated", { milestone: "received" })],
        { now: "2026-11-23" },
      ).referrerUpdatesDue,
    ).toEqual([]);
  });
});

describe("outboundStatus: a warm hand-off is complete when the client is connected", () => {
  const out = (id: string, date: string, type: string, more: object = {}) => ({ id, referralId: "rf-9", date, type, ...more }) as never;
  const sent = out("o0", "2026-11-09", "sent", { clinicianId: "clin-ana", toClinicianId: "clin-osei", optionsGiven: 2 });

  it("connected and thanked: nothing left to do", () => {
    const status = outboundStatus(
      [sent, out("o1", "2026-11-10", "accepted"), out("o2", "2026-11-16", "client-connected"), out("o3", "2026-11-17", "receiver-thanked")],
      { now: "2026-11-24" },
    );
    expect([status.state, status.handOffComplete, status.nextSteps, status.relationshipEvent]).toEqual(["connected", true, [], null]);
  });

  it("not yet connected: check, once due; declined by the receiver: the next option", () => {
    const waiting = outboundStatus([sent], { now: "2026-11-24" });
    expect(waiting.nextSteps).toEqual([{ code: "check-client-connected", dueBy: "2026-11-23", explanation: expect.any(String) }]);
    const declined = outboundStatus([sent, out("o1", "2026-11-11", "declined-by-receiver")], { now: "2026-11-24" });
    expect([declined.state, declined.nextSteps.map((step) => step.code), declined.dates.ended]).toEqual([
      "declined-by-receiver",
      ["find-another-option"],
      "2026-11-11",
    ]);
  });

  it("one sent event per referral", () => {
    expect(rejection(() => outboundStatus([out("o1", "2026-11-10", "accepted")], { now: "2026-11-24" })).issues).toEqual([
      { path: [], code: "required", expected: "one sent event per referral" },
    ]);
    // The same sent event twice counts once; a different one under its id is refused.
    expect(outboundStatus([sent, sent], { now: "2026-11-24" })).toEqual(outboundStatus([sent], { now: "2026-11-24" }));
    const elsewhere = { ...(sent as object), toClinicianId: "clin-lee" } as never;
    expect(rejection(() => outboundStatus([sent, elsewhere], { now: "2026-11-24" })).issues[0]).toMatchObject({
      path: [1, "id"],
      code: "duplicate-id",
    });
  });
});
