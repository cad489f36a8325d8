import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "referwell";
import { applyRelationshipEvent, RelationshipState, relationshipState } from "referwell/relationships";
import { asOf, relationshipEvents } from "../arbitraries/relationships.js";

const json = (value: unknown) => JSON.stringify(value);
const stored = (state: RelationshipState): RelationshipState => JSON.parse(json(state)) as RelationshipState;

/**
 * What a host does to a stored state by mistake or on purpose: each changes a field that folding the events decides.
 * (Dropping an event is not among them: what remains is a true state of fewer events, which no check can tell apart.)
 */
const forgeries: ReadonlyArray<(state: RelationshipState) => RelationshipState> = [
  (state) => ({ ...state, counts: { ...state.counts, referralsIn: state.counts.referralsIn + 1 } }),
  (state) => ({ ...state, stage: state.stage === 3 ? 2 : 3 }),
  (state) => ({ ...state, lifecycle: state.lifecycle === "active" ? "dormant" : "active" }),
  (state) => ({ ...state, colleaguesUsed: [...state.colleaguesUsed, "clin-forged"] }),
  (state) => ({ ...state, fit: state.fit !== true }),
  (state) => ({ ...state, events: [...state.events].reverse() }),
];

/** An event the state holds, sent again dated a day after its latest: in date order, yet its id is known. */
const resent = (state: RelationshipState): never => {
  const latest = Date.parse(state.events.at(-1)?.date ?? "2025-01-01");
  return { ...state.events[0], date: new Date(latest + 86_400_000).toISOString().slice(0, 10) } as never;
};

/**
 * An event the state holds (the `pick`th, counted round), sent again as it is, or dated a day earlier (a copy that
 * sorts before the one held as JSON, which replaces it) or later (one that sorts after it, which changes nothing).
 */
const sentAgain = (state: RelationshipState, pick: number, shift: -1 | 0 | 1): never => {
  const held = state.events[pick % state.events.length] as RelationshipState["events"][number];
  return { ...held, date: new Date(Date.parse(held.date) + shift * 86_400_000).toISOString().slice(0, 10) } as never;
};

