import { ExpectedText } from "../../errors.js";
import type { PracticeLocation, WeeklySlot } from "../../model/clinician.js";
import { WEEKDAYS } from "../../model/internal/weekdayOf.js";
import { FhirExtensions } from "../extensions.js";
import type { FhirNote } from "../notes.js";
import { period } from "./dates.js";
import { extensionsOf, referencedId } from "./elements.js";
import { jurisdictionOf } from "./jurisdictionOf.js";
import type { PlanLookup } from "./planLookup.js";
import type { FhirObject, FhirPath, FhirReader } from "./read.js";

const DAYS: ReadonlySet<string> = new Set(WEEKDAYS);
const CARE_MODES = new Set(["in-person", "telehealth"]);

/** `HH:MM:SS` with zero seconds as `HH:MM`. */
function wallTime(reader: FhirReader, value: unknown, path: FhirPath): string | undefined {
  const text = reader.string(value, path, true, 20);
  if (text === undefined) return undefined;
  const match = /^((?:[01]\d|2[0-3]):[0-5]\d):00$/.exec(text);
  return match?.[1] ?? reader.report(path, "invalid-format", ExpectedText.wholeMinute);
}

/** A Location with a position and an address as a place of in-person care; without either it is noted. */
function placeOf(
  reader: FhirReader,
  location: FhirObject,
  id: string,
  path: FhirPath,
  defaultCountry: string | undefined,
  notes: FhirNote[],
): PracticeLocation | undefined {
  const position = reader.object(location.position, [...path, "position"]);
  const address = reader.object(location.address, [...path, "address"]);
  if (position === undefined || address === undefined) {
    notes.push({ path: [...path], code: "no-position" });
    return undefined;
  }
  const jurisdiction = jurisdictionOf(reader, address, [...path, "address"], defaultCountry);
  const lat = reader.number(position.latitude, [...path, "position", "latitude"], -90, 90);
  const lon = reader.number(position.longitude, [...path, "position", "longitude"], -180, 180);
  const label = reader.string(location.name, [...path, "name"], false, 200);
  if (jurisdiction === undefined || lat === undefined || lon === undefined) return undefined;
  return { id, ...(label === undefined ? {} : { label }), jurisdiction, point: { lat, lon } };
}

/** The role's Locations as places (added once each); returns the first time zone one of them carries. */
export function roleLocations(
  reader: FhirReader,
  role: FhirObject,
  at: FhirPath,
  locations: ReadonlyMap<string, FhirObject>,
  places: PracticeLocation[],
  context: { defaultCountry: string | undefined; notes: FhirNote[] },
): string | undefined {
  let zone: string | undefined;
  reader.array(role.location, [...at, "location"]).forEach((reference, index) => {
    const path = [...at, "location", index];
    const id = referencedId(reader, reference, "Location", path, true);
    if (id === undefined) return;
    const location = locations.get(id);
    if (location === undefined) return reader.report([...path, "reference"], "unknown-reference", ExpectedText.reference);
    const found = extensionsOf(reader, location, FhirExtensions.timeZone, path)[0];
    if (found !== undefined) zone ??= reader.string(found.value.valueCode, [...found.path, "valueCode"], true, 64);
    const place = placeOf(reader, location, id, path, context.defaultCountry, context.notes);
    if (place !== undefined && !places.some((other) => other.id === id)) places.push(place);
  });
  return zone;
}

/** The care modes an `availableTime` names in referwell's `care-mode` extension. */
function careModes(reader: FhirReader, time: FhirObject, path: FhirPath): ("in-person" | "telehealth")[] {
  const modes = new Set<"in-person" | "telehealth">();
  for (const { value, path: at } of extensionsOf(reader, time, FhirExtensions.careMode, path)) {
    const mode = reader.string(value.valueCode, [...at, "valueCode"], true, 20);
    if (mode === undefined) continue;
    if (CARE_MODES.has(mode)) modes.add(mode as "in-person" | "telehealth");
    else reader.report([...at, "valueCode"], "invalid-value", "one of [in-person, telehealth]");
  }
  return [...modes];
}

/** One `availableTime` as a slot per day of the week. */
export function availableSlots(reader: FhirReader, entry: unknown, path: FhirPath, slots: WeeklySlot[]): void {
  const time = reader.object(entry, path);
  if (time === undefined) return;
  const allDay = reader.boolean(time.allDay, [...path, "allDay"]) === true;
  const start = allDay ? "00:00" : wallTime(reader, time.availableStartTime, [...path, "availableStartTime"]);
  const end = allDay ? "24:00" : wallTime(reader, time.availableEndTime, [...path, "availableEndTime"]);
  const modes = careModes(reader, time, path);
  if (start !== undefined && end !== undefined && end <= start) reader.report([...path, "availableEndTime"], "end-before-start");
  reader.array(time.daysOfWeek, [...path, "daysOfWeek"], 7).forEach((day, index) => {
    const at = [...path, "daysOfWeek", index];
    const code = reader.string(day, at, true, 3);
    if (code === undefined) return;
    if (!DAYS.has(code)) return reader.report(at, "invalid-value", "one of [mon, tue, wed, thu, fri, sat, sun]");
    if (start === undefined || end === undefined || end <= start) return;
    slots.push({ day: code as WeeklySlot["day"], start, end, ...(modes.length > 0 ? { modes } : {}) });
  });
}

/**
 * Panels from the role's Plan-Net network references: each InsurancePlan
 * whose `network` lists the network gives its `ownedBy` payer and its id, for
 * the role's period (else the plan's). A network no plan lists is noted.
 */
export function rolePanels(reader: FhirReader, role: FhirObject, at: FhirPath, plans: PlanLookup, notes: FhirNote[]): void {
  const rolePeriod = period(reader, role.period, [...at, "period"], false);
  for (const network of extensionsOf(reader, role, FhirExtensions.networkReference, at)) {
    const networkId = referencedId(reader, network.value.valueReference, "Organization", [...network.path, "valueReference"], true);
    if (networkId === undefined) continue;
    const listed = plans.plansIn(networkId);
    if (listed.length === 0) notes.push({ path: [...network.path], code: "unknown-network" });
    for (const { value: plan, path } of listed) {
      const planId = reader.string(plan.id, [...path, "id"], true, 64);
      const payerId = referencedId(reader, plan.ownedBy, "Organization", [...path, "ownedBy"], true);
      const span = rolePeriod ?? period(reader, plan.period, [...path, "period"], false);
      if (span === undefined) reader.report([...at, "period"], "required", ExpectedText.date);
      else if (planId !== undefined && payerId !== undefined) plans.addPanel(payerId, planId, span);
    }
  }
}
