import * as z from "zod";
import { emptyList } from "../model/internal/emptyList.js";
import { NowOptions } from "../model/now.js";
import { wallClockInstant } from "../model/internal/wallClockInstant.js";
import { ExpectedText } from "../errors.js";
import { Id } from "../model/scalars.js";
import { validate } from "../model/validate.js";
import { PlannedTouch, type PlannedTouchInput } from "./schemas.js";
import { compareText } from "../model/internal/compareText.js";
import { sha256 } from "./internal/sha256.js";

/**
 * Options of {@link toICalendar}: the moment of export, `now` (written as
 * DTSTAMP, since nothing here reads the clock), the calendar's name, the
 * domain that makes UIDs globally unique, and optional display names for
 * referrers and clinicians (without them, events show ids). `now` is an
 * instant, or a date that stands for the start of its day: midnight in
 * `timeZone` when one is given, else midnight UTC. An instant is written as
 * it is, whatever `timeZone` says.
 *
 * @example
 * ```ts
 * import { ICalendarOptions } from "referwell/cadence";
 *
 * ICalendarOptions.parse({ now: "2026-11-23T08:00:00Z" }).uidDomain; // => "referwell.invalid"
 * ```
 */
export const ICalendarOptions = z.strictObject({
  ...NowOptions.shape,
  calendarName: z.string().min(1).max(200).default("Referral network touches"),
  uidDomain: z
    .string()
    .regex(/^[A-Za-z0-9.-]{1,200}$/, { error: ExpectedText.icalendarId })
    .default("referwell.invalid"),
  names: z
    .array(z.strictObject({ id: Id, name: z.string().min(1).max(200) }))
    .max(100_000)
    .default(emptyList),
});
/** Options of {@link toICalendar}. */
export type ICalendarOptions = z.infer<typeof ICalendarOptions>;
/** {@link ICalendarOptions} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type ICalendarOptionsInput = z.input<typeof ICalendarOptions>;

// The touches that could not be placed are not written; a whole plan from `planTouches` passes as it is.
const Plan = z.strictObject({
  planned: z.array(PlannedTouch).max(1_000_000),
  unplaced: z.array(z.unknown()).max(1_000_000).optional(),
  cancelled: z.array(PlannedTouch).max(1_000_000).optional(),
});

/** RFC 5545 §3.3.5: a UTC date-time, `YYYYMMDDTHHMMSSZ`. */
const utc = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/**
 * RFC 5545 §3.3.11: escape backslash, semicolon, comma and line breaks in
 * TEXT; other control characters are not allowed there, so they are dropped
 * (a bare CR could otherwise start a new property). A calendar is UTF-8
 * (§3.1.4), which cannot encode half a surrogate pair: a lone one becomes
 * U+FFFD, as an encoder would write it.
 */
const text = (value: string): string =>
  value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

/** RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF and a space; never splitting a character. */
const utf8Length = (char: string): number => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const LABELS: Readonly<Record<string, string>> = {
  cadence: "Touch base",
  "follow-up-meeting": "Follow up after meeting",
  "thank-you": "Thank for the referral",
  "progress-note": "Progress note (with consent)",
  "follow-up-outreach": "Follow up on outreach",
  revive: "Revive the relationship",
  "outreach-slot": "Outreach: a new meeting",
};

/**
 * Writes a plan as an RFC 5545 calendar. Each touch is a VEVENT whose UID
 * is the SHA-256 of the touch's full id (FIPS 180-4, over its UTF-16 code
 * units): the same id always gives the same UID, so re-importing a plan
 * updates events instead of duplicating them; distinct ids give distinct
 * UIDs; and the UID says nothing of the id. A plan made with `previous`
 * syncs (RFC 5545 §3.8.7.4, §3.8.1.11): each event carries the touch's
 * SEQUENCE, raised when a re-plan moved it, and the touches the plan dropped
 * are written with STATUS:CANCELLED, so a calendar that imported the previous
 * plan ends up with this one's events. DTSTAMP is `now`: export each plan
 * with a later `now` than the one before. Start and end are written as UTC
 * instants, which every calendar shows at the right local time (the plan
 * chose them in the clinician's zone, across daylight saving), and which need
 * no VTIMEZONE. The text names the referrer and the kind of touch, never a
 * client.
 *
 * @param plan - a plan from `planTouches`
 * @param options - export time `now` (an instant, or a date for the start of its day in `timeZone`, else in UTC), calendar name, UID domain, display names
 * @throws {@link InvalidInputError} when the plan or options are malformed
 *
 * @example
 * ```ts
 * import { toICalendar } from "referwell/cadence";
 *
 * const planned = {
 *   id: "ref-1:cadence:2026-11-20",
 *   referrerId: "ref-1",
 *   clinicianId: "clin-ana",
 *   reason: "cadence" as const,
 *   dueDate: "2026-11-20",
 *   overdueDays: 3,
 *   suggestedKind: "coffee" as const,
 *   value: 2,
 *   explanation: "About every 60 days.",
 *   date: "2026-11-24",
 *   localTime: "10:00",
 *   timeZone: "America/Los_Angeles",
 *   start: "2026-11-24T10:00:00-08:00",
 *   end: "2026-11-24T10:30:00-08:00",
 * };
 * const ics = toICalendar({ planned: [planned] }, { now: "2026-11-23T08:00:00Z", names: [{ id: "ref-1", name: "Dr Mei Lin" }] });
 * ics.split("\r\n").filter((line) => line.startsWith("DTSTART") || line.startsWith("SUMMARY")); // => ["DTSTART:20261124T180000Z", "SUMMARY:Touch base with Dr Mei Lin (coffee)"]
 * ```
 */
export function toICalendar(
  plan: { readonly planned: readonly PlannedTouchInput[]; readonly cancelled?: readonly PlannedTouchInput[] | undefined },
  options: ICalendarOptionsInput,
): string {
  const { planned, cancelled } = validate(Plan, plan, "plan");
  const settings = validate(ICalendarOptions, options, "options");
  const names = new Map(settings.names.map((entry) => [entry.id, entry.name]));
  const name = (id: string | null) => (id === null ? undefined : (names.get(id) ?? id));
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//referwell//cadence//EN",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${text(settings.calendarName)}`,
  ];
  const { now, timeZone } = settings;
  const stamp = utc(now.length > 10 ? Date.parse(now) : wallClockInstant(now, 0, timeZone ?? "UTC"));
  const events = [
    ...planned.map((touch) => [touch, "CONFIRMED"] as const),
    ...(cancelled ?? []).map((touch) => [touch, "CANCELLED"] as const),
  ];
  for (const [touch, status] of events.sort(([a], [b]) => compareText(a.id, b.id))) {
    const who = name(touch.referrerId);
    const summary = `${LABELS[touch.reason] ?? touch.reason}${who === undefined ? "" : ` with ${who}`} (${touch.suggestedKind})`;
    const description = `${touch.explanation}${touch.clinicianId === null ? "" : ` For ${name(touch.clinicianId)}.`} Due ${touch.dueDate}.`;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${sha256(touch.id)}@${settings.uidDomain}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${touch.sequence}`,
      `STATUS:${status}`,
      `DTSTART:${utc(Date.parse(touch.start))}`,
      `DTEND:${utc(Date.parse(touch.end))}`,
      `SUMMARY:${text(summary)}`,
      `DESCRIPTION:${text(description)}`,
      `CATEGORIES:${text(touch.reason)}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
