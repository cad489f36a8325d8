import { ExpectedText, FROM_SCHEMA, type InputIssueDraft, InvalidInputError } from "../../errors.js";
import type { Instrument, Measurement } from "../schemas.js";

/** The issues of one measurement's item scores: as many as the instrument has, each in its range, summing to the total when the total is a sum. */
function itemIssues(measurement: Measurement, instrument: Instrument, index: number): InputIssueDraft[] {
  const { items } = measurement;
  if (items === undefined) return [];
  const path = ["measurements", index, "items"];
  const spec = instrument.items;
  if (spec === undefined) return [{ path, code: "invalid", expected: ExpectedText.noItems }];
  if (items.length !== spec.count) {
    // The instrument's own figures are input too, so the expectation names them without their values.
    return [{ path, code: items.length < spec.count ? "too-small" : "too-big", expected: ExpectedText.itemCount }];
  }
  const issues: InputIssueDraft[] = [];
  items.forEach((value, item) => {
    if (value < spec.min) issues.push({ path: [...path, item], code: "too-small", expected: ExpectedText.itemRange });
    if (value > spec.max) issues.push({ path: [...path, item], code: "too-big", expected: ExpectedText.itemRange });
  });
  if (issues.length === 0 && spec.scoring === "sum") {
    const sum = items.reduce((total, value) => total + value, 0);
    // Item scores are usually whole numbers, so the sum is exact; the tolerance only absorbs rounding of fractional ones.
    if (Math.abs(sum - measurement.score) > 1e-9 * Math.max(1, Math.abs(measurement.score))) {
      issues.push({ path: ["measurements", index, "score"], code: "invalid", expected: ExpectedText.itemSum });
    }
  }
  return issues;
}

/** Refuses a case whose scores or item scores do not fit their instrument. */
export function checkScoreRanges(measurements: readonly Measurement[], instruments: ReadonlyMap<string, Instrument>): void {
  const issues: InputIssueDraft[] = [];
  measurements.forEach((measurement, index) => {
    const instrument = instruments.get(measurement.instrument);
    if (instrument === undefined) return;
    const { range } = instrument;
    if (measurement.score < range.min) issues.push({ path: ["measurements", index, "score"], code: "too-small" });
    if (measurement.score > range.max) issues.push({ path: ["measurements", index, "score"], code: "too-big" });
    issues.push(...itemIssues(measurement, instrument, index));
  });
  if (issues.length > 0) throw new InvalidInputError("case", issues, FROM_SCHEMA);
}
