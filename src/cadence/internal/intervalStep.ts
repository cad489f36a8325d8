import { addInterval, type Interval } from "../../model/internal/addInterval.js";
import { describeInterval } from "../../model/internal/describeInterval.js";

export type { Interval };

/** A stretched interval: how to add it to a date, and how to say it. */
export interface IntervalStep {
  readonly add: (date: string) => string;
  readonly text: string;
}

/** The interval stretched by `factor` (rounded to whole units, at least one) as a step to add to dates. */
export function intervalStep(interval: Interval, factor: number): IntervalStep {
  const scale = (size: number) => Math.max(1, Math.round(size * factor));
  const scaled: Interval =
    typeof interval === "number" || "days" in interval
      ? { days: scale(typeof interval === "number" ? interval : interval.days) }
      : "weeks" in interval
        ? { weeks: scale(interval.weeks) }
        : { months: scale(interval.months) };
  return { add: (date) => addInterval(date, scaled), text: describeInterval(scaled) };
}