describe("applyRelationshipEvent: trusted, stored and branched states", () => {
  test.prop([
    relationshipEvents(),
    asOf,
    fc.array(
      fc.tuple(
        fc.constantFrom("next", "store", "branch", "repeat", "again"),
        fc.nat(),
        fc.constantFrom(-1, 0, 1) as fc.Arbitrary<-1 | 0 | 1>,
      ),
      {
        maxLength: 60,
      },
    ),
  ])(
    "law: whatever path a state took (in order, through storage, from an older state, an event again), it is what replaying every event sent to it gives",
    (events, now, steps) => {
      const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
      const history: RelationshipState[] = [relationshipState([], { now, referrerId: "ref-1" })];
      // Every event sent on the way to each state of the history, copies sent again included.
      const sentTo: unknown[][] = [[]];
      let state = history[0] as RelationshipState;
      let sent: unknown[] = [];
      let next = 0;
      const send = (event: never) => {
        state = applyRelationshipEvent(state, event);
        sent = [...sent, event];
      };
      for (const [move, pick, shift] of steps) {
        const event = sorted[next];
        if (move === "store") state = stored(state);
        else if (move === "branch") {
          const at = Math.floor(history.length / 2);
          [state, sent] = [history[at] as RelationshipState, sentTo[at] as unknown[]];
        } else if (move === "repeat" && state.events.length > 0) send(resent(state));
        else if (move === "again" && state.events.length > 0) send(sentAgain(state, pick, shift));
        else if (event !== undefined) {
          send(event as never);
          next += 1;
        }
        history.push(state);
        sentTo.push(sent);
      }
      history.forEach((reached, at) => {
        expect(json(reached)).toBe(json(relationshipState(sentTo[at] as never, { now, referrerId: "ref-1" })));
      });
      for (const reached of history) {
        expect(json(reached)).toBe(json(relationshipState(reached.events, { now, referrerId: "ref-1" })));
        expect(reached.colleaguesUsed).toEqual([...new Set(reached.colleaguesUsed)].sort());
        expect(reached.colleaguesIntroduced).toEqual([...new Set(reached.colleaguesIntroduced)].sort());
      }
    },
  );

  test.prop([relationshipEvents(), asOf, fc.nat({ max: forgeries.length - 1 })])(
    "a stored state whose fields differ from what its events give is refused, naming no value",
    (events, now, pick) => {
      const state = stored(relationshipState(events, { now, referrerId: "ref-1" }));
      const forged = (forgeries[pick] as (typeof forgeries)[number])(state);
      fc.pre(json(forged) !== json(state));
      const call = () => applyRelationshipEvent(forged, { ...(events[0] ?? {}), id: "e-new", referrerId: "ref-1" } as never);
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidInputError);
      expect((caught as InvalidInputError).issues.map((issue) => issue.code)).toEqual(["state-mismatch"]);
      expect(json(caught)).not.toContain("clin-forged");
    },
  );

  it("an event delivered again as it is gives back the same state; a copy that sorts first as JSON replaces the one held", () => {
    const referral = (id: string, date: string, clinicianId: string) =>
      ({ id, date, type: "referral-received", clinicianId, referrerId: "ref-1", addressedTo: "colleague" }) as never;
    const events = [referral("e1", "2026-01-05", "clin-a"), referral("e2", "2026-02-05", "clin-b"), referral("e3", "2026-03-05", "clin-c")];
    const state = events.reduce(applyRelationshipEvent, relationshipState([], { now: "2026-04-01", referrerId: "ref-1" }));
    for (const event of events) expect(applyRelationshipEvent(state, event)).toBe(state);
    // Sent again dated later it sorts after the copy held, which stays; dated earlier it sorts first, and is kept instead.
    expect(applyRelationshipEvent(state, referral("e2", "2026-03-20", "clin-b"))).toBe(state);
    const earlier = applyRelationshipEvent(state, referral("e2", "2026-01-02", "clin-b"));
    expect(earlier.events.map((event) => `${event.id} ${event.date}`)).toEqual(["e2 2026-01-02", "e1 2026-01-05", "e3 2026-03-05"]);
    expect(json(earlier)).toBe(json(relationshipState([...events, referral("e2", "2026-01-02", "clin-b")], { now: "2026-04-01" })));
  });

  it("an event with a held id but another referrer is refused as referrer-mismatch, though as JSON it sorts after the copy held", () => {
    const event = {
      id: "e1",
      date: "2026-01-05",
      type: "referral-received",
      clinicianId: "clin-a",
      referrerId: "ref-1",
      addressedTo: "colleague",
    };
    const state = applyRelationshipEvent(relationshipState([], { now: "2026-04-01", referrerId: "ref-1" }), event as never);
    let caught: unknown;
    try {
      applyRelationshipEvent(state, { ...event, referrerId: "zz-other" } as never);
    } catch (error) {
      caught = error;
    }
    expect((caught as InvalidInputError).issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: ["referrerId"], code: "referrer-mismatch" },
    ]);
  });

  it("colleagues are listed sorted, whichever order they first referred in, by replay and one event at a time", () => {
    const referral = (id: string, date: string, clinicianId: string, addressedTo: string) =>
      ({ id, date, type: "referral-received", clinicianId, referrerId: "ref-1", addressedTo }) as never;
    const events = [
      referral("e1", "2026-01-05", "clin-a", "point-person"),
      referral("e2", "2026-02-05", "clin-d", "colleague"),
      referral("e3", "2026-03-05", "clin-b", "colleague"),
      referral("e3b", "2026-03-05", "clin-d", "colleague"),
      {
        id: "e4",
        date: "2026-03-06",
        type: "colleague-introduced",
        clinicianId: "clin-a",
        referrerId: "ref-1",
        colleagueId: "clin-c",
      } as never,
      {
        id: "e5",
        date: "2026-03-07",
        type: "colleague-introduced",
        clinicianId: "clin-a",
        referrerId: "ref-1",
        colleagueId: "clin-b",
      } as never,
    ];
    let state = relationshipState([], { now: "2026-04-01", referrerId: "ref-1" });
    for (const event of events) state = applyRelationshipEvent(state, event);
    for (const reached of [state, relationshipState(events, { now: "2026-04-01" })]) {
      expect(reached.colleaguesUsed).toEqual(["clin-b", "clin-d"]);
      expect(reached.colleaguesIntroduced).toEqual(["clin-b", "clin-c"]);
    }
  });

  it("at the limit of 100,000 events, one more is refused as too-big, as reading the state back would be; one already held is not", () => {
    const touch = (i: number) =>
      ({ id: `e${i}`, date: "2026-01-01", type: "touch", kind: "coffee", clinicianId: "clin-a", referrerId: "ref-1" }) as never;
    const full = relationshipState(
      Array.from({ length: 100_000 }, (_, i) => touch(i)),
      { now: "2026-02-01" },
    );
    let caught: unknown;
    try {
      applyRelationshipEvent(full, touch(100_000));
    } catch (error) {
      caught = error;
    }
    expect((caught as InvalidInputError).issues).toEqual([{ path: ["events"], code: "too-big", expected: "at most 100000 items" }]);
    expect(applyRelationshipEvent(full, touch(5)).events).toHaveLength(100_000);
  });

  it("a state the library made is frozen, so nothing can change what it trusts", () => {
    const state = relationshipState(
      [
        {
          id: "e1",
          date: "2026-10-01",
          type: "referral-received",
          clinicianId: "clin-hana",
          referrerId: "ref-1",
          addressedTo: "point-person",
        },
      ],
      { now: "2026-11-23" },
    );
    expect(
      Object.isFrozen(state) && Object.isFrozen(state.events) && Object.isFrozen(state.events[0]) && Object.isFrozen(state.counts),
    ).toBe(true);
    expect(() => (state.events as unknown[]).push({})).toThrow(TypeError);
  });

  test.prop([relationshipEvents(), asOf])(
    "a state made one event at a time reads as plain data: the schema's keys in order, and copies by spread, structuredClone or JSON all alike",
    (events, now) => {
      let state = relationshipState([], { now, referrerId: "ref-1" });
      for (const event of events) state = applyRelationshipEvent(state, event);
      expect(Object.keys(state)).toEqual(Object.keys(RelationshipState.shape));
      const copies = [{ ...state }, structuredClone(state), JSON.parse(json(state)) as unknown];
      for (const copy of copies) expect(copy).toEqual(RelationshipState.parse(JSON.parse(json(state))));
      expect(Object.isFrozen(state.colleaguesUsed) && state.events === state.events).toBe(true);
      // Read through a Proxy, another receiver or a copy of its descriptors, a state gives the same lists.
      const proxy = new Proxy(state, {});
      const described = Object.create(Object.prototype, Object.getOwnPropertyDescriptors(state)) as RelationshipState;
      for (const view of [proxy, described, Reflect.get(state, "events", {}) === state.events ? state : undefined])
        expect(json(view)).toBe(json(state));
      const another = events[0] ?? {
        id: "e-x",
        date: "2026-01-01",
        type: "touch",
        kind: "call",
        clinicianId: "clin-a",
        referrerId: "ref-1",
      };
      expect(json(applyRelationshipEvent(proxy, another as never))).toBe(json(applyRelationshipEvent(state, another as never)));
    },
  );
});
