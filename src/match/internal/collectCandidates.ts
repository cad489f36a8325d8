import type { CompiledDirectory, PreparedQuery } from "./compiled.js";
import { cellsNear } from "./cellsNear.js";

/** A jurisdiction and, for a subdivision, its country: a country licence covers its subdivisions. */
const jurisdictionAndCountry = (jurisdiction: string | undefined): string[] =>
  jurisdiction === undefined ? [] : jurisdiction.length > 2 ? [jurisdiction, jurisdiction.slice(0, 2)] : [jurisdiction];

/** Adds the clinicians with an office in a grid cell within the radius of a point. */
function addOfficesNear(
  directory: CompiledDirectory,
  point: { readonly lat: number; readonly lon: number },
  radiusKm: number,
  add: (indexes: Iterable<number> | undefined) => void,
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
  const seen = new Uint8Array(directory.clinicians.length);
  const add = (indexes: Iterable<number> | undefined): void => {
    for (const index of indexes ?? []) seen[index] = 1;
  };
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
  // Every required population and problem area must be held: filter by their bitmaps before any clinician is evaluated.
  const required = [
    ...query.requiredPopulations.map((code) => directory.byPopulation.get(code)),
    ...query.requiredProblemAreas.map((code) => directory.byProblemArea.get(code)),
  ];
  if (required.includes(undefined)) return [];
  const filters = required as Uint8Array[];
  const candidates: number[] = [];
  for (let index = 0; index < seen.length; index += 1) {
    if (seen[index] === 1 && filters.every((filter) => filter[index] === 1)) candidates.push(index);
  }
  return candidates;
}
