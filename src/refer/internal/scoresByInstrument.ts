import type { Score } from "../results.js";
import type { Measurement } from "../schemas.js";

/** Each instrument's scores within the episode and up to now, grouped once, in the order of the (sorted) measurements. */
export function scoresByInstrument(measurements: readonly Measurement[], inEpisode: (date: string) => boolean): Map<string, Score[]> {
  const scoresBy = new Map<string, Score[]>();
  for (const measurement of measurements) {
    if (!inEpisode(measurement.date)) continue;
    const scores = scoresBy.get(measurement.instrument) ?? [];
    scores.push({ date: measurement.date, score: measurement.score });
    scoresBy.set(measurement.instrument, scores);
  }
  return scoresBy;
}
