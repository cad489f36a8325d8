import type { InsurancePlan, Location, Practitioner, PractitionerRole } from "@medplum/fhirtypes";
import { ExpectedText } from "../errors.js";
import { Clinician, type ClinicianInput } from "../model/clinician.js";
import { TimeZone } from "../model/scalars.js";
import { validate } from "../model/validate.js";
import type { CodeMapsInput } from "./codeMaps.js";
import { CodeSystems } from "./codeMaps.js";
import { ACCEPTING_PATIENTS_SYSTEM, FhirExtensions } from "./extensions.js";
import type { FhirNote } from "./notes.js";
import { compileCodeMaps } from "./internal/codeLookup.js";
import { period } from "./internal/dates.js";
import { codingsOf, extensionsOf, type Located, referencedId } from "./internal/elements.js";
import { jurisdictionOf } from "./internal/jurisdictionOf.js";
import { mapConcepts } from "./internal/mapConcepts.js";
import { moneyOf } from "./internal/moneyOf.js";
import { type FhirObject, type FhirPath, FhirReader } from "./internal/read.js";

/** What {@link clinicianFromFhir} needs besides the Practitioner and its roles. */
export interface ClinicianFromFhirOptions {
  /** The Locations the roles reference: each gives a place (address, position) and the time zone of the role's `availableTime`. */
  readonly locations?: readonly Location[];
  /** The InsurancePlans whose `network` the roles' Plan-Net network references name; each plan's `ownedBy` is the payer. */
  readonly insurancePlans?: readonly InsurancePlan[];
  /** The jurisdiction each licensing board is in, by the reference a qualification's `issuer` uses (`Organization/or-board` → `US-OR`). */
  readonly issuerJurisdictions?: Readonly<Record<string, string>>;
  /** The time zone of `availableTime` when no referenced Location carries one. */
  readonly timeZone?: string;
  /** The country of a Location address without one (ISO 3166-1 alpha-2). */
  readonly defaultCountry?: string;
  /** The host's code map entries, ahead of the defaults. */
  readonly codeMaps?: CodeMapsInput;
}

/** A clinician read from FHIR, and what the reading noted. */
export interface ClinicianFromFhir {
  /** The clinician, validated. */
  readonly clinician: Clinician;
  /** Codes not mapped, elements skipped, cautious defaults assumed. */
  readonly notes: readonly FhirNote[];
}

