import type { InsurancePlan, Location, Practitioner, PractitionerRole } from "@medplum/fhirtypes";
import { ExpectedText } from "../errors.js";
import {
  type Capacity,
  Clinician,
  type ClinicianInput,
  type InsurancePanel,
  type PracticeLocation,
  type WeeklySlot,
} from "../model/clinician.js";
import { TimeZone } from "../model/scalars.js";
import { validate } from "../model/validate.js";
import { type CodeMapsInput, CodeSystems } from "./codeMaps.js";
import type { FhirNote } from "./notes.js";
import { compileCodeMaps } from "./internal/codeLookup.js";
import { codingsOf, type Located, referencedId } from "./internal/elements.js";
import { type ExtensionFields, extensionFields } from "./internal/extensionFields.js";
import { mapConcepts } from "./internal/mapConcepts.js";
import { planLookup } from "./internal/planLookup.js";
import { practitionerLanguages, practitionerLicences, practitionerName } from "./internal/practitionerParts.js";
import { type FhirObject, type FhirPath, FhirReader, optionsObject } from "./internal/read.js";
import { availableSlots, roleLocations, rolePanels } from "./internal/roleParts.js";

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

/** What the roles add up to. */
interface RoleParts {
  readonly roleConcepts: { value: unknown; path: FhirPath }[];
  readonly specialtyConcepts: { value: unknown; path: FhirPath }[];
  readonly slots: WeeklySlot[];
  readonly places: PracticeLocation[];
  readonly panels: InsurancePanel[];
  readonly elements: Located<FhirObject>[];
  timeZone: string | undefined;
  practiceId: string | undefined;
}

function locationsById(reader: FhirReader, locations: readonly unknown[]): Map<string, FhirObject> {
  const byId = new Map<string, FhirObject>();
  locations.forEach((location, index) => {
    const at = ["options", "locations", index];
    const object = reader.object(location, at);
    const id = object === undefined ? undefined : reader.string(object.id, [...at, "id"], true, 64);
    if (object !== undefined && id !== undefined) byId.set(id, object);
  });
  return byId;
}

/** A role's codes and specialties: a NUCC specialty says the discipline (Plan-Net writes it there), the others are problem areas. */
function roleConcepts(reader: FhirReader, role: FhirObject, at: FhirPath, parts: RoleParts): void {
  reader
    .array(role.code, [...at, "code"])
    .forEach((concept, index) => parts.roleConcepts.push({ value: concept, path: [...at, "code", index] }));
  reader.array(role.specialty, [...at, "specialty"]).forEach((concept, index) => {
    const path = [...at, "specialty", index];
    const nucc = codingsOf(reader, concept, path).some(({ value }) => value.system === CodeSystems.nucc);
    (nucc ? parts.roleConcepts : parts.specialtyConcepts).push({ value: concept, path });
  });
}

/** The role's availability, in its Location's time zone (else the option's); every role's must be the same zone. */
function roleTimes(reader: FhirReader, role: FhirObject, at: FhirPath, zone: string | undefined, parts: RoleParts): void {
  const times = reader.array(role.availableTime, [...at, "availableTime"]);
  if (times.length === 0) return;
  if (zone === undefined) reader.report([...at, "location"], "required", ExpectedText.timeZone);
  else if (!TimeZone.safeParse(zone).success) reader.report([...at, "location"], "unknown-time-zone");
  else if (parts.timeZone === undefined) parts.timeZone = zone;
  else if (zone !== parts.timeZone) reader.report([...at, "location"], "invalid", ExpectedText.sameTimeZone);
  times.forEach((entry, index) => availableSlots(reader, entry, [...at, "availableTime", index], parts.slots));
}

function readRoles(
  reader: FhirReader,
  roles: unknown,
  practitionerId: string | undefined,
  options: ClinicianFromFhirOptions,
  notes: FhirNote[],
): RoleParts {
  const parts: RoleParts = {
    roleConcepts: [],
    specialtyConcepts: [],
    slots: [],
    places: [],
    panels: [],
    elements: [],
    timeZone: undefined,
    practiceId: undefined,
  };
  const locations = locationsById(reader, reader.array(options.locations, ["options", "locations"]));
  const plans = planLookup(reader, reader.array(options.insurancePlans, ["options", "insurancePlans"]), parts.panels);
  reader.array(roles, ["practitionerRoles"]).forEach((item, index) => {
    const at: FhirPath = ["practitionerRoles", index];
    const role = reader.object(item, at, true);
    if (role === undefined || !reader.resourceType(role, "PractitionerRole", at)) return;
    const whose = referencedId(reader, role.practitioner, "Practitioner", [...at, "practitioner"], true);
    if (whose !== undefined && practitionerId !== undefined && whose !== practitionerId) {
      reader.report([...at, "practitioner", "reference"], "unknown-reference", ExpectedText.reference);
    }
    if (reader.boolean(role.active, [...at, "active"]) === false) return void notes.push({ path: [...at, "active"], code: "inactive" });
    parts.elements.push({ value: role, path: at });
    parts.practiceId ??= referencedId(reader, role.organization, "Organization", [...at, "organization"]);
    roleConcepts(reader, role, at, parts);
    const zone =
      roleLocations(reader, role, at, locations, parts.places, { defaultCountry: options.defaultCountry, notes }) ?? options.timeZone;
    roleTimes(reader, role, at, zone, parts);
    rolePanels(reader, role, at, plans, notes);
  });
  return parts;
}

