import { describe, expect, it } from "vitest";
import { calendarDateOf, type ClientInput, InvalidInputError } from "referwell";
import { type ICalendarOptionsInput, planTouches, toICalendar } from "referwell/cadence";
import { assessPanelExit, assessReferral } from "referwell/refer";
import { relationshipState } from "referwell/relationships";
import { addCalendarDays } from "../../src/model/internal/addCalendarDays.js";
import { compareText } from "../../src/model/internal/compareText.js";
import { dayOf } from "../../src/model/internal/dayOf.js";
import { instantIn } from "../../src/model/internal/instantIn.js";
import { isoDateOf } from "../../src/model/internal/isoDateOf.js";
import { repeatedIndexes } from "../../src/model/internal/repeatedIndexes.js";
import { wallClockInstant } from "../../src/model/internal/wallClockInstant.js";
import { untyped } from "../support/untyped.js";

const at = (date: string, time: string, timeZone: string) =>
  new Date(wallClockInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)), timeZone)).toISOString();

describe("calendar dates at the edges", () => {
  const ana = {
    id: "clin-ana",
    name: "Ana Ruiz",
    discipline: "psychologist",
    licensure: { licenses: [{ jurisdiction: "US-OR" }] },
    populations: ["adults"],
    languages: ["en"],
    availability: { timeZone: "America/Los_Angeles", slots: [] },
    acceptingNewClients: true,
    capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
  };

  it("the day before 0001-01-01 is 0000-12-31 (year 0000 exists, and is a leap year)", () => {
    expect(addCalendarDays("0001-01-01", -1)).toBe("0000-12-31");
    expect(addCalendarDays("0000-02-28", 1)).toBe("0000-02-29");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("a day outside 0000–9999 is clamped to the first or last day YYYY-MM-DD can write", () => {
    expect(addCalendarDays("0000-01-01", -1)).toBe("0000-01-01");
    expect(addCalendarDays("9999-12-31", 1)).toBe("9999-12-31");
    expect(isoDateOf(Date.parse("9999-12-31T23:59:59Z"))).toBe("9999-12-31");
  });

  it("an instant past 9999 in UTC is refused with a clear issue that names no value", () => {
    // 23:00 at −05:00 on the last day there is: already the year 10000 in UTC, which RFC 5545 cannot write.
    const call = () => planTouches([], { from: "9999-12-31T23:00:00-05:00", weeks: 1, timeZone: "UTC", capacity: 1 });
    expect(call).toThrow(InvalidInputError);
    try {
      call();
    } catch (error) {
      expect((error as InvalidInputError).issues).toEqual([
        { path: ["from"], code: "too-big", expected: "instant within the years 0000-9999 in UTC or date YYYY-MM-DD" },
      ]);
      expect(JSON.stringify(error) + String(error)).not.toMatch(/9999-12-31T23/);
    }
    expect(calendarDateOf("9999-12-31T18:59:59-05:00")).toBe("9999-12-31");
  });

  it("a move on 0001-01-01 is read against where the client lived on 0000-12-31", () => {
    const client: ClientInput = {
      id: "cl-01",
      ageGroup: "adult",
      residence: { jurisdiction: "US-OR" },
      plannedMoves: [{ date: "0001-01-01", to: { jurisdiction: "US-WA" } }],
      needs: { problemAreas: ["depression"] },
    };
    const assessment = assessReferral({ client, clinician: ana }, { now: "0001-01-01" });
    expect(assessment.findings.map((finding) => finding.code)).toEqual(["moving"]);
  });

  it("a panel exit on 0001-01-01 ends cover on 0000-12-31", () => {
    const client: ClientInput = {
      id: "cl-01",
      ageGroup: "adult",
      residence: { jurisdiction: "US-OR" },
      coverage: [{ payerId: "aetna", period: { start: "0000-01-01" } }],
      needs: { problemAreas: ["depression"] },
    };
    const result = assessPanelExit(
      {
        date: "0001-01-01",
        clinicianIds: ["clin-ana"],
        payerIds: ["aetna"],
        clinicians: [{ ...ana, insurancePanels: [{ payerId: "aetna", period: { start: "0000-01-01" } }] }],
        clients: [client],
        episodes: [{ clientId: "cl-01", clinicianId: "clin-ana" }],
      },
      { now: "0000-12-01" },
    );
    expect(result.referrals.map((referral) => referral.assessment.findings[0]?.date)).toEqual(["0001-01-01"]);
  });
});

describe("the day a now falls on", () => {
  it("a date is that day; an instant its date at its own offset, or in the time zone given", () => {
    expect(dayOf("2026-11-23")).toBe("2026-11-23");
    expect(dayOf("2026-11-23", "Australia/Sydney")).toBe("2026-11-23");
    expect(dayOf("2026-11-23T23:30:00-08:00")).toBe("2026-11-23");
    expect(dayOf("2026-11-23T23:30:00-08:00", "UTC")).toBe("2026-11-24");
    expect(dayOf("2026-11-23T22:00:00Z", "Australia/Sydney")).toBe("2026-11-24");
    expect(dayOf("2026-11-24T02:00:00+11:00", "America/Los_Angeles")).toBe("2026-11-23");
  });

  it("a missing now is required; one that is neither an instant nor a date is badly formatted", () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as InvalidInputError).issues.map((issue) => `${issue.path.join(".")} ${issue.code}`);
      }
      return [];
    };
    expect(codeOf(() => relationshipState([], untyped({ referrerId: "gp-1" })))).toEqual(["now required"]);
    expect(codeOf(() => relationshipState([], { referrerId: "gp-1", now: "today" }))).toEqual(["now invalid-format"]);
    expect(codeOf(() => relationshipState([], { referrerId: "gp-1", now: "2026-11-23", timeZone: "+11:00" }))).toEqual([
      "timeZone unknown-time-zone",
    ]);
  });

  it("calendarDateOf checks what it is given and throws InvalidInputError, never a TypeError", () => {
    expect(() => calendarDateOf(42 as never)).toThrow(InvalidInputError);
    expect(() => calendarDateOf(undefined as never)).toThrow(InvalidInputError);
    expect(() => calendarDateOf("2026-02-30")).toThrow(InvalidInputError);
    expect(() => calendarDateOf("2026-11-23", { timeZone: "Mars/Olympus_Mons" })).toThrow(InvalidInputError);
    expect(() => calendarDateOf("2026-11-23", null as never)).toThrow(InvalidInputError);
  });
});

