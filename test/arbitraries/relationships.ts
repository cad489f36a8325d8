/** Generators of relationship events: one referrer, a few clinicians, dates over two years. */
import fc from "fast-check";
import type { RelationshipEvent } from "referwell/relationships";

const CLINICIANS = ["clin-a", "clin-b", "clin-c", "clin-d"] as const;
const DAY_MS = 86_400_000;
const START = Date.UTC(2025, 0, 1);

export const eventDate = fc.integer({ min: 0, max: 700 }).map((d) => new Date(START + d * DAY_MS).toISOString().slice(0, 10));

const payload: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ type: "outreach-sent" }) },
  { weight: 2, arbitrary: fc.boolean().map((fit) => ({ type: "meeting-held", fit })) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom("coffee", "article-shared", "thank-you", "case-conference", "practice-overview")
      .map((kind) => ({ type: "touch", kind })),
  },
  {
    weight: 5,
    arbitrary: fc.constantFrom("point-person", "colleague", "practice").map((addressedTo) => ({ type: "referral-received", addressedTo })),
  },
  { weight: 2, arbitrary: fc.constant({ type: "referral-sent" }) },
  { weight: 1, arbitrary: fc.constantFrom(...CLINICIANS).map((colleagueId) => ({ type: "colleague-introduced", colleagueId })) },
  { weight: 1, arbitrary: fc.constantFrom(...CLINICIANS).map((to) => ({ type: "point-person-changed", to })) },
  { weight: 1, arbitrary: fc.constant({ type: "relationship-closed", reason: "other" }) },
  { weight: 1, arbitrary: fc.constant({ type: "relationship-revived" }) },
  { weight: 1, arbitrary: eventDate.map((until) => ({ type: "snoozed", until })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.integer({ min: 1, max: 90 }),
        fc.record({ weeks: fc.integer({ min: 1, max: 12 }) }),
        fc.record({ months: fc.integer({ min: 1, max: 6 }) }),
      )
      .map((duration) => ({ type: "snoozed", for: duration })),
  },
);

export const relationshipEvent = (referrerId = "ref-1"): fc.Arbitrary<RelationshipEvent> =>
  fc
    .record({ id: fc.stringMatching(/^e[0-9a-f]{1,4}$/), date: eventDate, clinicianId: fc.constantFrom(...CLINICIANS), payload })
    .map(({ id, date, clinicianId, payload }) => ({ id, date, clinicianId, referrerId, ...payload }) as RelationshipEvent);

/** Events with unique ids (a host's store). */
export const relationshipEvents = (max = 40, referrerId = "ref-1"): fc.Arbitrary<RelationshipEvent[]> =>
  fc.uniqueArray(relationshipEvent(referrerId), { maxLength: max, selector: (event) => event.id });

export const asOf = fc.integer({ min: 0, max: 900 }).map((d) => new Date(START + d * DAY_MS).toISOString().slice(0, 10));
