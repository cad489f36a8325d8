import { ExpectedText } from "../../errors.js";
import type { AgeGroup } from "../../model/enums.js";
import { IsoDate, type Place } from "../../model/scalars.js";
import { FhirExtensions } from "../extensions.js";
import { fullDate } from "./dates.js";
import { extensionsOf } from "./elements.js";
import { jurisdictionOf } from "./jurisdictionOf.js";
import type { FhirObject, FhirPath, FhirReader } from "./read.js";

/** Age in whole years on `day` of someone born on `birth`. */
function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** referwell's age groups, by the bounds the populations name: children under 13, adolescents 13–17, older adults 65 and over. */
function groupOf(age: number): AgeGroup {
  if (age < 13) return "child";
  if (age < 18) return "adolescent";
  return age < 65 ? "adult" : "older-adult";
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The first and last day a full or partial date (`1990`, `1990-04`, `1990-04-12`) can mean, or undefined when it is none. */
function dateBounds(text: string): [string, string] | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (match === null) return undefined;
  const [, year = "", month, day] = match;
  const bounds: [string, string] =
    day !== undefined
      ? [text, text]
      : month !== undefined
        ? [`${year}-${month}-01`, lastDayOfMonth(Number(year), Number(month))]
        : [`${year}-01-01`, `${year}-12-31`];
  return bounds.every((bound) => IsoDate.safeParse(bound).success) ? bounds : undefined;
}

/**
 * The age group on `today` from `birthDate`. A partial birth date (`1990`,
 * `1990-04`) is read at its earliest and latest day; when the two fall in
 * different groups, the date cannot say, and that is an issue.
 */
export function ageGroupOf(reader: FhirReader, value: unknown, path: FhirPath, today: string): AgeGroup | undefined {
  const text = reader.string(value, path, true, 10);
  if (text === undefined) return undefined;
  const bounds = dateBounds(text);
  if (bounds === undefined || bounds[1] > today) return reader.report(path, "invalid-format", ExpectedText.date);
  const [oldest, youngest] = [groupOf(ageOn(bounds[0], today)), groupOf(ageOn(bounds[1], today))];
  return oldest === youngest ? oldest : reader.report(path, "invalid", ExpectedText.knownAgeGroup);
}

/** The Address's place: its jurisdiction and, from the FHIR geolocation extension, its point. */
function placeOf(reader: FhirReader, address: FhirObject, path: FhirPath, defaultCountry: string | undefined): Place | undefined {
  const jurisdiction = jurisdictionOf(reader, address, path, defaultCountry);
  const found = extensionsOf(reader, address, FhirExtensions.geolocation, path)[0];
  if (found === undefined || jurisdiction === undefined) return jurisdiction === undefined ? undefined : { jurisdiction };
  const part = (url: string, min: number, max: number): number | undefined => {
    const sub = extensionsOf(reader, found.value, url, found.path)[0];
    if (sub === undefined) return reader.report([...found.path, "extension"], "required", ExpectedText.number);
    return reader.number(sub.value.valueDecimal, [...sub.path, "valueDecimal"], min, max);
  };
  const [lat, lon] = [part("latitude", -90, 90), part("longitude", -180, 180)];
  return lat === undefined || lon === undefined ? undefined : { jurisdiction, point: { lat, lon } };
}

/** An address that is not old, not postal-only and not ended by `today`, with its period and place; undefined otherwise. */
function addressInForce(reader: FhirReader, item: unknown, at: FhirPath, today: string, defaultCountry: string | undefined) {
  const address = reader.object(item, at);
  if (address === undefined || address.use === "old" || address.type === "postal") return undefined;
  // An address period may be open at either end (lived there until, will live there from).
  const span = reader.object(address.period, [...at, "period"]);
  const start = fullDate(reader, span?.start, [...at, "period", "start"]);
  const end = fullDate(reader, span?.end, [...at, "period", "end"]);
  if (end !== undefined && end < today) return undefined;
  const place = placeOf(reader, address, at, defaultCountry);
  return place === undefined ? undefined : { address, span, start, end, place };
}

/**
 * Where the client lives on `today`, and where they will: of the addresses
 * that are not `old` and not postal-only, the one whose period holds today
 * (a `home` address first), and each one whose period starts later as a
 * planned move on that day.
 */
export function residenceOf(
  reader: FhirReader,
  patient: FhirObject,
  root: FhirPath,
  today: string,
  defaultCountry: string | undefined,
): {
  residence: Place | undefined;
  moves: { date: string; to: Place }[];
  stays: { place: Place; period: { start: string; end?: string } }[];
} {
  let residence: { place: Place; home: boolean } | undefined;
  const moves: { date: string; to: Place }[] = [];
  const stays: { place: Place; period: { start: string; end?: string } }[] = [];
  reader.array(patient.address, [...root, "address"]).forEach((item, index) => {
    const read = addressInForce(reader, item, [...root, "address", index], today, defaultCountry);
    if (read === undefined) return;
    const { address, span, start, end, place } = read;
    // A temporary address with a period is a stay (a term at college): where the client is on those days, not where they live.
    if (address.use === "temp" && span !== undefined) {
      const first = start ?? today;
      stays.push({ place, period: end === undefined ? { start: first } : { start: first, end } });
      return;
    }
    if (start !== undefined && start > today) {
      if (!moves.some((move) => move.date === start)) moves.push({ date: start, to: place });
    } else if (residence === undefined || (!residence.home && address.use === "home")) {
      residence = { place, home: address.use === "home" };
    }
  });
  if (residence === undefined) reader.report([...root, "address"], "required", ExpectedText.jurisdiction);
  return { residence: residence?.place, moves: moves.sort((a, b) => (a.date < b.date ? -1 : 1)), stays };
}
