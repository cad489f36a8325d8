import { fc, test } from "@fast-check/vitest";
import { describe, expect, vi } from "vitest";
import { applyRelationshipEvent, type RelationshipEvent, relationshipState } from "referwell/relationships";
import { madeEventWithId } from "../../src/relationships/internal/madeStates.js";
import { asOf, relationshipEvents } from "../arbitraries/relationships.js";

// Two ways a fold fails, each at its worst moment for the line it extends:
// "fails-": the fold throws after it has appended what the event adds (evidence, colleagues);
// "late-": freezing the event throws after the fold has appended to the lists (once per id, so the same event can be applied again);
// "after-": freezing the evidence the event adds throws, after the event is on the line (an event that adds none folds).
vi.mock("../../src/relationships/internal/foldStep.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/relationships/internal/foldStep.js")>();
  return {
    ...actual,
    foldStep: (...args: Parameters<typeof actual.foldStep>) => {
      const folded = actual.foldStep(...args);
      if (args[1].id.startsWith("fails-")) throw new Error("the fold failed");
      return folded;
    },
  };
});
vi.mock("../../src/model/internal/deepFreeze.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/model/internal/deepFreeze.js")>();
  const failed = new Set<string>();
  return {
    deepFreeze: <T>(value: T): T => {
      const { id, eventId } = (value ?? {}) as { id?: unknown; eventId?: unknown };
      const marked =
        typeof id === "string" && id.startsWith("late-")
          ? id
          : typeof eventId === "string" && eventId.startsWith("after-")
            ? eventId
            : undefined;
      if (marked !== undefined && !failed.has(marked)) {
        failed.add(marked);
        throw new Error("the fold failed");
      }
      return actual.deepFreeze(value);
    },
  };
});

const json = (value: unknown) => JSON.stringify(value);
const inOrder = (a: RelationshipEvent, b: RelationshipEvent) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1);

describe("applyRelationshipEvent when folding an event throws", () => {
  test.prop([relationshipEvents(), asOf, fc.nat(), fc.constantFrom("fails-", "late-", "after-")])(
    "the line the states share is as before: the next events give what replaying gives, and the failed id is not held",
    (events, now, at, how) => {
      const sorted = [...events].sort(inOrder);
      const cut = sorted.length === 0 ? 0 : at % sorted.length;
      let state = relationshipState([], { now, referrerId: "ref-1" });
      for (const event of sorted.slice(0, cut)) state = applyRelationshipEvent(state, event);
      const next = sorted[cut];
      const failing = next === undefined ? undefined : { ...next, id: `${how}${next.id}-${at}` };
      if (failing !== undefined) {
        let threw = false;
        try {
          // Folded without a throw ("after-" and no evidence added): the state it gave is dropped, and the next events go on the older one.
          applyRelationshipEvent(state, failing);
        } catch (error) {
          threw = String(error).includes("the fold failed");
        }
        if (how !== "after-") expect(threw).toBe(true);
      }
      for (const event of sorted.slice(cut)) state = applyRelationshipEvent(state, event);
      expect(json(state)).toBe(json(relationshipState(sorted, { now, referrerId: "ref-1" })));
      // The id of an event whose fold failed is not held by the states after it.
      if (failing !== undefined) expect(madeEventWithId(state, failing.id)).toBeUndefined();
    },
  );
});
