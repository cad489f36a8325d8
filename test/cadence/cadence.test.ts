import { createHash } from "node:crypto";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { dueTouches, planTouches, toICalendar } from "referwell/cadence";
import { type RelationshipEvent, relationshipState } from "referwell/relationships";

let n = 0;
const ev = (date: string, type: string, more: object = {}, referrerId = "ref-1"): RelationshipEvent =>
  ({ id: `e${(n += 1)}`, date, type, clinicianId: "clin-a", referrerId, ...more }) as RelationshipEvent;
const NOW = "2026-11-23";
/** SHA-256 of the id's UTF-16BE code units, by Node's own implementation. */
const uidOf = (id: string) => createHash("sha256").update(Buffer.from(id, "utf16le").swap16()).digest("hex");

describe("dueTouches", () => {
  it("reasons: thank-you after a referral, follow-up after a meeting, the cadence", () => {
    const thanks = dueTouches([relationshipState([ev("2026-11-18", "referral-received", { addressedTo: "point-person" })], { now: NOW })], {
      now: NOW,
    });
    expect(thanks.map((t) => [t.reason, t.dueDate, t.suggestedKind])).toEqual([
      ["thank-you", "2026-11-20", "thank-you"],
      ["cadence", "2027-01-18", "coffee"],
    ]);
    const met = dueTouches([relationshipState([ev("2026-11-17", "meeting-held", { fit: true })], { now: NOW })], { now: NOW });
    expect(met.map((t) => t.reason)).toEqual(["follow-up-meeting", "cadence"]);
    expect(met[1]?.dueDate).toBe("2026-12-17");
  });

  it("due in the owner's calendar: an instant falls on the point person's day, else the practice's", () => {
    // A referral to the point person on 28 February: the thank-you is due on 2 March.
    const received = [ev("2026-02-28", "referral-received", { addressedTo: "point-person" })];
    const states = [relationshipState(received, { now: "2026-02-28" })];
    const thankYou = (options: Parameters<typeof dueTouches>[1]) => dueTouches(states, options).find((t) => t.reason === "thank-you");
    const now = "2026-03-01T20:00:00Z"; // already 07:00 on 2 March in Sydney, still noon on 1 March in Los Angeles
    expect(thankYou({ now })?.overdueDays).toBe(-1);
    expect(thankYou({ now, clinicianTimeZones: [{ clinicianId: "clin-a", timeZone: "Australia/Sydney" }] })?.overdueDays).toBe(0);
    expect(
      thankYou({ now, timeZone: "Australia/Sydney", clinicianTimeZones: [{ clinicianId: "clin-a", timeZone: "America/Los_Angeles" }] })
        ?.overdueDays,
    ).toBe(-1);
    expect(thankYou({ now, timeZone: "Australia/Sydney" })?.overdueDays).toBe(0);
    // A date is that day for everyone.
    expect(
      thankYou({ now: "2026-03-01", clinicianTimeZones: [{ clinicianId: "clin-a", timeZone: "Australia/Sydney" }] })?.overdueDays,
    ).toBe(-1);
  });

  it("suggests touch kinds that vary rather than repeat", () => {
    const history = [
      ev("2026-01-10", "meeting-held", { fit: true }),
      ev("2026-08-01", "touch", { kind: "coffee" }),
      ev("2026-09-01", "touch", { kind: "article-shared" }),
    ];
    expect(dueTouches([relationshipState(history, { now: NOW })], { now: NOW })[0]?.suggestedKind).toBe("call");
  });

  it("stage 3 referrers and groups keep their own rhythm; snoozes push the date", () => {
    const stage3 = [ev("2026-09-01", "referral-received", { addressedTo: "practice" }), ev("2026-09-02", "touch", { kind: "thank-you" })];
    expect(dueTouches([relationshipState(stage3, { now: NOW })], { now: NOW }).find((t) => t.reason === "cadence")?.dueDate).toBe(
      "2026-12-02",
    );
    const group = [
      ev("2026-11-02", "touch", { kind: "case-conference" }, "ref-g"),
      ev("2026-11-03", "meeting-held", { fit: true }, "ref-g"),
    ];
    expect(
      dueTouches([relationshipState(group, { now: NOW, referrerKind: "case-study-group" })], { now: NOW }).find(
        (t) => t.reason === "cadence",
      )?.dueDate,
    ).toBe("2026-12-03");
    const snoozed = [...stage3, ev("2026-11-20", "snoozed", { until: "2026-12-15" })];
    const whileSnoozed = dueTouches([relationshipState(snoozed, { now: NOW })], { now: NOW });
    expect(whileSnoozed.length).toBeGreaterThan(0);
    for (const touch of whileSnoozed) expect(touch.dueDate >= "2026-12-16").toBe(true);
    expect(dueTouches([relationshipState(snoozed, { now: NOW })], { now: "2026-12-16" }).find((t) => t.reason === "cadence")?.dueDate).toBe(
      "2026-12-16",
    );
  });

  it("progress notes only where consent allows; the text names no client", () => {
    const state = relationshipState(
      [ev("2026-05-01", "referral-received", { addressedTo: "point-person" }), ev("2026-05-02", "touch", { kind: "thank-you" })],
      { now: NOW },
    );
    const touches = dueTouches([state], {
      now: NOW,
      mutualClients: [
        {
          referrerId: "ref-1",
          episodeId: "ep-07",
          clinicianId: "clin-a",
          consentAllowsNote: true,
          since: "2026-05-01",
          lastNoteSent: "2026-09-20",
        },
        { referrerId: "ref-1", episodeId: "ep-08", clinicianId: "clin-a", consentAllowsNote: false, since: "2026-05-01" },
      ],
    });
    const notes = touches.filter((t) => t.reason === "progress-note");
    expect(notes.map((t) => [t.id, t.dueDate])).toEqual([["ref-1:progress-note:clin-a:2026-11-20", "2026-11-20"]]);
    expect(JSON.stringify(touches)).not.toMatch(/ep-0/);
  });

  it("turns the monthly meeting goal into outreach slots", () => {
    const slots = dueTouches([relationshipState([ev("2026-11-05", "meeting-held", { fit: true })], { now: NOW })], {
      now: NOW,
      newMeetingsPerMonth: 3,
    }).filter((t) => t.reason === "outreach-slot");
    expect(slots.map((t) => [t.id, t.dueDate])).toEqual([
      ["practice:outreach-slot:2026-11:2", "2026-11-01"],
      ["practice:outreach-slot:2026-11:3", "2026-11-01"],
    ]);
    // Planned on another day, the same slots are recognized.
    const later = dueTouches([relationshipState([ev("2026-11-05", "meeting-held", { fit: true })], { now: "2026-11-24" })], {
      now: "2026-11-24",
      newMeetingsPerMonth: 3,
    });
    expect(later.filter((t) => t.reason === "outreach-slot").map((t) => t.id)).toEqual(slots.map((t) => t.id));
  });
});

