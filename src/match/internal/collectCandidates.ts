import type { CompiledDirectory, PreparedQuery } from "./compiled.js";
import { gridCell } from "./gridCell.js";

/** Kilometres per degree of latitude on the sphere the haversine distance uses (6371.0088 km), a little under, so the grid never falls short. */
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180 - 0.01;

/** A jurisdiction and, for a subdivision, its country: a country licence covers its subdivisions. */
const jurisdictionAndCountry = (jurisdiction: string | undefined): string[] =>
  jurisdiction === undefined ? [] : jurisdiction.length > 2 ? [jurisdiction, jurisdiction.slice(0, 2)] : [jurisdiction];

/** Adds the clinicians with an office in a grid cell within the radius of a point. */
function addOfficesNear(
  directory: CompiledDirectory,
  point: { readonly lat: number; readonly lon: number },
  radiusKm: number,
  add: (indexes: readonly number[] | undefined) => void,
): void {
  // One cell of padding on every side: an office on a cell edge is never missed.
  const latSpan = radiusKm / KM_PER_DEGREE + 1;
  const lonSpan = latSpan / Math.max(0.01, Math.cos((Math.min(89, Math.abs(point.lat) + latSpan) * Math.PI) / 180));
  if (latSpan * lonSpan > 4_000) {
    // A radius this wide covers much of the globe: every office is a candidate.
    for (const indexes of directory.officesByCell.values()) add(indexes);
    return;
  }
  for (let lat = Math.floor(point.lat - latSpan); lat <= Math.floor(point.lat + latSpan); lat += 1) {
    for (let lon = Math.floor(point.lon - lonSpan); lon <= Math.floor(point.lon + lonSpan); lon += 1) {
      const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
      add(directory.officesByCell.get(gridCell(lat, wrapped)));
    }
  }
}

/**
 * The clinicians a request could possibly reach, in id order: those who may
 * be licensed for telehealth where the client is, and those with an office
 * within reach, who hold every required population and problem area.
 * Everyone else fails a hard constraint without being looked at.
 */
export function collectCandidates(directory: CompiledDirectory, query: PreparedQuery): number[] {
  const seen = new Uint8Array(directory.clinicians.length);
  const add = (indexes: readonly number[] | undefined): void => {
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
