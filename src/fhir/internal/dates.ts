import { ExpectedText } from "../../errors.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
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

/** A dateTime's time of day, when it has one. */
const TIME_OF_DAY = /T(\d{2}:\d{2})(?::(\d{2})(\.\d+)?)?/;

/**
 * A date read the narrow way when its dateTime has a time: a start after
 * midnight counts from the next day, an end before the day's last minute
 * up to the day before, so a time never stretches a permission to a whole day.
 */
function narrowed(text: string, day: string, end: boolean): string {
  const time = TIME_OF_DAY.exec(text);
  if (time === null) return day;
  const [, clock, seconds, fraction = ""] = time;
  if (end) return clock === "23:59" && (seconds === undefined || seconds === "59") ? day : addCalendarDays(day, -1);
  return clock === "00:00" && (seconds ?? "00") === "00" && !/[1-9]/.test(fraction) ? day : addCalendarDays(day, 1);
}

/** A FHIR date or dateTime as the first whole day from it (see {@link wholeDays}). */
export function firstWholeDay(reader: FhirReader, value: unknown, path: FhirPath, required = false): string | undefined {
  const day = fullDate(reader, value, path, required);
  return day === undefined ? undefined : narrowed(value as string, day, false);
}

/**
 * A FHIR Period as the whole days it covers, read the narrow way (what a
 * consent permits is read so); `"none"` when it covers no whole day.
 */
export function wholeDays(reader: FhirReader, value: unknown, path: FhirPath): { start: string; end?: string } | "none" | undefined {
  const object = reader.object(value, path);
  if (object === undefined) return undefined;
  const start = fullDate(reader, object.start, [...path, "start"], true);
  const end = fullDate(reader, object.end, [...path, "end"]);
  if (start === undefined) return undefined;
  if (end !== undefined && end < start) return reader.report([...path, "end"], "end-before-start");
  const first = narrowed(object.start as string, start, false);
  const last = end === undefined ? undefined : narrowed(object.end as string, end, true);
  if (last !== undefined && last < first) return "none";
  return last === undefined ? { start: first } : { start: first, end: last };
}
