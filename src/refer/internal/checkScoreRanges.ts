import { type InputIssueDraft, InvalidInputError } from "../../errors.js";
import type { Instrument, Measurement } from "../schemas.js";

/** Refuses a case whose scores lie outside their instrument's range. */
export function checkScoreRanges(measurements: readonly Measurement[], instruments: ReadonlyMap<string, Instrument>): void {
  const issues: InputIssueDraft[] = [];
  measurements.forEach((measurement, index) => {
    const range = instruments.get(measurement.instrument)?.range;
    if (range === undefined) return;
    if (measurement.score < range.min) issues.push({ path: ["measurements", index, "score"], code: "too-small" });
    if (measurement.score > range.max) issues.push({ path: ["measurements", index, "score"], code: "too-big" });
  });
  if (issues.length > 0) throw new InvalidInputError("case", issues);
}
