import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { InvalidInputError } from "referwell";
import { applyRelationshipEvent, type RelationshipEvent, relationshipState, suggestNextActions } from "referwell/relationships";
import { hostile, hostileJson } from "../arbitraries/hostile.js";
import { asOf, relationshipEvent, relationshipEvents } from "../arbitraries/relationships.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { untyped } from "../support/untyped.js";

const json = (value: unknown) => JSON.stringify(value);
const order = (a: RelationshipEvent, b: RelationshipEvent) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
const QUALIFYING = new Set([
  "outreach-sent",
  "meeting-held",
  "touch",
  "referral-received",
  "referral-sent",
  "colleague-introduced",
  "relationship-revived",
]);
const CONTACT = new Set(["outreach-sent", "meeting-held", "touch", "referral-received", "referral-sent"]);

describe("relationshipState", () => {
  test.prop([relationshipEvents(), asOf])("determinism: the same frozen events give byte-identical states, untouched", (events, now) => {
    const before = json(events);
    deepFreeze(events);
    expect(json(relationshipState(events, { now, referrerId: "ref-1" }))).toBe(
      json(relationshipState(events, { now, referrerId: "ref-1" })),
    );
    expect(json(events)).toBe(before);
  });

  test.prop([relationshipEvents(), asOf, fc.infiniteStream(fc.nat())])(
    "replay equals incremental: folding all at once equals applying one by one, in any order",
    (events, now, seeds) => {
      const shuffled = [...events].sort(() => (seeds.next().value % 3) - 1);
      let state = relationshipState([], { now, referrerId: "ref-1" });
      for (const event of shuffled) state = applyRelationshipEvent(state, event);
      expect(json(state)).toBe(json(relationshipState(events, { now, referrerId: "ref-1" })));
    },
  );

  test.prop([relationshipEvents(), asOf, fc.array(fc.nat(), { maxLength: 10 })])(
    "idempotence: an event delivered twice counts once",
    (events, now, picks) => {
      fc.pre(events.length > 0);
      const again = picks.map((pick) => events[pick % events.length] as RelationshipEvent);
      expect(json(relationshipState([...events, ...again], { now, referrerId: "ref-1" }))).toBe(
        json(relationshipState(events, { now, referrerId: "ref-1" })),
      );
    },
  );

  test.prop([relationshipEvents(), asOf, fc.infiniteStream(fc.nat())])(
    "order independence: shuffled events give the same state",
    (events, now, seeds) => {
      const shuffled = [...events].sort(() => (seeds.next().value % 3) - 1);
      expect(json(relationshipState(shuffled, { now, referrerId: "ref-1" }))).toBe(
        json(relationshipState(events, { now, referrerId: "ref-1" })),
      );
    },
  );

  test.prop([relationshipEvents(), relationshipEvent(), asOf])(
    "stage 3 at once: a first referral addressed to the practice as a whole",
    (events, extra, now) => {
      const referrals = events.filter((event) => event.type === "referral-received").sort(order);
      const first = referrals[0];
      const { clinicianId, referrerId } = extra;
      const practice: RelationshipEvent = {
        clinicianId,
        referrerId,
        id: "e-first",
        type: "referral-received",
        addressedTo: "practice",
        date: first === undefined ? extra.date : first.date,
      } as RelationshipEvent;
      // Sorts before every other referral: same date, smaller id ("e-" < "e0"...).
      const state = relationshipState([...events, practice], { now, referrerId: "ref-1" });
      expect(state.stageEvidence[0]).toEqual({ stage: 1, eventId: "e-first", date: practice.date, reason: "first-referral" });
      expect(state.stageEvidence[1]).toEqual({ stage: 3, eventId: "e-first", date: practice.date, reason: "referral-to-practice" });
      expect(state.stage).toBe(3);
    },
  );

  test.prop([relationshipEvents(), asOf, fc.boolean(), fc.integer({ min: 20, max: 200 })])(
    "justified stages: the stage rises only on a referral received, with or without fallback",
    (events, now, allowFallback, dormantAfterDays) => {
      const sorted = [...events].sort(order);
      const policy = { allowFallback, dormantAfterDays };
      let previous: number | null = null;
      for (let i = 0; i < sorted.length; i += 1) {
        const stage = relationshipState(sorted.slice(0, i + 1), { now: sorted[i]?.date ?? now, referrerId: "ref-1", policy }).stage;
        if ((stage ?? 0) > (previous ?? 0)) expect(sorted[i]?.type).toBe("referral-received");
        previous = stage;
      }
      const state = relationshipState(events, { now, referrerId: "ref-1", policy });
      for (const evidence of state.stageEvidence) {
        if (evidence.reason !== "fell-back") expect(events.find((event) => event.id === evidence.eventId)?.type).toBe("referral-received");
      }
    },
  );

  test.prop([relationshipEvents(), asOf, fc.integer({ min: -2, max: 2 }), fc.integer({ min: 1, max: 400 })])(
    "dormancy: exactly when no qualifying activity happened within the window (boundaries included)",
    (events, now, offset, fallback) => {
      const latest = events.filter((event) => QUALIFYING.has(event.type)).reduce((max, event) => (event.date > max ? event.date : max), "");
      const daysSince = latest === "" ? Number.NaN : (Date.parse(now) - Date.parse(latest)) / 86_400_000;
      // Half the time the window sits right at the boundary of the last activity.
      const window = Number.isFinite(daysSince) && daysSince + offset >= 1 && offset !== 2 ? daysSince + offset : fallback;
      const state = relationshipState(events, { now, referrerId: "ref-1", policy: { dormantAfterDays: window } });
      const sorted = [...events].sort(order);
      const lastClose = sorted.filter((event) => event.type === "relationship-closed").pop();
      const lastRevive = sorted.filter((event) => event.type === "relationship-revived").pop();
      const closed = lastClose !== undefined && (lastRevive === undefined || order(lastRevive, lastClose) < 0);
      const contact = events.some((event) => CONTACT.has(event.type));
      const expected = !closed && contact && daysSince > window;
      expect(state.lifecycle === "dormant").toBe(expected);
    },
  );

  test.prop([relationshipEvents(), asOf])(
    "no actions for a closed or snoozed relationship; every action has a due date and evidence of its kind",
    (events, now) => {
      const state = relationshipState(events, { now, referrerId: "ref-1" });
      const actions = suggestNextActions(state, { now });
      if (state.lifecycle === "closed" || (state.snoozedUntil !== null && state.snoozedUntil >= now)) expect(actions).toEqual([]);
      for (const action of actions) {
        expect(action.referrerId).toBe("ref-1");
        expect(action.overdueDays).toBe(Math.round((Date.parse(now) - Date.parse(action.dueDate)) / 86_400_000));
        for (const id of action.evidence) expect(events.some((event) => event.id === id)).toBe(true);
      }
      for (let i = 1; i < actions.length; i += 1) expect((actions[i - 1]?.dueDate ?? "") <= (actions[i]?.dueDate ?? "")).toBe(true);
    },
  );
});

describe("no leak", () => {
  const safe = (call: () => unknown) => {
    try {
      call();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(JSON.stringify(error)).not.toMatch(/ZQX[A-Z0-9]{6}/);
      expect((error as Error).message).not.toMatch(/ZQX[A-Z0-9]{6}/);
    }
  };
  test.prop([hostile(relationshipEvents(6)), hostileJson(["now", "policy", "referrerId", "referrerKind"])])(
    "hostile events or options give a state or an InvalidInputError without input text",
    (events, options) => {
      safe(() => relationshipState(untyped(events), { now: "2026-11-23", referrerId: "ref-1" }));
      safe(() => relationshipState([], untyped(options)));
    },
  );
  test.prop([
    hostile(relationshipEvents(4).map((events) => relationshipState(events, { now: "2026-11-23", referrerId: "ref-1" }))),
    hostile(relationshipEvent()),
  ])("a hostile state or event gives a result or an InvalidInputError without input text", (state, event) => {
    safe(() => applyRelationshipEvent(untyped(state), untyped(event)));
    safe(() => suggestNextActions(untyped(state), { now: "2026-11-23" }));
  });
});
