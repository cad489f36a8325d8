import { fc, test } from "@fast-check/vitest";
import { describe, expect, vi } from "vitest";
import { applyRelationshipEvent, type RelationshipEvent, relationshipState } from "referwell/relationships";
import { asOf, relationshipEvents } from "../arbitraries/relationships.js";

// A fold that fails after it has appended what the event adds (evidence, colleagues): the worst moment for the line it extends.
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

const json = (value: unknown) => JSON.stringify(value);
const inOrder = (a: RelationshipEvent, b: RelationshipEvent) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1);

describe("applyRelationshipEvent when folding an event throws", () => {
  test.prop([relationshipEvents(), asOf, fc.nat()])(
    "the state and the line it shares are as before: the next event gives what replaying gives",
    (events, now, at) => {
      const sorted = [...events].sort(inOrder);
      const cut = sorted.length === 0 ? 0 : at % sorted.length;
      let state = relationshipState([], { now, referrerId: "ref-1" });
      for (const event of sorted.slice(0, cut)) state = applyRelationshipEvent(state, event);
      const before = json(state);
      const next = sorted[cut];
      if (next !== undefined) {
        // The same event under an id that makes the fold fail, at the moment the next event would be folded.
        expect(() => applyRelationshipEvent(state, { ...next, id: `fails-${next.id}` })).toThrow("the fold failed");
        expect(json(state)).toBe(before);
      }
      for (const event of sorted.slice(cut)) state = applyRelationshipEvent(state, event);
      expect(json(state)).toBe(json(relationshipState(sorted, { now, referrerId: "ref-1" })));
    },
  );
});
