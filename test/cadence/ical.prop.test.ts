import { fc, test } from "@fast-check/vitest";
import ICAL from "ical.js";
import { describe, expect } from "vitest";
import { toICalendar } from "referwell/cadence";

/** Text built to break a calendar: line breaks of every kind, TEXT's special characters, control characters, lone surrogates, property lines. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom("\r\n", "\r", "\n", "\\", ";", ",", ":", "\\n", "\t", "\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u2028"),
      fc.constantFrom("\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT", "\rATTENDEE:mailto:someone@example.org", "\nEND:VCALENDAR", " "),
      fc.constantFrom("\ud800", "\udc00", "😀", "é", "e\u0301", "Ł", "中文", "\ufeff"),
      fc.string({ unit: "grapheme", maxLength: 8 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((parts) => parts.join("").slice(0, 200))
  .filter((value) => value.length > 0);

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What a calendar reads back from text we wrote: one line break for each kind, other control characters gone, lone surrogates replaced. */
const readBack = (value: string) =>
  value
    .replace(/\r\n|\r|\n/g, "\n")
    // eslint-disable-next-line no-control-regex -- control characters are what is dropped
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(new RegExp(LONE_SURROGATE, "g"), "\ufffd");

const planned = (index: number, explanation: string) => ({
  id: `t${index}`,
  referrerId: `ref-${index}`,
  clinicianId: "clin-a",
  reason: "cadence" as const,
  dueDate: "2026-11-20",
  overdueDays: 0,
  suggestedKind: "coffee" as const,
  value: 2,
  explanation,
  date: "2026-11-24",
  localTime: "10:00",
  timeZone: "UTC",
  start: `2026-11-24T1${index}:00:00Z`,
  end: `2026-11-24T1${index}:30:00Z`,
});
const PROPERTIES = ["uid", "dtstamp", "sequence", "status", "dtstart", "dtend", "summary", "description", "categories", "transp"];

describe("iCalendar text", () => {
  test.prop([fc.array(fc.tuple(hostileText, hostileText), { minLength: 1, maxLength: 6 }), hostileText, hostileText])(
    "hostile names and explanations: ical.js reads back every event, its text as given, and no property we did not write",
    (touches, calendarName, clinicianName) => {
      const plan = { planned: touches.map(([, explanation], index) => planned(index, explanation)) };
      const names = [...touches.map(([name], index) => ({ id: `ref-${index}`, name })), { id: "clin-a", name: clinicianName }];
      const ics = toICalendar(plan, { now: "2026-11-23T08:00:00Z", calendarName, names });
      // RFC 5545 §3.1: CRLF line ends, no bare CR or LF, at most 75 octets a line, well-formed UTF-16 (so UTF-8 can encode it).
      expect(ics.split("\r\n").every((line) => !/[\r\n]/.test(line) && new TextEncoder().encode(line).length <= 75)).toBe(true);
      expect(ics).not.toMatch(LONE_SURROGATE);
      const root = new ICAL.Component(ICAL.parse(ics));
      expect(root.getAllProperties().map((property) => property.name)).toEqual(["version", "prodid", "calscale", "x-wr-calname"]);
      // ical.js leaves an X- property's value as written: unescaped here as RFC 5545 §3.3.11 says.
      const calname = String(root.getFirstPropertyValue("x-wr-calname")).replace(/\\([\\;,nN])/g, (_, char: string) =>
        char === "n" || char === "N" ? "\n" : char,
      );
      expect(calname).toBe(readBack(calendarName));
      const events = root.getAllSubcomponents("vevent");
      expect(events).toHaveLength(touches.length);
      const byStart = new Map(plan.planned.map((touch, index) => [Date.parse(touch.start), index]));
      for (const component of events) {
        expect(component.getAllProperties().map((property) => property.name)).toEqual(PROPERTIES);
        const event = new ICAL.Event(component);
        const index = byStart.get(event.startDate.toJSDate().getTime()) as number;
        const [name, explanation] = touches[index] as [string, string];
        expect(event.summary).toBe(readBack(`Touch base with ${name} (coffee)`));
        expect(event.description).toBe(readBack(`${explanation} For ${clinicianName}. Due 2026-11-20.`));
      }
    },
  );
});
