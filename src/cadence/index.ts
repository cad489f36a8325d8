/**
 * `referwell/cadence`: when to touch base with each referrer, levelled over
 * real calendars and exported to iCalendar.
 *
 * @module referwell/cadence
 */
export { dueTouches, DueTouchOptions } from "./dueTouches.js";
export { planTouches, type TouchPlan, type UnplacedTouch } from "./planTouches.js";
export { CadencePolicy, DueTouch, PlannedTouch, PlanOptions, TouchReason } from "./schemas.js";
export { ICalendarOptions, toICalendar } from "./toICalendar.js";
