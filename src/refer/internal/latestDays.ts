import type { Score } from "../results.js";
import type { DayScore } from "./scoresByDay.js";

/**
 * The last `count` days of scores sorted by date and score (all of them with
 * `Infinity`), one score per day in date order; same-day scores count as
 * their mean. Read from the tail, so a rule that looks at the latest days
 * does not group the whole series.
 */
export function latestDays(sorted: readonly Score[], count: number): DayScore[] {
  const days: DayScore[] = [];
  for (let end = sorted.length; end > 0 && days.length < count;) {
    const date = (sorted[end - 1] as Score).date;
    let start = end - 1;
    while (start > 0 && (sorted[start - 1] as Score).date === date) start--;
    // Added from the day's lowest score up, so a day's sum is the same however many days are read.
    let sum = 0;
    for (let index = start; index < end; index++) sum += (sorted[index] as Score).score;
    const scores = end - start;
    days.push({ date, score: scores === 1 ? sum : sum / scores, sum, count: scores });
    end = start;
  }
  return days.reverse();
}