describe("planTouches and toICalendar", () => {
  const touch = (id: string, dueDate: string, clinicianId: string | null = "clin-a") => ({
    id,
    referrerId: id,
    clinicianId,
    reason: "cadence" as const,
    dueDate,
    overdueDays: 0,
    suggestedKind: "coffee" as const,
    value: 2,
    explanation: "About every 60 days; a comma, a semicolon; and a backslash \\ too.",
  });

  it("keeps 10:00 at 10:00 across the end of daylight saving, and spreads a busy week", () => {
    const plan = planTouches([touch("a", "2026-10-29"), touch("b", "2026-10-30"), touch("c", "2026-11-02"), touch("d", "2026-11-02")], {
      from: "2026-10-26",
      weeks: 2,
      timeZone: "America/New_York",
      capacity: 5,
    });
    expect(plan.planned.map((p) => p.start)).toEqual([
      "2026-10-29T10:00:00-04:00",
      "2026-10-30T10:00:00-04:00",
      "2026-11-02T10:00:00-05:00",
      "2026-11-03T10:00:00-05:00",
    ]);
  });

  it("starts each clinician's plan on their own day when an instant is later there (Sydney at 20:00 UTC on 1 March)", () => {
    const plan = planTouches([touch("sydney", "2026-02-27", "clin-syd"), touch("practice", "2026-02-27", "clin-la")], {
      from: "2026-03-01T20:00:00Z", // noon on Sunday 1 March in Los Angeles, 07:00 on Monday 2 March in Sydney
      weeks: 1,
      timeZone: "America/Los_Angeles",
      clinicianTimeZones: [{ clinicianId: "clin-syd", timeZone: "Australia/Sydney" }],
      workingDays: ["sun", "mon"],
      capacity: 2,
    });
    expect(plan.planned.map((p) => [p.id, p.date, p.start])).toEqual([
      ["practice", "2026-03-01", "2026-03-01T10:00:00-08:00"],
      ["sydney", "2026-03-02", "2026-03-02T10:00:00+11:00"],
    ]);
    // A practice west of its clinician never pulls the clinician's plan back, nor a clinician west of the practice the practice's.
    const west = planTouches([touch("la", "2026-02-27", "clin-la")], {
      from: "2026-03-01T20:00:00Z",
      weeks: 1,
      timeZone: "Australia/Sydney",
      clinicianTimeZones: [{ clinicianId: "clin-la", timeZone: "America/Los_Angeles" }],
      workingDays: ["sun", "mon"],
      capacity: 2,
    });
    expect(west.planned.map((p) => p.date)).toEqual(["2026-03-02"]);
  });

  it("stacks same-day touches from the preferred time and reports what does not fit", () => {
    const plan = planTouches([touch("a", "2026-11-23"), touch("b", "2026-11-23"), touch("c", "2026-11-23"), touch("d", "2027-03-01")], {
      from: "2026-11-23",
      weeks: 1,
      timeZone: "Europe/London",
      workingDays: ["mon"],
      capacity: 2,
      preferredTime: "16:30",
    });
    expect(plan.planned.map((p) => `${p.id} ${p.localTime}`)).toEqual(["a 16:30", "b 17:00"]);
    expect(plan.unplaced.map((u) => `${u.touch.id} ${u.reason}`)).toEqual(["c no-capacity", "d due-after-horizon"]);
  });

  it("writes RFC 5545 that ical.js reads back event for event, with stable UIDs", () => {
    const plan = planTouches([touch("a", "2026-11-20"), touch("b", "2026-11-25", null), touch("c", "2026-11-25", "clin-b")], {
      from: "2026-11-23",
      weeks: 2,
      timeZone: "America/Los_Angeles",
      clinicianTimeZones: [{ clinicianId: "clin-b", timeZone: "Australia/Sydney" }],
      capacity: 3,
    });
    const names = [{ id: "a", name: "Dr Zoë Ångström-Łukasiewicz, Family Medicine; Riverside" }];
    const ics = toICalendar(plan, { now: "2026-11-23T08:00:00Z", names });
    expect(ics.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(plan.planned.length);
    for (const planned of plan.planned) {
      const event = events.find((candidate) => candidate.uid === `${uidOf(planned.id)}@referwell.invalid`);
      expect(event?.startDate.toJSDate().getTime()).toBe(Date.parse(planned.start));
      expect(event?.endDate.toJSDate().getTime()).toBe(Date.parse(planned.end));
    }
    expect(events.find((event) => event.uid === `${uidOf("a")}@referwell.invalid`)?.summary).toBe(
      "Touch base with Dr Zoë Ångström-Łukasiewicz, Family Medicine; Riverside (coffee)",
    );
    expect(events.find((event) => event.uid === `${uidOf("a")}@referwell.invalid`)?.description).toContain(
      "a comma, a semicolon; and a backslash \\ too.",
    );
    // Exporting the same plan again gives the same UIDs, so calendars update rather than duplicate.
    expect(toICalendar(plan, { now: "2026-12-01T08:00:00Z", names }).match(/^UID:.*$/gm)).toEqual(ics.match(/^UID:.*$/gm));
  });
});

describe("clock changes and hostile text", () => {
  const touch = {
    id: "t1",
    referrerId: "ref-1",
    clinicianId: "clin-a",
    reason: "cadence" as const,
    dueDate: "2026-03-08",
    overdueDays: 0,
    suggestedKind: "coffee" as const,
    value: 2,
    explanation: "x",
  };

  it("a time in the spring-forward gap moves forward; an end is always the duration later", () => {
    const gap = planTouches([touch], {
      from: "2026-03-08",
      weeks: 1,
      timeZone: "America/New_York",
      workingDays: ["sun"],
      capacity: 1,
      preferredTime: "02:30",
    });
    expect(gap.planned[0]?.start).toBe("2026-03-08T03:30:00-04:00");
    const fallBack = planTouches([{ ...touch, dueDate: "2026-11-01" }], {
      from: "2026-11-01",
      weeks: 1,
      timeZone: "America/New_York",
      workingDays: ["sun"],
      capacity: 1,
      preferredTime: "01:30",
    });
    expect(Date.parse(fallBack.planned[0]?.end ?? "") - Date.parse(fallBack.planned[0]?.start ?? "")).toBe(30 * 60_000);
    expect(() => planTouches([touch], { from: "2026-03-08", weeks: 1, timeZone: "UTC", capacity: 1, preferredTime: "24:00" })).toThrow();
  });

  it("drops control characters from calendar text, so nothing can inject a property", () => {
    const plan = planTouches([{ ...touch, dueDate: "2026-11-23" }], { from: "2026-11-23", weeks: 1, timeZone: "UTC", capacity: 1 });
    const ics = toICalendar(plan, {
      now: "2026-11-23T08:00:00Z",
      names: [{ id: "ref-1", name: "Dr Lin\rATTENDEE:mailto:someone@example.org" }],
    });
    expect(ics).not.toMatch(/\r(?!\n)/);
    expect(ics.split("\r\n").filter((line) => line.startsWith("ATTENDEE"))).toEqual([]);
  });
});
