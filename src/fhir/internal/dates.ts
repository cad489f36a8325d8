import { ExpectedText } from "../../errors.js";
import { IsoDate } from "../../model/scalars.js";
import type { FhirPath, FhirReader } from "./read.js";

/** A FHIR dateTime with a time: the date part, read in the offset it was written in. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A FHIR `date` or `dateTime` as a calendar date. A partial date (`2019`,
 * `2019-06`) is refused rather than widened or narrowed: either reading
 * could license a clinician or cover a client on a day they were not.
 */
export function fullDate(reader: FhirReader, value: unknown, path: FhirPath, required = false): string | undefined {
  const text = reader.string(value, path, required, 40);
  if (text === undefined) return undefined;
  const day = DATE_TIME.exec(text)?.[1] ?? text;
  return IsoDate.safeParse(day).success ? day : reader.report(path, "invalid-format", ExpectedText.date);
}

/** A FHIR Period as referwell's: a start is required (an open start has no first day to count from). */
export function period(reader: FhirReader, value: unknown, path: FhirPath, required = true): { start: string; end?: string } | undefined {
  const object = reader.object(value, path, required);
  if (object === undefined) return undefined;
  const start = fullDate(reader, object.start, [...path, "start"], true);
  const end = fullDate(reader, object.end, [...path, "end"]);
  if (start === undefined) return undefined;
  if (end !== undefined && end < start) return reader.report([...path, "end"], "end-before-start");
  return end === undefined ? { start } : { start, end };
}
