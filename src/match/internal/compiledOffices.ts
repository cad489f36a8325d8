/**
 * A clinician's offices as the matcher keeps them: where each is and the
 * jurisdiction it is in, and nothing else (its id and label no answer
 * shows). The one office most clinicians have is kept alone, not in a
 * list: one object where the validated record's list, its elements, the
 * office and its point were kept. Each object compiling keeps is one more
 * the collector copies out of the young generation, and one more the
 * matcher holds. Internal.
 *
 * @module
 */
import type { PracticeLocation } from "../../model/clinician.js";
import type { GeoPoint, Jurisdiction } from "../../model/scalars.js";

/** An office: a point (so distances are measured from it as it is) in a jurisdiction. */
export interface CompiledOffice extends GeoPoint {
  readonly jurisdiction: Jurisdiction;
}

/** No office, one, or a list of several. */
export type CompiledOffices = CompiledOffice | readonly CompiledOffice[];

/** One frozen empty list for every clinician without an office. */
const NO_OFFICE: readonly CompiledOffice[] = Object.freeze([]);

const compileOffice = ({ jurisdiction, point }: PracticeLocation): CompiledOffice => ({ jurisdiction, lat: point.lat, lon: point.lon });

/** A clinician's validated locations, compiled. */
export function compileOffices(locations: readonly PracticeLocation[]): CompiledOffices {
  if (locations.length === 0) return NO_OFFICE;
  if (locations.length === 1) return compileOffice(locations[0] as PracticeLocation);
  return locations.map(compileOffice);
}

const isList = (offices: CompiledOffices): offices is readonly CompiledOffice[] => Array.isArray(offices);

/** How many offices there are. */
export const officeCount = (offices: CompiledOffices): number => (isList(offices) ? offices.length : 1);

/** The office at `at` (below {@link officeCount}). */
export const officeAt = (offices: CompiledOffices, at: number): CompiledOffice =>
  isList(offices) ? (offices[at] as CompiledOffice) : offices;
