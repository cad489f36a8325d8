import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { InvalidInputError } from "referwell";
import { type InboundEventInput, type InboundState, outboundStatus, referralStatus, referralStatuses } from "referwell/intake";
import { hostile, hostileJson, marker } from "../arbitraries/hostile.js";
import { dateAt, inboundLog, outboundLog, TYPE_ORDER } from "../arbitraries/intake.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { expectNoLeak } from "../support/noLeak.js";
import { untyped } from "../support/untyped.js";

const NOW = dateAt(80);
const json = (events: readonly InboundEventInput[], now = NOW) => JSON.stringify(referralStatus(events, { now }));
const permutation = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

/** The documented reading order: date, then type within a day, then id. */
const inOrder = (events: readonly InboundEventInput[]) =>
  [...events].sort(
    (a, b) => a.date.localeCompare(b.date) || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.id.localeCompare(b.id),
  );

const PROGRESS: readonly InboundState[] = ["received", "contacting", "contacted", "waitlisted", "scheduled", "seen"];
const OUTCOMES: readonly InboundState[] = ["declined", "not-a-fit", "redirected"];
/** The documented graph: forward through progress, two ways back from scheduled, outcomes from anywhere open, a step after an outcome reopens, closed is final. */
function allowed(from: InboundState, to: InboundState): boolean {
  if (from === to) return true;
  if (from === "closed") return false;
  if (to === "closed" || OUTCOMES.includes(to)) return true;
  if (OUTCOMES.includes(from)) return true;
  if (from === "scheduled" && (to === "contacted" || to === "waitlisted")) return true;
  return PROGRESS.indexOf(to) > PROGRESS.indexOf(from);
}

describe("referralStatus laws", () => {
  test.prop([inboundLog.chain((events) => fc.tuple(fc.constant(events), permutation(events), fc.subarray(events)))])(
    "replay: any order, and any event stored twice, give the same status",
    ([events, shuffled, twice]) => {
      expect(json([...shuffled, ...twice])).toBe(json(events));
    },
  );

  test.prop([
    inboundLog.chain((events) => {
      // Past the short-list sort: many attempts on the day of receipt, read in any order.
      const start = events[0] as InboundEventInput;
      const attempts = Array.from({ length: 40 }, (_, index): InboundEventInput => ({
        id: `a${String(index).padStart(2, "0")}`,
        referralId: start.referralId,
        date: start.date,
        type: "contact-attempted",
        channel: "phone",
      }));
      const long = [...events, ...attempts];
      return fc.tuple(fc.constant(long), permutation(long));
    }),
  ])("replay holds for a long log too", ([events, shuffled]) => {
    expect(json(shuffled)).toBe(json(events));
  });

  test.prop([fc.array(inboundLog, { maxLength: 6 }), fc.nat(), fc.boolean()])(
    "referralStatuses gives each log's referralStatus, in order; an error names the log's place before the event's",
    (logs, pick, spoil) => {
      const options = { now: NOW, holidays: [dateAt(10)] };
      if (!spoil || logs.length === 0) {
        expect(JSON.stringify(referralStatuses(logs, options))).toBe(JSON.stringify(logs.map((events) => referralStatus(events, options))));
        return;
      }
      const place = pick % logs.length;
      const spoiled = logs.map((events, index) =>
        index === place ? [...events, { ...(events[0] as InboundEventInput), id: "second-start" }] : events,
      );
      let single: unknown;
      try {
        referralStatus(spoiled[place] as InboundEventInput[], options);
      } catch (error) {
        single = error;
      }
      expect(single).toBeInstanceOf(InvalidInputError);
      const alone = single as InvalidInputError;
      expect(() => referralStatuses(spoiled, options)).toThrow(InvalidInputError);
      try {
        referralStatuses(spoiled, options);
      } catch (error) {
        const issues = (error as InvalidInputError).issues;
        expect(issues.map((issue) => issue.path)).toEqual(alone.issues.map((issue) => [place, ...issue.path]));
        expect(issues.map((issue) => [issue.code, issue.expected])).toEqual(alone.issues.map((issue) => [issue.code, issue.expected]));
      }
    },
  );

  test.prop([inboundLog])("state moves only along the documented graph as events arrive in order", (events) => {
    const ordered = inOrder(events);
    let previous: InboundState = "received";
    for (let count = 1; count <= ordered.length; count++) {
      const { state } = referralStatus(ordered.slice(0, count), { now: NOW });
      expect(allowed(previous, state), `${previous} → ${state}`).toBe(true);
      previous = state;
    }
  });

  test.prop([inboundLog])("loop closure: each milestone reached is owed once, until the referrer is told of it", (events) => {
    const status = referralStatus(events, { now: NOW });
    const reached = new Set<string>(["received"]);
    for (const event of events) {
      if (event.type === "first-visit-attended") reached.add("first-visit");
      if (event.type === "declined" || event.type === "not-a-fit" || event.type === "redirected") reached.add(event.type);
    }
    const told = new Set<string>(events.flatMap((event) => (event.type === "referrer-updated" ? [event.milestone] : [])));
    const due = status.referrerUpdatesDue.map((update) => update.milestone);
    expect(new Set(due).size).toBe(due.length);
    expect(new Set(due)).toEqual(new Set([...reached].filter((milestone) => !told.has(milestone))));
    const last = inOrder(events).at(-1)?.date as string;
    const updates = due.map(
      (milestone, index) => ({ id: `u${index}`, referralId: "rf-1", date: last, type: "referrer-updated", milestone }) as InboundEventInput,
    );
    expect(referralStatus([...events, ...updates], { now: NOW }).referrerUpdatesDue).toEqual([]);
  });
});

