import type { RiskFlag } from "../safetySchemas.js";
import type { Disagreement, Measurement, ReferralCase, SessionRecord } from "../schemas.js";
import { compareText } from "../../model/internal/compareText.js";
import { sortedInPlace } from "../../model/internal/sortedInPlace.js";

/** A case's records in a fixed order, so rules that read them in order do not depend on the input's. */
export interface EpisodeRecords {
  /** Every measurement, sorted by instrument, date and score. */
  readonly measurements: Measurement[];
  /** Sessions within the episode and up to `now`, in date order. */
  readonly sessions: SessionRecord[];
  /** Unresolved disagreements within the episode and up to `now`, in date order. */
  readonly disagreements: Disagreement[];
  /** Every risk rating, sorted by date, source and rating: risk does not end with an episode. */
  readonly risk: RiskFlag[];
}

/** Sorts a validated case's records (measurements and risk ratings all), keeping sessions and disagreements dated within the episode and up to `now`. */
export function episodeRecords(parsed: ReferralCase, inEpisode: (date: string) => boolean): EpisodeRecords {
  const measurements = sortedInPlace(
    [...parsed.measurements],
    (a, b) =>
      compareText(a.instrument, b.instrument) ||
      compareText(a.date, b.date) ||
      a.score - b.score ||
      compareText(JSON.stringify(a.items ?? []), JSON.stringify(b.items ?? [])),
  );
  const sessions = sortedInPlace(
    parsed.sessions.filter((session) => inEpisode(session.date)),
    (a, b) => compareText(a.date, b.date) || Number(a.clinicianExhausted) - Number(b.clinicianExhausted),
  );
  const disagreements = sortedInPlace(
    parsed.disagreements.filter((disagreement) => !disagreement.resolved && inEpisode(disagreement.recorded)),
    (a, b) => compareText(a.recorded, b.recorded) || compareText(a.about, b.about),
  );
  const risk = sortedInPlace(
    [...parsed.risk],
    (a, b) => compareText(a.date, b.date) || compareText(a.source, b.source) || compareText(a.level, b.level),
  );
  return { measurements, sessions, disagreements, risk };
}
