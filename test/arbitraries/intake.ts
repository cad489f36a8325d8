import fc from "fast-check";
import type { InboundEventInput, OutboundEventInput } from "referwell/intake";

const BASE_MS = Date.parse("2026-11-02T00:00:00Z");
const DAY_MS = 86_400_000;
export const dateAt = (offset: number): string => new Date(BASE_MS + offset * DAY_MS).toISOString().slice(0, 10);

/** The documented order of types within one day. */
export const TYPE_ORDER = [
  "received",
  "contact-attempted",
  "contacted",
  "waitlisted",
  "scheduled",
  "no-show",
  "first-visit-attended",
  "declined",
  "not-a-fit",
  "redirected",
  "referrer-updated",
  "closed",
] as const;

const payload = fc.oneof(
  fc.constantFrom("phone", "email").map((channel) => ({ type: "contact-attempted", channel })),
  fc.constant({ type: "contacted" }),
  fc.constant({ type: "waitlisted" }),
  fc.integer({ min: 0, max: 20 }).map((ahead) => ({ type: "scheduled", clinicianId: "clin-ana", ahead })),
  fc.constant({ type: "no-show" }),
  fc.constant({ type: "first-visit-attended" }),
  fc.constantFrom("cost", "timing").map((reason) => ({ type: "declined", reason })),
  fc.constant({ type: "not-a-fit", failed: [] }),
  fc.constantFrom("inside", "outside").map((to) => ({ type: "redirected", to })),
  fc.constantFrom("received", "first-visit", "declined").map((milestone) => ({ type: "referrer-updated", milestone })),
);

/** One inbound referral's events: a `received`, then up to 14 others within a month, sometimes closed at the end. */
export const inboundLog = fc
  .record({
    start: fc.integer({ min: 0, max: 40 }),
    urgency: fc.constantFrom("routine", "soon", "urgent"),
    rest: fc.array(fc.record({ after: fc.integer({ min: 0, max: 30 }), payload }), { maxLength: 14 }),
    close: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  })
  .map(({ start, urgency, rest, close }): InboundEventInput[] => {
    const received = {
      id: "e00",
      referralId: "rf-1",
      date: dateAt(start),
      type: "received",
      referrerId: "ref-gp",
      addressedTo: "practice",
      clinicianId: "clin-ana",
      urgency,
      needs: ["anxiety"],
    } as InboundEventInput;
    const events = rest.map(
      ({ after, payload: { ahead, ...fields } }: { after: number; payload: { ahead?: number; type: string } }, index) => ({
        id: `e${String(index + 1).padStart(2, "0")}`,
        referralId: "rf-1",
        date: dateAt(start + after),
        ...fields,
        ...(ahead === undefined ? {} : { appointmentDate: dateAt(start + after + ahead) }),
      }),
    ) as InboundEventInput[];
    const last = Math.max(start, ...events.map((event) => Date.parse(`${event.date}T00:00:00Z`) / DAY_MS - BASE_MS / DAY_MS));
    const closed =
      close === undefined ? [] : [{ id: "e99", referralId: "rf-1", date: dateAt(last + close), type: "closed" } as InboundEventInput];
    return [received, ...events, ...closed];
  });

const outboundPayload = fc.oneof(
  fc.constant({ type: "accepted" }),
  fc.constant({ type: "client-connected" }),
  fc.constant({ type: "declined-by-receiver" }),
  fc.constant({ type: "client-declined" }),
  fc.constant({ type: "receiver-thanked" }),
  fc.constant({ type: "closed" }),
);

/** One outbound referral's events: a `sent`, then up to 8 others within a month. */
export const outboundLog = fc
  .record({
    start: fc.integer({ min: 0, max: 40 }),
    optionsGiven: fc.integer({ min: 1, max: 4 }),
    referrer: fc.boolean(),
    rest: fc.array(fc.record({ after: fc.integer({ min: 0, max: 30 }), payload: outboundPayload }), { maxLength: 8 }),
  })
  .map(({ start, optionsGiven, referrer, rest }): OutboundEventInput[] => [
    {
      id: "o00",
      referralId: "rf-9",
      date: dateAt(start),
      type: "sent",
      clinicianId: "clin-ana",
      toClinicianId: "clin-osei",
      ...(referrer ? { referrerId: "ref-osei" } : {}),
      optionsGiven,
    },
    ...rest.map(
      ({ after, payload }, index) =>
        ({
          id: `o${String(index + 1).padStart(2, "0")}`,
          referralId: "rf-9",
          date: dateAt(start + after),
          ...payload,
        }) as OutboundEventInput,
    ),
  ]);
