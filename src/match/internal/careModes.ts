import { isAuthorized } from "../../model/internal/licensureFor.js";
import type { CareMode } from "../../model/enums.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import { haversineKm } from "./haversineKm.js";
import { FLAG } from "./clinicianFlags.js";
import { officeAt, officeCount } from "./compiledOffices.js";

/** Why an acceptable mode of care is impossible. */
export type CareModeReason =
  "no-office" | "office-out-of-range" | "not-licensed-in-person" | "telehealth-not-offered" | "not-licensed-telehealth";

/** The modes of care a clinician can offer a client, and why each other acceptable mode is impossible. */
export interface CareModes {
  readonly modes: readonly CareMode[];
  /** Why each acceptable mode is impossible: the reason, and the office's jurisdiction (in person) or the client's place and day (telehealth). */
  readonly failures: readonly (readonly [reason: CareModeReason, office: string | undefined])[];
  /** Kilometres to the nearest reachable office, when in-person care is possible and the client's point is known. */
  readonly distanceKm: number | undefined;
}

const within = (jurisdiction: string, area: string): boolean => jurisdiction === area || jurisdiction.startsWith(`${area}-`);

/** In-person care: the nearest office within reach where the clinician is licensed for it, or why there is none. */
interface InPerson {
  readonly reason: readonly [CareModeReason, string | undefined] | undefined;
  readonly distanceKm: number | undefined;
}

// The reasons that name no office, one of each for every clinician.
const NO_OFFICE = Object.freeze(["no-office", undefined] as const);
const OUT_OF_RANGE = Object.freeze(["office-out-of-range", undefined] as const);
const NOT_OFFERED = Object.freeze(["telehealth-not-offered", undefined] as const);

/** In-person care: an office within reach in a jurisdiction where the clinician is licensed for it on the start date. */
function inPerson(directory: CompiledDirectory, clinician: CompiledClinician, query: PreparedQuery): InPerson {
  let found = false;
  let distanceKm: number | undefined;
  let reason: InPerson["reason"] = NO_OFFICE;
  // One licensure check per jurisdiction, however many offices share it (a map only for clinicians with several offices).
  const { offices } = clinician;
  const count = officeCount(offices);
  const licensed = count > 1 ? new Map<string, boolean>() : undefined;
  for (let at = 0; at < count; at += 1) {
    const office = officeAt(offices, at);
    const distance = query.point === undefined ? undefined : haversineKm(query.point, office);
    const reachable =
      distance === undefined ? within(office.jurisdiction, query.criteria.location.jurisdiction) : distance <= query.travelRadiusKm;
    if (!reachable) {
      if (reason === NO_OFFICE) reason = OUT_OF_RANGE;
      continue;
    }
    let authorized = licensed?.get(office.jurisdiction);
    if (authorized === undefined) {
      authorized = isAuthorized(
        clinician,
        { jurisdiction: office.jurisdiction, mode: "in-person", on: query.startDate },
        directory.licensure,
      );
      licensed?.set(office.jurisdiction, authorized);
    }
    if (!authorized) {
      reason = ["not-licensed-in-person", office.jurisdiction];
      continue;
    }
    found = true;
    if (distance !== undefined && (distanceKm === undefined || distance < distanceKm)) distanceKm = distance;
  }
  return found ? { reason: undefined, distanceKm } : { reason, distanceKm: undefined };
}

/** Telehealth: offered, and licensed for every place the client will be during the course; the reason (and the place) when not. */
function telehealth(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  query: PreparedQuery,
): readonly [CareModeReason, string | undefined] | undefined {
  if ((clinician.flags & FLAG.telehealth) === 0) return NOT_OFFERED;
  const places = query.telehealthPlaces;
  for (let at = 0; at < places.length; at += 1) {
    const place = places[at] as (typeof places)[number];
    if (!isAuthorized(clinician, place, directory.licensure)) return place.unlicensed;
  }
  return undefined;
}

/** Each list of modes a clinician can offer, in the order answers give them, shared: ranking finds one for every candidate. */
const IN_PERSON: readonly CareMode[] = Object.freeze(["in-person"]);
const TELEHEALTH: readonly CareMode[] = Object.freeze(["telehealth"]);
const BOTH: readonly CareMode[] = Object.freeze(["in-person", "telehealth"]);
const NONE: readonly never[] = Object.freeze([]);

/** The modes of care among the acceptable ones that this clinician can offer this client. */
export function careModes(directory: CompiledDirectory, clinician: CompiledClinician, query: PreparedQuery): CareModes {
  let inPersonOffered = false;
  let failures: (readonly [CareModeReason, string | undefined])[] | undefined;
  let distanceKm: number | undefined;
  if (query.modes.has("in-person")) {
    const office = inPerson(directory, clinician, query);
    inPersonOffered = office.reason === undefined;
    if (office.reason === undefined) distanceKm = office.distanceKm;
    else (failures ??= []).push(office.reason);
  }
  let telehealthOffered = false;
  if (query.modes.has("telehealth")) {
    const reason = telehealth(directory, clinician, query);
    telehealthOffered = reason === undefined;
    if (reason !== undefined) (failures ??= []).push(reason);
  }
  const modes = inPersonOffered ? (telehealthOffered ? BOTH : IN_PERSON) : telehealthOffered ? TELEHEALTH : NONE;
  return { modes, failures: failures ?? NONE, distanceKm };
}
