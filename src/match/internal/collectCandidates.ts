import type { CompiledDirectory, PreparedQuery } from "./compiled.js";
import { cellsNear } from "./cellsNear.js";
import { addMembers, bitsMembers, emptyBits, type IndexSet, keepMembers } from "./indexSet.js";

/** A jurisdiction and, for a subdivision, its country: a country licence covers its subdivisions. */
const jurisdictionAndCountry = (jurisdiction: string | undefined): string[] =>
  jurisdiction === undefined ? [] : jurisdiction.length > 2 ? [jurisdiction, jurisdiction.slice(0, 2)] : [jurisdiction];

/** Adds the clinicians with an office in a grid cell within the radius of a point. */
function addOfficesNear(
  directory: CompiledDirectory,
  point: { readonly lat: number; readonly lon: number },
  radiusKm: number,
  add: (indexes: IndexSet | undefined) => void,
): void {
  const cells = cellsNear(point, radiusKm);
  // A radius this wide covers much of the globe: every office is a candidate.
  if (cells === undefined) for (const indexes of directory.officesByCell.values()) add(indexes);
  else for (const cell of cells) add(directory.officesByCell.get(cell));
}

/**
 * The clinicians a request could possibly reach, by index: those who may
 * be licensed for telehealth where the client is, and those with an office
 * within reach, who hold every required population and problem area.
 * Everyone else fails a hard constraint without being looked at.
 */
export function collectCandidates(directory: CompiledDirectory, query: PreparedQuery): number[] {
  // One bit per place: a set of many clinicians is added a word at a time, and the required codes cut it down the same way.
  const reached = emptyBits(directory.clinicians.length);
  const add = (indexes: IndexSet | undefined): void => addMembers(reached, indexes);
  const { jurisdiction } = query.criteria.location;
  const country = jurisdiction.slice(0, 2);
  // Telehealth must be licensed for every place the client will be, so the first place's clinicians are enough.
  const telehealthFrom = query.modes.has("telehealth") ? (query.telehealthPlaces[0]?.jurisdiction ?? jurisdiction) : undefined;
  for (const where of jurisdictionAndCountry(telehealthFrom)) add(directory.byJurisdiction.get(where));
  if (query.modes.has("in-person")) {
    const point = query.point;
    if (point === undefined) {
      add(directory.officesByJurisdiction.get(jurisdiction));
      if (country === jurisdiction) {
        for (const [where, indexes] of directory.officesByJurisdiction) if (where.startsWith(`${country}-`)) add(indexes);
      }
    } else addOfficesNear(directory, point, query.travelRadiusKm, add);
  }
  // Every required population and problem area must be held: cut by their sets before any clinician is evaluated.
  const required = [
    ...query.requiredPopulations.map((code) => directory.byPopulation.get(code)),
    ...query.requiredProblemAreas.map((code) => directory.byProblemArea.get(code)),
  ];
  for (const set of required) {
    if (set === undefined) return [];
    keepMembers(reached, set);
  }
  return bitsMembers(reached);
}