describe("wall clock to instant (RFC 5545 §3.3.5)", () => {
  it("New York: a time in the spring-forward gap moves forward by the gap", () => {
    // Clocks go from 02:00 EST to 03:00 EDT on 8 March 2026: 02:30 does not exist; read at EST it is 03:30 EDT.
    expect(at("2026-03-08", "02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(at("2026-03-08", "01:59", "America/New_York")).toBe("2026-03-08T06:59:00.000Z");
    expect(at("2026-03-08", "03:00", "America/New_York")).toBe("2026-03-08T07:00:00.000Z");
  });

  it("New York: a time in the fall-back overlap is its first occurrence", () => {
    // 01:30 happens twice on 1 November 2026: first at EDT (−04:00), then at EST.
    expect(at("2026-11-01", "01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(at("2026-11-01", "02:00", "America/New_York")).toBe("2026-11-01T07:00:00.000Z");
  });

  it("Berlin: a time in the spring-forward gap moves forward by the gap", () => {
    // Clocks go from 02:00 CET to 03:00 CEST on 29 March 2026.
    expect(at("2026-03-29", "02:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(instantIn(Date.parse("2026-03-29T01:30:00Z"), "Europe/Berlin")).toBe("2026-03-29T03:30:00+02:00");
  });

  it("Berlin: a time in the fall-back overlap is its first occurrence", () => {
    // 02:30 happens twice on 25 October 2026: first at CEST (+02:00), then at CET.
    expect(at("2026-10-25", "02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
    expect(at("2026-10-25", "03:00", "Europe/Berlin")).toBe("2026-10-25T02:00:00.000Z");
  });

  it("ordinary times, and minutes that run into the next day", () => {
    expect(at("2026-07-01", "10:00", "Europe/Berlin")).toBe("2026-07-01T08:00:00.000Z");
    expect(new Date(wallClockInstant("2026-11-23", 24 * 60 + 9 * 60, "Australia/Sydney")).toISOString()).toBe("2026-11-23T22:00:00.000Z");
  });

  it("the planner follows the same rule in Berlin's overlap", () => {
    const touch = {
      id: "t1",
      referrerId: "ref-1",
      clinicianId: "clin-a",
      reason: "cadence" as const,
      dueDate: "2026-10-25",
      overdueDays: 0,
      suggestedKind: "coffee" as const,
      value: 2,
      explanation: "x",
    };
    const plan = planTouches([touch], {
      from: "2026-10-25",
      weeks: 1,
      timeZone: "Europe/Berlin",
      workingDays: ["sun"],
      capacity: 1,
      preferredTime: "02:30",
    });
    expect(plan.planned[0]?.start).toBe("2026-10-25T02:30:00+02:00");
  });
});

describe("toICalendar's DTSTAMP", () => {
  const planned = {
    id: "t1",
    referrerId: "ref-1",
    clinicianId: "clin-a",
    reason: "cadence" as const,
    dueDate: "2026-11-24",
    overdueDays: 0,
    suggestedKind: "coffee" as const,
    value: 2,
    explanation: "x",
    date: "2026-11-24",
    localTime: "10:00",
    timeZone: "America/Los_Angeles",
    start: "2026-11-24T10:00:00-08:00",
    end: "2026-11-24T10:30:00-08:00",
  };
  const dtstamp = (options: ICalendarOptionsInput) =>
    toICalendar({ planned: [planned] }, options)
      .split("\r\n")
      .find((line) => line.startsWith("DTSTAMP"));

  it("an instant is written as it is; a date stands for the start of its day, in the time zone when given", () => {
    expect(dtstamp({ now: "2026-11-23T08:00:00-05:00" })).toBe("DTSTAMP:20261123T130000Z");
    expect(dtstamp({ now: "2026-11-23T08:00:00-05:00", timeZone: "Australia/Sydney" })).toBe("DTSTAMP:20261123T130000Z");
    expect(dtstamp({ now: "2026-11-23" })).toBe("DTSTAMP:20261123T000000Z");
    expect(dtstamp({ now: "2026-11-23", timeZone: "America/Los_Angeles" })).toBe("DTSTAMP:20261123T080000Z");
  });
});

describe("ordering and repeats", () => {
  it("compareText orders by code units, like the default sort, whatever the locale", () => {
    const words = ["b", "B", "a", "é", "e", "", "aa"];
    expect([...words].sort(compareText)).toEqual([...words].sort());
    expect(compareText("x", "x")).toBe(0);
  });

  it("repeatedIndexes names each later repeat, and passes over items without a key", () => {
    expect(repeatedIndexes(["a", "b", "a", "c", "b", "a"], (item) => item)).toEqual([2, 4, 5]);
    expect(repeatedIndexes(["a", "x", "x", "a"], (item) => (item === "x" ? undefined : item))).toEqual([3]);
  });
});
