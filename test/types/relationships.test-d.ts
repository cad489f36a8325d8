/** Compile-time contract of `referwell/relationships`: typed inputs, and mistakes that do not compile. */
import { describe, expectTypeOf, test } from "vitest";
import type { ReferrerInput } from "referwell";
import {
  applyRelationshipEvent,
  assessNetwork,
  findLateralOpportunities,
  type LateralOpportunity,
  type NetworkAssessment,
  type NetworkGoalsInput,
  type NetworkOptionsInput,
  type NextAction,
  type NextActionOptionsInput,
  type RelationshipEventInput,
  type RelationshipOptionsInput,
  type RelationshipState,
  relationshipState,
  type RelationshipStateInput,
  suggestNextActions,
} from "referwell/relationships";

const event: RelationshipEventInput = { id: "e1", date: "2026-10-01", type: "outreach-sent", clinicianId: "clin-ana", referrerId: "gp-1" };
const state = relationshipState([event], { now: "2026-11-23" });
const referrers: ReferrerInput[] = [{ id: "gp-1", name: "Dr Lin", kind: "gp" }];

describe("referwell/relationships", () => {
  test("parameters are the schemas' input types, results the output types", () => {
    expectTypeOf(relationshipState).parameters.toEqualTypeOf<[readonly RelationshipEventInput[], RelationshipOptionsInput]>();
    expectTypeOf(relationshipState).returns.toEqualTypeOf<RelationshipState>();
    expectTypeOf(applyRelationshipEvent).parameters.toEqualTypeOf<[RelationshipStateInput, RelationshipEventInput]>();
    expectTypeOf(suggestNextActions).parameters.toEqualTypeOf<[RelationshipStateInput, NextActionOptionsInput]>();
    expectTypeOf(suggestNextActions).returns.toEqualTypeOf<NextAction[]>();
    expectTypeOf(assessNetwork).parameter(2).toEqualTypeOf<NetworkGoalsInput>();
    expectTypeOf(assessNetwork).parameter(3).toEqualTypeOf<NetworkOptionsInput>();
    expectTypeOf(assessNetwork).returns.toEqualTypeOf<NetworkAssessment>();
    expectTypeOf(findLateralOpportunities).returns.toEqualTypeOf<LateralOpportunity[]>();
    // A state as the library returns it goes back in as it is.
    expectTypeOf(state).toExtend<RelationshipStateInput>();
  });

  test("a misspelled option key does not compile", () => {
    // @ts-expect-error: `referrer` is no option (`referrerId` is)
    relationshipState([event], { now: "2026-11-23", referrer: "gp-1" });
    // @ts-expect-error: `polcy` is no option
    suggestNextActions(state, { now: "2026-11-23", polcy: {} });
    // @ts-expect-error: `monthlyMeeting` is no goal (`monthlyMeetings` is)
    assessNetwork(referrers, [state], { monthlyMeeting: 4 }, { now: "2026-11-23" });
    // @ts-expect-error: `minRefferals` misspelled
    findLateralOpportunities([], referrers, [state], { now: "2026-11-23", minRefferals: 2 });
  });

  test("swapped or wrong arguments do not compile", () => {
    // @ts-expect-error: the event first, the state second
    applyRelationshipEvent(event, state);
    // @ts-expect-error: one event where a list is expected
    relationshipState(event, { now: "2026-11-23" });
    // @ts-expect-error: states and referrers swapped
    assessNetwork([state], referrers, {}, { now: "2026-11-23" });
    // @ts-expect-error: an event type outside the schema's
    relationshipState([{ ...event, type: "lunch" }], { now: "2026-11-23" });
  });
});
