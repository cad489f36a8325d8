/**
 * `referwell/cadence`: when to touch base with each referrer, levelled over
 * real calendars and exported to iCalendar.
 *
 * @module referwell/cadence
 */
export * from "../errorExports.js";
export { dueTouches, DueTouchOptions, type DueTouchOptionsInput } from "./dueTouches.js";
export { planTouches, type TouchPlan, type UnplacedTouch } from "./planTouches.js";
export {
  CadencePolicy,
  DueTouch,
  type DueTouchInput,
  PlannedTouch,
  type PlannedTouchInput,
  PlanOptions,
  type PlanOptionsInput,
  TouchReason,
} from "./schemas.js";
export { ICalendarOptions, type ICalendarOptionsInput, toICalendar } from "./toICalendar.js";
