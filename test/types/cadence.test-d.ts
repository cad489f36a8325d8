/** Compile-time contract of `referwell/cadence`: typed inputs, and mistakes that do not compile. */
import { describe, expectTypeOf, test } from "vitest";
import {
  type DueTouch,
  type DueTouchInput,
  dueTouches,
  type DueTouchOptionsInput,
  type ICalendarOptionsInput,
  type PlannedTouchInput,
  type PlanOptionsInput,
  planTouches,
  type TouchPlan,
  toICalendar,
} from "referwell/cadence";
import { relationshipState, type RelationshipStateInput } from "referwell/relationships";

const state = relationshipState([{ id: "e1", date: "2026-10-01", type: "outreach-sent", clinicianId: "clin-ana", referrerId: "gp-1" }], {
  now: "2026-11-23",
});
const due = dueTouches([state], { now: "2026-11-23" });
const options: PlanOptionsInput = { from: "2026-11-23", weeks: 2, timeZone: "America/New_York", capacity: 3 };
const plan = planTouches(due, options);

describe("referwell/cadence", () => {
  test("parameters are the schemas' input types, results the output types", () => {
    expectTypeOf(dueTouches).parameters.toEqualTypeOf<[readonly RelationshipStateInput[], DueTouchOptionsInput]>();
    expectTypeOf(dueTouches).returns.toEqualTypeOf<DueTouch[]>();
    expectTypeOf(planTouches).parameters.toEqualTypeOf<[readonly DueTouchInput[], PlanOptionsInput]>();
    expectTypeOf(planTouches).returns.toEqualTypeOf<TouchPlan>();
    expectTypeOf(toICalendar).parameters.toEqualTypeOf<
      [
        { readonly planned: readonly PlannedTouchInput[]; readonly cancelled?: readonly PlannedTouchInput[] | undefined },
        ICalendarOptionsInput,
      ]
    >();
    // A plan goes back in as it is: as already scheduled, as the previous plan, and to the calendar.
    expectTypeOf(planTouches).toBeCallableWith(due, { ...options, scheduled: plan.planned, previous: plan.planned });
    expectTypeOf(toICalendar).toBeCallableWith(plan, { now: "2026-11-23T09:00:00Z" });
  });

  test("a misspelled option key does not compile", () => {
    // @ts-expect-error: `capcity` misspelled
    planTouches(due, { from: "2026-11-23", weeks: 2, timeZone: "UTC", capcity: 3 });
    // @ts-expect-error: `polcy` is no option
    dueTouches([state], { now: "2026-11-23", polcy: {} });
    // @ts-expect-error: `calendar` is no option (`calendarName` is)
    toICalendar(plan, { now: "2026-11-23T09:00:00Z", calendar: "Touches" });
  });

  test("swapped or wrong arguments do not compile", () => {
    // @ts-expect-error: options first, touches second
    planTouches(options, due);
    // @ts-expect-error: a state where a list of states is expected
    dueTouches(state, { now: "2026-11-23" });
    // @ts-expect-error: a weekday outside the schema's
    planTouches(due, { ...options, workingDays: ["monday"] });
  });
});
