import type { Condition, Coverage as FhirCoverage, Patient } from "@medplum/fhirtypes";
import * as z from "zod";
import { ExpectedText } from "../errors.js";
import { calendarDateOf } from "../model/calendarDateOf.js";
import { Tag } from "../model/defaultVocabulary.js";
import { emptyList } from "../model/internal/emptyList.js";
import { Client, type ClientInput, type Coverage } from "../model/client.js";
import type { Now } from "../model/now.js";
import { validate } from "../model/validate.js";
import type { CodeMapsInput } from "./codeMaps.js";
import type { FhirNote } from "./notes.js";
import { compileCodeMaps } from "./internal/codeLookup.js";
import { conditionNeeds } from "./internal/conditionNeeds.js";
import { coverageOf } from "./internal/coverageOf.js";
import { ageGroupOf, residenceOf } from "./internal/patientParts.js";
import { type FhirPath, FhirReader, optionsObject } from "./internal/read.js";

/** Problem areas the host adds. */
const ExtraNeeds = z.array(Tag).max(50).default(emptyList);

/** What {@link clientFromFhir} needs besides the resources. */
export interface ClientFromFhirOptions {
  /** The moment of reading: it decides the age group, the current address and the planned moves. */
  readonly now: Now;
  /** The IANA time zone whose calendar day `now` falls on, when `now` is an instant. */
  readonly timeZone?: string;
  /** The country of an address without one (ISO 3166-1 alpha-2). */
  readonly defaultCountry?: string;
  /** The host's code map entries, ahead of the defaults. */
  readonly codeMaps?: CodeMapsInput;
  /** Problem areas the host knows from elsewhere (an intake form), after those the Conditions give. */
  readonly problemAreas?: readonly string[];
}

/** A client read from FHIR, and what the reading noted. */
export interface ClientFromFhir {
  /** The client, validated. */
  readonly client: Client;
  /** Codes not mapped, resources skipped. */
  readonly notes: readonly FhirNote[];
}

/**
 * Reads a client from a FHIR R4 Patient, their Coverages and, optionally,
 * their Conditions:
 *
 * - `id`; the age group from `birthDate` on the day of `now` (a partial date
 *   is accepted when both its ends give the same group);
 * - residence from the address in force on that day (not `old`, not
 *   postal-only; a `home` address first), its point from the FHIR
 *   `geolocation` extension, and each address whose period starts later as a
 *   planned move, and each `temp` address with a period as a stay (a term
 *   at college: where the client is on those days);
 * - coverage from each Coverage: payer (`payor[0]`), plan (`class` of type
 *   `plan`), programme (a Source of Payment Typology `type`: 1 Medicare,
 *   2 Medicaid, 5 and 6 commercial), period; drafts and entries in error are
 *   skipped;
 * - needs from the Conditions in force, their codes through the code maps in
 *   the order given (the first is the primary need), severity from
 *   `severity`; then `options.problemAreas`.
 *
 * No free text is taken: no names, no notes, no narrative. A code no map
 * knows is reported in `notes`, never dropped silently.
 *
 * @param patient - a FHIR R4 Patient, as parsed JSON
 * @param coverages - the Coverages whose beneficiary is the patient
 * @param conditions - the patient's Conditions, the primary need first
 * @param options - `now`, and optionally a time zone, a default country, code maps, more problem areas
 * @returns the validated client and the notes of the reading
 * @throws {@link InvalidInputError} when the FHIR breaks a rule referwell
 *   needs, by path from the argument (`coverages[0].period.start`), never
 *   with a value; or when no problem area is known at all
 *
 * @example
 * ```ts
 * import { clientFromFhir } from "referwell/fhir";
 *
 * const { client, notes } = clientFromFhir(
 *   { resourceType: "Patient", id: "cl-07", birthDate: "1990-04-12", address: [{ use: "home", state: "OR", country: "US" }] },
 *   [
 *     {
 *       resourceType: "Coverage",
 *       status: "active",
 *       beneficiary: { reference: "Patient/cl-07" },
 *       payor: [{ reference: "Organization/aetna" }],
 *       period: { start: "2025-01-01" },
 *     },
 *   ],
 *   [
 *     { resourceType: "Condition", subject: { reference: "Patient/cl-07" }, code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "F43.10" }] } },
 *     { resourceType: "Condition", subject: { reference: "Patient/cl-07" }, code: { coding: [{ system: "http://snomed.info/sct", code: "000000" }] } },
 *   ],
 *   { now: "2026-11-23" },
 * );
 * client.ageGroup; // => "adult"
 * client.residence; // => { jurisdiction: "US-OR" }
 * client.needs.problemAreas; // => ["trauma"]
 * notes; // => [{ path: ["conditions", 1, "code"], code: "unknown-code", system: "http://snomed.info/sct" }]
 * ```
 */
export function clientFromFhir(
  patient: Patient,
  coverages: readonly FhirCoverage[],
  conditions: readonly Condition[] = [],
  options: ClientFromFhirOptions,
): ClientFromFhir {
  const settings = optionsObject(options);
  const extra = validate(ExtraNeeds, settings.problemAreas, "options.problemAreas");
  const today = calendarDateOf(settings.now, settings.timeZone === undefined ? {} : { timeZone: settings.timeZone });
  const reader = new FhirReader();
  const notes: FhirNote[] = [];
  const maps = compileCodeMaps(settings.codeMaps);
  const root: FhirPath = ["patient"];
  const person = reader.object(patient, root, true) ?? {};
  reader.resourceType(person, "Patient", root);
  const id = reader.string(person.id, [...root, "id"], true, 64);
  const ageGroup = ageGroupOf(reader, person.birthDate, [...root, "birthDate"], today);
  const { residence, moves, stays } = residenceOf(reader, person, root, today, settings.defaultCountry);
  const coverage = reader.array(coverages, ["coverages"]).flatMap((item, index): Coverage[] => {
    const read = coverageOf(reader, item, index, id, notes);
    return read === undefined ? [] : [read];
  });
  const needs = conditionNeeds(reader, reader.array(conditions, ["conditions"]), id, maps.problemAreas, notes);
  const problemAreas = [...needs.problemAreas, ...extra.filter((tag) => !needs.problemAreas.includes(tag))];
  if (problemAreas.length === 0) reader.report(["conditions"], "primary-need-missing", ExpectedText.mappedCode);
  reader.throwIfAny();
  const input: ClientInput = {
    id: id as string,
    ageGroup: ageGroup as ClientInput["ageGroup"],
    residence: residence as ClientInput["residence"],
    plannedMoves: moves,
    stays,
    coverage,
    needs: { problemAreas, ...(needs.severity === undefined ? {} : { severity: needs.severity }) },
  };
  return { client: validate(Client, input, "client"), notes };
}
