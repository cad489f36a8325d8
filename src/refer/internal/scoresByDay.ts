import type { Score } from "../results.js";
import { compareText } from "../../model/internal/compareText.js";
import { latestDays } from "./latestDays.js";

/** One day's score: the mean of its scores, with their sum and count kept so changes between days compare exactly. */
export interface DayScore extends Score {
  readonly sum: number;
  readonly count: number;
}

const byDateAndScore = (a: Score, b: Score): number => compareText(a.date, b.date) || a.score - b.score;

/** Whether scores are already sorted by date and score, as a context's series are: then they need no sorted copy. */
function inOrder(scores: readonly Score[]): boolean {
  for (let index = 1; index < scores.length; index++)
    if (byDateAndScore(scores[index - 1] as Score, scores[index] as Score) > 0) return false;
  return true;
}

/** Scores one per day, in date order; same-day scores count as their mean. */
export function scoresByDay(scores: readonly Score[]): DayScore[] {
  // Sorted by score within a day too, so a day's sum is added in one order whatever the input's.
  return latestDays(inOrder(scores) ? scores : [...scores].sort(byDateAndScore), Infinity);
}
