import type { Score } from "../results.js";
import { compareText } from "../../model/internal/compareText.js";

/** One day's score: the mean of its scores, with their sum and count kept so changes between days compare exactly. */
export interface DayScore extends Score {
  readonly sum: number;
  readonly count: number;
}

/** Scores one per day, in date order; same-day scores count as their mean. */
export function scoresByDay(scores: readonly Score[]): DayScore[] {
  const sorted = [...scores].sort((a, b) => compareText(a.date, b.date) || a.score - b.score);
  const days: DayScore[] = [];
  for (let start = 0; start < sorted.length;) {
    const date = (sorted[start] as Score).date;
    let end = start;
    let sum = 0;
    while (end < sorted.length && (sorted[end] as Score).date === date) sum += (sorted[end++] as Score).score;
    const count = end - start;
    days.push({ date, score: count === 1 ? sum : sum / count, sum, count });
    start = end;
  }
  return days;
}
