import type { DueTouch, PlannedTouch } from "../schemas.js";

/**
 * A due touch placed on a day, first planned (`sequence` 0). Written out
 * rather than spread: every planned touch gets one shape, built without
 * copying property by property, which matters at a million touches.
 */
export function plannedTouch(touch: DueTouch, date: string, timeZone: string, start: string, end: string): PlannedTouch {
  return {
    id: touch.id,
    referrerId: touch.referrerId,
    clinicianId: touch.clinicianId,
    reason: touch.reason,
    dueDate: touch.dueDate,
    overdueDays: touch.overdueDays,
    suggestedKind: touch.suggestedKind,
    value: touch.value,
    explanation: touch.explanation,
    date,
    localTime: start.slice(11, 16),
    timeZone,
    start,
    end,
    sequence: 0,
  };
}
