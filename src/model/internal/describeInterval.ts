import type { Interval } from "./addInterval.js";

/** An interval in words: `2 days`, `week`, `3 weeks`, `month`, `2 months` (read after "every" or "within"). */
export function describeInterval(interval: Interval): string {
  const [count, unit] =
    typeof interval === "number"
      ? [interval, "day"]
      : "days" in interval
        ? [interval.days, "day"]
        : "weeks" in interval
          ? [interval.weeks, "week"]
          : [interval.months, "month"];
  return count === 1 && unit !== "day" ? unit : `${count} ${unit}${count === 1 ? "" : "s"}`;
}