const DAYS = new Set(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
const CARE_MODES = new Set(["in-person", "telehealth"]);
const CAPACITY_PARTS = ["caseloadMax", "caseloadCurrent", "weeklyNewClientLimit", "newClientsThisWeek", "expectedWaitDays"] as const;

/** `HH:MM:SS` with zero seconds as `HH:MM`. */
function wallTime(reader: FhirReader, value: unknown, path: FhirPath): string | undefined {
  const text = reader.string(value, path, true, 20);
  if (text === undefined) return undefined;
  const match = /^((?:[01]\d|2[0-3]):[0-5]\d):00$/.exec(text);
  return match?.[1] ?? reader.report(path, "invalid-format", ExpectedText.wholeMinute);
}

function strings(reader: FhirReader, found: Located<FhirObject>[]): string[] {
  return found.flatMap(({ value, path }) => reader.string(value.valueString, [...path, "valueString"], true, 100) ?? []);
}

/**
 * Reads a clinician from a FHIR R4 Practitioner and the PractitionerRoles
 * that name them, as a directory (Da Vinci Plan-Net) publishes them:
 *
 * - `id`, `name` (its `text`, else given and family names), `gender`, and
 *   languages from `communication` (BCP 47 codings);
 * - licences from `qualification`s whose `issuer` the host places in a
 *   jurisdiction (`issuerJurisdictions`), with the qualification's `period`
 *   and its code's text or first code as the title;
 * - the discipline from the first NUCC taxonomy code the code maps know
 *   (roles' `code`, then `specialty`, then qualifications);
 * - problem areas from the roles' `specialty` (SNOMED CT, ICD-10-CM) through
 *   the code maps; a specialty no map knows is noted (`unknown-code`), a
 *   NUCC specialty is read as the discipline;
 * - availability from `availableTime` (days, `allDay`, start and end times)
 *   in the time zone of the role's Location (HL7 `timezone` extension), else
 *   `options.timeZone`; in-person places from Locations with a position;
 * - insurance panels from Plan-Net `network-reference`s: each InsurancePlan
 *   whose `network` lists one gives its `ownedBy` payer, the plan id, and
 *   the role's (else the plan's) period;
 * - accepting new clients from Plan-Net `newpatients` (`newpt`; missing, the
 *   clinician is read as not accepting and a note says so), and capacity,
 *   fee, sliding-scale floor, modalities, populations and telehealth from
 *   referwell's extensions (see {@link FhirExtensions}).
 *
 * Roles with `active: false` are skipped (noted). Nothing is guessed: what
 * FHIR cannot say and referwell needs (populations, languages) must be there.
 *
 * @param practitioner - a FHIR R4 Practitioner, as parsed JSON
 * @param practitionerRoles - the PractitionerRoles whose `practitioner` is it
 * @param options - the referenced Locations and InsurancePlans, issuer
 *   jurisdictions, a fallback time zone, code maps
 * @returns the validated clinician and the notes of the reading
 * @throws {@link InvalidInputError} when the FHIR breaks a rule referwell
 *   needs, by path from the argument (`practitioner.qualification[0].period.start`),
 *   never with a value
 *
 * @example
 * ```ts
 * import { clinicianFromFhir } from "referwell/fhir";
 *
 * const { clinician, notes } = clinicianFromFhir(
 *   {
 *     resourceType: "Practitioner",
 *     id: "ana",
 *     name: [{ given: ["Ana"], family: "Ruiz" }],
 *     communication: [{ coding: [{ system: "urn:ietf:bcp:47", code: "es" }] }],
 *     qualification: [{ code: { text: "LPC" }, issuer: { reference: "Organization/or-board" }, period: { start: "2019-06-01" } }],
 *     extension: [{ url: "https://referwell.github.io/fhir/StructureDefinition/population", valueString: "adults" }],
 *   },
 *   [
 *     {
 *       resourceType: "PractitionerRole",
 *       practitioner: { reference: "Practitioner/ana" },
 *       code: [{ coding: [{ system: "http://nucc.org/provider-taxonomy", code: "101YP2500X" }] }],
 *       specialty: [{ coding: [{ system: "http://snomed.info/sct", code: "47505003" }] }],
 *       availableTime: [{ daysOfWeek: ["mon", "wed"], availableStartTime: "09:00:00", availableEndTime: "17:00:00" }],
 *       extension: [
 *         {
 *           url: "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients",
 *           extension: [{ url: "acceptingPatients", valueCodeableConcept: { coding: [{ system: "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS", code: "newpt" }] } }],
 *         },
 *       ],
 *     },
 *   ],
 *   { issuerJurisdictions: { "Organization/or-board": "US-OR" }, timeZone: "America/Los_Angeles" },
 * );
 * clinician.discipline; // => "counselor"
 * clinician.problemAreas; // => ["trauma"]
 * clinician.licensure.licenses; // => [{ jurisdiction: "US-OR", title: "LPC", period: { start: "2019-06-01" } }]
 * clinician.availability.slots.length; // => 2
 * notes.map((note) => note.code); // => ["assumed-no-capacity"]
 * ```
 */
export function clinicianFromFhir(
  practitioner: Practitioner,
  practitionerRoles: readonly PractitionerRole[],
  options: ClinicianFromFhirOptions = {},
): ClinicianFromFhir {
  const reader = new FhirReader();
  const notes: FhirNote[] = [];
  const maps = compileCodeMaps(options.codeMaps);
  const root: FhirPath = ["practitioner"];
  const person = reader.object(practitioner, root, true) ?? {};
  reader.resourceType(person, "Practitioner", root);
  const id = reader.string(person.id, [...root, "id"], true, 64);

  // Name: the first HumanName's text, else its given and family names.
  const nameAt = [...root, "name", 0];
  const firstName = reader.object(reader.array(person.name, [...root, "name"])[0], nameAt, true) ?? {};
  const given = reader
    .array(firstName.given, [...nameAt, "given"])
    .flatMap((part, index) => reader.string(part, [...nameAt, "given", index], true, 100) ?? []);
  const family = reader.string(firstName.family, [...nameAt, "family"], false, 100);
  const name =
    reader.string(firstName.text, [...nameAt, "text"], false, 200) ?? [...given, ...(family === undefined ? [] : [family])].join(" ");
  if (name === "") reader.report([...nameAt, "family"], "required", ExpectedText.string);
  const gender = reader.string(person.gender, [...root, "gender"], false, 60);

  const languages = reader
    .array(person.communication, [...root, "communication"])
    .flatMap((concept, index) =>
      codingsOf(reader, concept, [...root, "communication", index]).flatMap(({ value }) =>
        value.system === CodeSystems.bcp47 ? [value.code] : [],
      ),
    );
  if (languages.length === 0) reader.report([...root, "communication"], "required", ExpectedText.language);

  // Licences: qualifications issued by a board the host placed in a jurisdiction.
  const licenses: ClinicianInput["licensure"]["licenses"] & object = [];
  const qualificationConcepts: { value: unknown; path: FhirPath }[] = [];
  reader.array(person.qualification, [...root, "qualification"]).forEach((item, index) => {
    const at = [...root, "qualification", index];
    const qualification = reader.object(item, at);
    if (qualification === undefined) return;
    qualificationConcepts.push({ value: qualification.code, path: [...at, "code"] });
    const issuer = reader.object(qualification.issuer, [...at, "issuer"]);
    if (issuer === undefined) return;
    const reference = reader.string(issuer.reference, [...at, "issuer", "reference"], true);
    const jurisdiction = reference === undefined ? undefined : options.issuerJurisdictions?.[reference];
    if (jurisdiction === undefined) {
      if (reference !== undefined) notes.push({ path: [...at, "issuer"], code: "no-jurisdiction" });
      return;
    }
    const code = reader.object(qualification.code, [...at, "code"], true);
    const firstCoding = reader.object(reader.array(code?.coding, [...at, "code", "coding"])[0], [...at, "code", "coding", 0]);
    const title =
      reader.string(code?.text, [...at, "code", "text"], false, 100) ??
      reader.string(firstCoding?.code, [...at, "code", "coding", 0, "code"], false, 100);
    const span = period(reader, qualification.period, [...at, "period"], false);
    licenses.push({ jurisdiction, ...(title === undefined ? {} : { title }), ...(span === undefined ? {} : { period: span }) });
  });

  const locationsById = new Map<string, FhirObject>();
  (options.locations ?? []).forEach((location, index) => {
    const at = ["options", "locations", index];
    const object = reader.object(location, at);
    const locationId = object === undefined ? undefined : reader.string(object.id, [...at, "id"], true, 64);
    if (object !== undefined && locationId !== undefined) locationsById.set(locationId, object);
  });

  const roleConcepts: { value: unknown; path: FhirPath }[] = [];
  const specialtyConcepts: { value: unknown; path: FhirPath }[] = [];
  const slots: NonNullable<ClinicianInput["availability"]>["slots"] & object = [];
  const places: NonNullable<ClinicianInput["locations"]> & object = [];
  const panels: NonNullable<ClinicianInput["insurancePanels"]> & object = [];
  const roleExtensions: Located<FhirObject>[] = [{ value: person, path: root }];
  let timeZone: string | undefined;
  let timeZoneFrom: FhirPath | undefined;
  let practiceId: string | undefined;

  reader.array(practitionerRoles, ["practitionerRoles"]).forEach((item, roleIndex) => {
    const at: FhirPath = ["practitionerRoles", roleIndex];
    const role = reader.object(item, at, true);
    if (role === undefined || !reader.resourceType(role, "PractitionerRole", at)) return;
    const whose = referencedId(reader, role.practitioner, "Practitioner", [...at, "practitioner"], true);
    if (whose !== undefined && id !== undefined && whose !== id)
      reader.report([...at, "practitioner", "reference"], "unknown-reference", ExpectedText.reference);
    if (reader.boolean(role.active, [...at, "active"]) === false) {
      notes.push({ path: [...at, "active"], code: "inactive" });
      return;
    }
    roleExtensions.push({ value: role, path: at });
    practiceId ??= referencedId(reader, role.organization, "Organization", [...at, "organization"]);
    reader
      .array(role.code, [...at, "code"])
      .forEach((concept, index) => roleConcepts.push({ value: concept, path: [...at, "code", index] }));
    reader.array(role.specialty, [...at, "specialty"]).forEach((concept, index) => {
      const path = [...at, "specialty", index];
      // A NUCC specialty says the discipline (Plan-Net writes it there); the others are problem areas.
      const nucc = codingsOf(reader, concept, path).some(({ value }) => value.system === CodeSystems.nucc);
      (nucc ? roleConcepts : specialtyConcepts).push({ value: concept, path });
    });

    // The role's Locations: the first with a time zone sets the schedule's.
    let roleZone: string | undefined;
    reader.array(role.location, [...at, "location"]).forEach((reference, index) => {
      const path = [...at, "location", index];
      const locationId = referencedId(reader, reference, "Location", path, true);
      if (locationId === undefined) return;
      const location = locationsById.get(locationId);
      if (location === undefined) return reader.report([...path, "reference"], "unknown-reference", ExpectedText.reference);
      const zone = extensionsOf(reader, location, FhirExtensions.timeZone, path)[0];
      if (zone !== undefined) roleZone ??= reader.string(zone.value.valueCode, [...zone.path, "valueCode"], true, 64);
      const position = reader.object(location.position, [...path, "position"]);
      const address = reader.object(location.address, [...path, "address"]);
      if (position === undefined || address === undefined) {
        notes.push({ path: [...path], code: "no-position" });
        return;
      }
      const jurisdiction = jurisdictionOf(reader, address, [...path, "address"], options.defaultCountry);
      const lat = reader.number(position.latitude, [...path, "position", "latitude"], -90, 90);
      const lon = reader.number(position.longitude, [...path, "position", "longitude"], -180, 180);
      const label = reader.string(location.name, [...path, "name"], false, 200);
      if (jurisdiction !== undefined && lat !== undefined && lon !== undefined && !places.some((place) => place.id === locationId)) {
        places.push({ id: locationId, ...(label === undefined ? {} : { label }), jurisdiction, point: { lat, lon } });
      }
    });

    const times = reader.array(role.availableTime, [...at, "availableTime"]);
    const zone = roleZone ?? options.timeZone;
    if (times.length > 0) {
      if (zone === undefined) reader.report([...at, "location"], "required", ExpectedText.timeZone);
      else if (timeZone === undefined) [timeZone, timeZoneFrom] = [zone, [...at, "location"]];
      else if (zone !== timeZone) reader.report([...at, "location"], "invalid", ExpectedText.sameTimeZone);
    }
    times.forEach((entry, index) => {
      const path = [...at, "availableTime", index];
      const time = reader.object(entry, path);
      if (time === undefined) return;
      const allDay = reader.boolean(time.allDay, [...path, "allDay"]) === true;
      const start = allDay ? "00:00" : wallTime(reader, time.availableStartTime, [...path, "availableStartTime"]);
      const end = allDay ? "24:00" : wallTime(reader, time.availableEndTime, [...path, "availableEndTime"]);
      const modes = extensionsOf(reader, time, FhirExtensions.careMode, path).flatMap(({ value, path: extensionPath }) => {
        const mode = reader.string(value.valueCode, [...extensionPath, "valueCode"], true, 20);
        if (mode !== undefined && !CARE_MODES.has(mode))
          reader.report([...extensionPath, "valueCode"], "invalid-value", "one of [in-person, telehealth]");
        return mode !== undefined && CARE_MODES.has(mode) ? [mode as "in-person" | "telehealth"] : [];
      });
      reader.array(time.daysOfWeek, [...path, "daysOfWeek"], 7).forEach((day, dayIndex) => {
        const dayPath = [...path, "daysOfWeek", dayIndex];
        const code = reader.string(day, dayPath, true, 3);
        if (code !== undefined && !DAYS.has(code)) reader.report(dayPath, "invalid-value", "one of [mon, tue, wed, thu, fri, sat, sun]");
        if (code === undefined || !DAYS.has(code) || start === undefined || end === undefined) return;
        if (end <= start) return reader.report([...path, "availableEndTime"], "end-before-start");
        slots.push({ day: code as "mon", start, end, ...(modes.length > 0 ? { modes: [...new Set(modes)] } : {}) });
      });
    });

    // Panels: each Plan-Net network reference, through the InsurancePlans whose network lists it.
    const rolePeriod = period(reader, role.period, [...at, "period"], false);
    for (const network of extensionsOf(reader, role, FhirExtensions.networkReference, at)) {
      const networkId = referencedId(reader, network.value.valueReference, "Organization", [...network.path, "valueReference"], true);
      if (networkId === undefined) continue;
      let found = false;
      (options.insurancePlans ?? []).forEach((plan, planIndex) => {
        const planPath = ["options", "insurancePlans", planIndex];
        const object = reader.object(plan, planPath) ?? {};
        const lists = reader
          .array(object.network, [...planPath, "network"])
          .some((reference, index) => referencedId(reader, reference, "Organization", [...planPath, "network", index]) === networkId);
        if (!lists) return;
        found = true;
        const planId = reader.string(object.id, [...planPath, "id"], true, 64);
        const payerId = referencedId(reader, object.ownedBy, "Organization", [...planPath, "ownedBy"], true);
        const span = rolePeriod ?? period(reader, object.period, [...planPath, "period"], false);
        if (span === undefined) return reader.report([...at, "period"], "required", ExpectedText.fullDate);
        if (planId === undefined || payerId === undefined) return;
        const same = panels.find(
          (panel) => panel.payerId === payerId && panel.period.start === span.start && panel.period.end === span.end,
        );
        if (same === undefined) panels.push({ payerId, plans: [planId], period: span });
        else if (!same.plans?.includes(planId)) same.plans?.push(planId);
      });
      if (!found) notes.push({ path: [...network.path], code: "unknown-network" });
    }
  });

  // Accepting new clients: any role accepting (Plan-Net `newpt`); none says, then not accepting.
  let accepting: boolean | undefined;
  let capacity: Partial<Record<(typeof CAPACITY_PARTS)[number], number>> | undefined;
  let fee: { currency: string; minorUnits: number } | undefined;
  let floor: { currency: string; minorUnits: number } | undefined;
  let telehealth = slots.some((slot) => slot.modes?.includes("telehealth") === true);
  const modalities: string[] = [];
  const populations: string[] = [];
  for (const { value: element, path } of roleExtensions) {
    for (const newPatients of extensionsOf(reader, element, FhirExtensions.newPatients, path)) {
      for (const part of extensionsOf(reader, newPatients.value, "acceptingPatients", newPatients.path)) {
        const codes = codingsOf(reader, part.value.valueCodeableConcept, [...part.path, "valueCodeableConcept"]).filter(
          ({ value }) => value.system === ACCEPTING_PATIENTS_SYSTEM,
        );
        if (codes.length === 0)
          reader.report([...part.path, "valueCodeableConcept"], "invalid-value", "one of [nopt, newpt, existptonly, existptfam]");
        accepting = (accepting ?? false) || codes.some(({ value }) => value.code === "newpt");
      }
    }
    for (const found of extensionsOf(reader, element, FhirExtensions.capacity, path)) {
      const parts: Partial<Record<(typeof CAPACITY_PARTS)[number], number>> = {};
      for (const key of CAPACITY_PARTS) {
        const part = extensionsOf(reader, found.value, key, found.path)[0];
        if (part === undefined) continue;
        const value = part.value.valueUnsignedInt ?? part.value.valueInteger;
        const number = reader.number(value, [...part.path, "valueUnsignedInt"], 0, 10_000, true);
        if (number !== undefined) parts[key] = number;
      }
      capacity ??= parts;
    }
    const feeFound = extensionsOf(reader, element, FhirExtensions.fee, path)[0];
    if (feeFound !== undefined) fee ??= moneyOf(reader, feeFound.value.valueMoney, [...feeFound.path, "valueMoney"]);
    const floorFound = extensionsOf(reader, element, FhirExtensions.slidingScaleFloor, path)[0];
    if (floorFound !== undefined) floor ??= moneyOf(reader, floorFound.value.valueMoney, [...floorFound.path, "valueMoney"]);
    for (const found of extensionsOf(reader, element, FhirExtensions.telehealth, path)) {
      telehealth ||= reader.boolean(found.value.valueBoolean, [...found.path, "valueBoolean"]) === true;
    }
    for (const tag of strings(reader, extensionsOf(reader, element, FhirExtensions.modality, path)))
      if (!modalities.includes(tag)) modalities.push(tag);
    for (const tag of strings(reader, extensionsOf(reader, element, FhirExtensions.population, path)))
      if (!populations.includes(tag)) populations.push(tag);
  }
  if (populations.length === 0) reader.report([...root, "extension"], "required", ExpectedText.tag);
  if (accepting === undefined) notes.push({ path: ["practitionerRoles"], code: "assumed-not-accepting" });
  if (capacity === undefined) notes.push({ path: ["practitionerRoles"], code: "assumed-no-capacity" });

  const disciplines = mapConcepts(reader, [...roleConcepts, ...qualificationConcepts], maps.disciplines, []);
  if (disciplines.length === 0) reader.report(roleConcepts[0]?.path ?? ["practitionerRoles"], "required", ExpectedText.mappedCode);
  const problemAreas = mapConcepts(reader, specialtyConcepts, maps.problemAreas, notes);
  const zone = timeZone ?? options.timeZone ?? "UTC";
  if (!TimeZone.safeParse(zone).success) reader.report(timeZoneFrom ?? ["options", "timeZone"], "unknown-time-zone");
  reader.throwIfAny();

  const input: ClinicianInput = {
    id: id as string,
    name,
    discipline: disciplines[0] as string,
    ...(gender === undefined || gender === "unknown" ? {} : { gender }),
    ...(practiceId === undefined ? {} : { practiceId }),
    licensure: { licenses },
    problemAreas,
    modalities,
    populations,
    languages: [...new Set(languages)],
    insurancePanels: panels,
    ...(fee === undefined ? {} : { fee }),
    ...(floor === undefined ? {} : { slidingScaleFloor: floor }),
    locations: places,
    telehealth,
    availability: { timeZone: zone, slots },
    acceptingNewClients: accepting ?? false,
    capacity: {
      caseloadMax: capacity?.caseloadMax ?? 0,
      caseloadCurrent: capacity?.caseloadCurrent ?? 0,
      weeklyNewClientLimit: capacity?.weeklyNewClientLimit ?? 0,
      newClientsThisWeek: capacity?.newClientsThisWeek ?? 0,
      ...(capacity?.expectedWaitDays === undefined ? {} : { expectedWaitDays: capacity.expectedWaitDays }),
    },
  };
  return { clinician: validate(Clinician, input, "clinician"), notes };
}
