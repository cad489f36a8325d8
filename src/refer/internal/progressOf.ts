import type { ProgressSummary, Score } from "../results.js";
import type { Instrument } from "../schemas.js";
import { scoresByDay } from "./scoresByDay.js";
import { type Deterioration, summarizeProgress } from "./summarizeProgress.js";

/** Measured progress on every outcome instrument scored on at least two days, in the instruments' order. */
export function progressOf(
  instruments: readonly Instrument[],
  scoresBy: ReadonlyMap<string, readonly Score[]>,
  deterioration: Deterioration,
): ProgressSummary[] {
  // Sorted by date, so two days or more means the first and last dates differ.
  return instruments.flatMap((instrument) => {
    const scores = scoresBy.get(instrument.id) ?? [];
    if (instrument.measures !== "outcome" || scores.length < 2 || scores[0]?.date === scores[scores.length - 1]?.date) return [];
    // Instruments and scores are validated by the rule context: the trusted core, not the checked public classifier.
    return [summarizeProgress(instrument, scoresByDay(scores), deterioration)];
  });
}
