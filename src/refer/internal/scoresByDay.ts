import type { Score } from "../results.js";
import { compareText } from "../../model/internal/compareText.js";

/**
 * One score per day, in date order: same-day scores are averaged (summed in
 * ascending order, so input order cannot change the result). Several scores
 * on one day are one measured session. Internal: the progress classifier and
 * the alliance trigger read series this way.
 */
export function scoresByDay(scores: readonly Score[]): Score[] {
  const sorted = [...scores].sort((a, b) => compareText(a.date, b.date) || a.score - b.score);
  const days: Score[] = [];
  for (let start = 0; start < sorted.length;) {
    const date = (sorted[start] as Score).date;
    let end = start;
    let sum = 0;
    while (end < sorted.length && (sorted[end] as Score).date === date) sum += (sorted[end++] as Score).score;
    days.push({ date, score: end - start === 1 ? sum : sum / (end - start) });
    start = end;
  }
  return days;
}