/** Business days counted one day at a time, independently of the library. */
function naiveDueBy(received: string, count: number, working: ReadonlySet<number>, holidays: ReadonlySet<string>): string {
  let day = received;
  let left = count;
  while (left > 0) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (working.has(new Date(`${day}T00:00:00Z`).getUTCDay()) && !holidays.has(day)) left--;
  }
  return day;
}
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

describe("outboundStatus laws", () => {
  const status = (events: readonly unknown[]) => JSON.stringify(outboundStatus(untyped(events), { now: NOW }));
  test.prop([outboundLog.chain((events) => fc.tuple(fc.constant(events), permutation(events), fc.subarray(events)))])(
    "replay: any order, and any event stored twice, give the same status",
    ([events, shuffled, twice]) => {
      expect(status([...shuffled, ...twice])).toBe(status(events));
    },
  );

  test.prop([outboundLog])("a warm hand-off is complete exactly when a client-connected event is recorded", (events) => {
    const result = outboundStatus(events, { now: NOW });
    expect(result.handOffComplete).toBe(events.some((event) => event.type === "client-connected"));
    expect(result.nextSteps.some((step) => step.code === "check-client-connected")).toBe(
      !result.handOffComplete && result.dates.ended === null,
    );
  });
});

describe("no input text in errors", () => {
  const OPTION_KEYS = ["now", "timeZone", "policy", "workingDays", "holidays", "firstContact", "urgent", "routine"];
  test.prop([hostile(inboundLog), hostile(outboundLog), hostileJson(OPTION_KEYS)])(
    "hostile events or options give a status or an InvalidInputError that shows no marker",
    (inbound, outbound, options) => {
      expectNoLeak(() => referralStatus(untyped(inbound), { now: NOW }));
      expectNoLeak(() => outboundStatus(untyped(outbound), { now: NOW }));
      expectNoLeak(() => referralStatus([], untyped(options)));
      expectNoLeak(() => referralStatuses(untyped([inbound, inbound]), { now: NOW }));
      expectNoLeak(() => referralStatuses(untyped(inbound), { now: NOW }));
      expectNoLeak(() => outboundStatus([], untyped(options)));
    },
  );

  // Valid events whose identifiers are markers, some moved to another referral or made a second start: the fold's own checks fire.
  const ID_FIELDS = ["id", "referralId", "referrerId", "clinicianId", "toClinicianId"];
  const marked = <T extends object>(log: fc.Arbitrary<readonly T[]>) =>
    fc
      .tuple(log, fc.array(marker, { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { maxLength: 16 }), fc.boolean(), fc.boolean())
      .map(([events, marks, moved, twoStarts, early]) => {
        const renamed = events.map((event, index) =>
          Object.fromEntries(
            Object.entries(event).map(([key, value]) =>
              !ID_FIELDS.includes(key)
                ? [key, value]
                : key === "referralId"
                  ? [key, moved[index] === true ? marks[0] : "ZQXREFER1"]
                  : [key, `${value}${marks[index % marks.length]}`],
            ),
          ),
        );
        if (early) renamed.push({ ...renamed[renamed.length - 1], id: "ZQXEARLY1", date: "2026-01-01" });
        return twoStarts ? [...renamed, { ...renamed[0], id: "ZQXSTART2" }] : renamed;
      });
  test.prop([marked(inboundLog), marked(outboundLog)])(
    "valid events carrying markers (moved, a second start, one dated early): a status, or an InvalidInputError that names places, never identifiers",
    (inbound, outbound) => {
      expectNoLeak(() => referralStatus(untyped(inbound), { now: NOW }));
      expectNoLeak(() => outboundStatus(untyped(outbound), { now: NOW }));
    },
  );

  test.prop([inboundLog, outboundLog])("frozen inputs are read, never changed", (inbound, outbound) => {
    expect(() => referralStatus(deepFreeze(inbound), deepFreeze({ now: NOW }))).not.toThrow();
    expect(() => outboundStatus(deepFreeze(outbound), deepFreeze({ now: NOW }))).not.toThrow();
  });
});

describe("time standards at their boundary", () => {
  test.prop([
    fc.integer({ min: 0, max: 40 }),
    fc.constantFrom("routine", "soon", "urgent"),
    fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    fc.uniqueArray(fc.integer({ min: 0, max: 80 }), { maxLength: 25 }),
    fc.integer({ min: 0, max: 12 }),
  ])(
    "due on the n-th business day after receipt; pending that day, overdue the next",
    (start, urgency, weekdays, holidayOffsets, contactDays) => {
      const working = new Set(weekdays);
      const holidays = holidayOffsets.map(dateAt);
      const received = dateAt(start);
      const options = {
        workingDays: weekdays.map((day) => WEEKDAYS[day] as (typeof WEEKDAYS)[number]),
        holidays,
        policy: { firstContact: { [urgency]: contactDays } },
      };
      const events = [
        {
          id: "e0",
          referralId: "rf-1",
          date: received,
          type: "received",
          referrerId: "ref-gp",
          addressedTo: "practice",
          clinicianId: "clin-ana",
          urgency,
          needs: [],
        },
      ] as InboundEventInput[];
      const dueBy = naiveDueBy(received, contactDays, working, new Set(holidays));
      const onTheDay = referralStatus(events, { ...options, now: dueBy }).firstContact;
      expect(onTheDay.dueBy).toBe(dueBy);
      expect(onTheDay.status).toBe("pending");
      expect(onTheDay.businessDaysElapsed).toBe(contactDays);
      expect(referralStatus(events, { ...options, now: nextDay(dueBy) }).firstContact.status).toBe("overdue");
    },
  );
});