/** No capacity given: no room. */
const NO_ROOM: Capacity = { caseloadMax: 0, caseloadCurrent: 0, weeklyNewClientLimit: 0, newClientsThisWeek: 0 };

/** The validated clinician from what was read; capacity and acceptance default to the cautious reading. */
function assemble(
  person: { id: string; name: string; gender?: string },
  parts: RoleParts,
  fields: ExtensionFields,
  rest: Pick<ClinicianInput, "licensure" | "discipline" | "problemAreas" | "languages">,
  timeZone: string,
): Clinician {
  const input: ClinicianInput = {
    id: person.id,
    name: person.name,
    ...(person.gender === undefined || person.gender === "unknown" ? {} : { gender: person.gender }),
    ...(parts.practiceId === undefined ? {} : { practiceId: parts.practiceId }),
    ...rest,
    modalities: fields.modalities,
    populations: fields.populations,
    insurancePanels: parts.panels,
    ...(fields.fee === undefined ? {} : { fee: fields.fee }),
    ...(fields.floor === undefined ? {} : { slidingScaleFloor: fields.floor }),
    locations: parts.places,
    telehealth: fields.telehealth || parts.slots.some((slot) => slot.modes?.includes("telehealth") === true),
    availability: { timeZone, slots: parts.slots },
    acceptingNewClients: fields.accepting ?? false,
    capacity: fields.capacity ?? NO_ROOM,
    ...(fields.outcomes.length === 0 ? {} : { outcomes: fields.outcomes }),
  };
  return validate(Clinician, input, "clinician");
}

/**
 * Reads a clinician from a FHIR R4 Practitioner and the PractitionerRoles
 * that name them, as a directory (Da Vinci Plan-Net) publishes them:
 *
 * - `id`, `name` (its `text`, else given and family names), `gender`, and
 *   languages from `communication` (BCP 47 codings);
 * - licences from `qualification`s whose `issuer` the host places in a
 *   jurisdiction (`issuerJurisdictions`), with the qualification's `period`,
 *   its first identifier's value as the licence number, and its code's text
 *   or first code as the title;
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
 *   fee, sliding-scale floor (given more than once and disagreeing, the
 *   cautious one: the least room, the highest amount, a fee raised to a
 *   floor above it; a part repeated in one capacity, the lowest limit and
 *   the highest count or wait; noted `values-disagree`), modalities,
 *   populations, telehealth and the outcome profile (an `outcome` per problem domain; ratings of one domain
 *   that disagree are all kept, for the matcher to read the cautious way)
 *   from referwell's extensions (see {@link FhirExtensions}).
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
  const settings = optionsObject(options);
  const reader = new FhirReader();
  const notes: FhirNote[] = [];
  const maps = compileCodeMaps(settings.codeMaps);
  const root: FhirPath = ["practitioner"];
  const person = reader.object(practitioner, root, true) ?? {};
  reader.resourceType(person, "Practitioner", root);
  const id = reader.string(person.id, [...root, "id"], true, 64);
  const name = practitionerName(reader, person, root);
  const gender = reader.string(person.gender, [...root, "gender"], false, 60);
  const languages = practitionerLanguages(reader, person, root);
  const qualificationConcepts: { value: unknown; path: FhirPath }[] = [];
  const licenses = practitionerLicences(reader, person, root, settings.issuerJurisdictions, notes, qualificationConcepts);
  const parts = readRoles(reader, practitionerRoles, id, settings, notes);
  const fields = extensionFields(reader, [{ value: person, path: root }, ...parts.elements], notes);
  if (fields.populations.length === 0) reader.report([...root, "extension"], "required", ExpectedText.tag);
  if (fields.accepting === undefined) notes.push({ path: ["practitionerRoles"], code: "assumed-not-accepting" });
  if (fields.capacity === undefined) notes.push({ path: ["practitionerRoles"], code: "assumed-no-capacity" });
  const disciplines = mapConcepts(reader, [...parts.roleConcepts, ...qualificationConcepts], maps.disciplines, []);
  if (disciplines.length === 0) reader.report(parts.roleConcepts[0]?.path ?? ["practitionerRoles"], "required", ExpectedText.mappedCode);
  const problemAreas = mapConcepts(reader, parts.specialtyConcepts, maps.problemAreas, notes);
  const timeZone = parts.timeZone ?? settings.timeZone ?? "UTC";
  if (parts.timeZone === undefined && !TimeZone.safeParse(timeZone).success) reader.report(["options", "timeZone"], "unknown-time-zone");
  reader.throwIfAny();
  const clinician = assemble(
    { id: id as string, name, ...(gender === undefined ? {} : { gender }) },
    parts,
    fields,
    { licensure: { licenses }, discipline: disciplines[0] as string, problemAreas, languages },
    timeZone,
  );
  return { clinician, notes };
}
