/**
 * A practice's day of intake: 10,000 open referrals with 20 events each, the
 * status of every one (the aim: at most 150 ms), one call per referral and
 * one call for all.
 *
 * Beside it, in the same run, a baseline a host might write: each log
 * validated with the same schema, then sorted by date and reduced to a state
 * and its dates, with the first-contact due date counted a day at a time. It
 * does less than referralStatus: no duplicates, no checks that the events
 * belong together, one standard instead of two, no next step or loop
 * closure. The durations are reported, never asserted.
 */
import * as z from "zod";
import { bench, describe } from "vitest";
import { InboundEvent, type InboundEventInput, referralStatus, referralStatuses } from "referwell/intake";
import { seededRandom } from "../arbitraries/synthetic.js";

const DAY_MS = 86_400_000;
const START_MS = Date.parse("2026-09-01T00:00:00Z");
const day = (offset: number) => new Date(START_MS + offset * DAY_MS).toISOString().slice(0, 10);
const random = seededRandom(16);
const STEPS = ["contact-attempted", "contacted", "referrer-updated", "scheduled", "no-show", "waitlisted"] as const;

const logs: InboundEventInput[][] = Array.from({ length: 10_000 }, (_, index) => {
  const start = Math.floor(random() * 60);
  const referralId = `rf-${index}`;
  const events = [
    {
      id: `${referralId}-0`,
      referralId,
      date: day(start),
      type: "received",
      referrerId: `ref-${index % 400}`,
      addressedTo: "practice",
      clinicianId: `clin-${index % 40}`,
      urgency: index % 10 === 0 ? "urgent" : "routine",
      needs: ["anxiety"],
    },
  ] as InboundEventInput[];
  for (let step = 1; step < 20; step++) {
    const type = STEPS[Math.floor(random() * STEPS.length)] as (typeof STEPS)[number];
    const date = day(start + Math.floor(step / 2));
    const more =
      type === "contact-attempted"
        ? { channel: "phone" }
        : type === "scheduled"
          ? { clinicianId: "clin-1", appointmentDate: day(start + 14) }
          : type === "referrer-updated"
            ? { milestone: "received" }
            : {};
    events.push({ id: `${referralId}-${step}`, referralId, date, type, ...more } as InboundEventInput);
  }
  return events;
});
const options = { now: day(75), holidays: ["2026-09-07", "2026-10-12", "2026-11-11"] };

const Events = z.array(InboundEvent);
function baseline(events: readonly InboundEventInput[]): { state: string; contacted: string | null; contactDue: string } {
  const list = Events.parse(events).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let state = "received";
  let contacted: string | null = null;
  for (const event of list) {
    if (event.type === "contacted" || event.type === "scheduled") contacted ??= event.date;
    if (event.type === "contact-attempted" && state === "received") state = "contacting";
    else if (event.type === "contacted" && (state === "received" || state === "contacting")) state = "contacted";
    else if (event.type === "scheduled" || event.type === "waitlisted") state = event.type;
    else if (event.type === "no-show" && state === "scheduled") state = "contacted";
  }
  const received = list[0] as Extract<InboundEvent, { type: "received" }>;
  let due = received.date;
  for (let left = received.urgency === "urgent" ? 1 : 2; left > 0;) {
    due = new Date(Date.parse(`${due}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    const weekday = new Date(`${due}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !options.holidays.includes(due)) left--;
  }
  return { state, contacted, contactDue: due };
}

describe("statuses of 10,000 open referrals with 20 events each", () => {
  bench(
    "schema-validated reduce (baseline)",
    () => {
      for (const events of logs) baseline(events);
    },
    { time: 0, iterations: 5, warmupIterations: 1 },
  );
  bench(
    "referralStatus, one call per referral",
    () => {
      for (const events of logs) referralStatus(events, options);
    },
    { time: 0, iterations: 5, warmupIterations: 1 },
  );
  bench(
    "referralStatuses, one call for all",
    () => {
      referralStatuses(logs, options);
    },
    { time: 0, iterations: 5, warmupIterations: 1 },
  );
});
