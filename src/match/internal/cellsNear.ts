import type { GeoPoint } from "../../model/scalars.js";
import { gridCell } from "./gridCell.js";

/** Kilometres per degree of latitude on the sphere the haversine distance uses (6371.0088 km), a little under, so the grid never falls short. */
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180 - 0.01;

/**
 * The one-degree grid cells that hold every point within `radiusKm` of
 * `point`, with a cell of padding on every side so an office on a cell edge
 * is never missed; undefined when the radius covers so much of the globe
 * that every cell may.
 */
export function cellsNear(point: GeoPoint, radiusKm: number): string[] | undefined {
  const latSpan = radiusKm / KM_PER_DEGREE + 1;
  const lonSpan = latSpan / Math.max(0.01, Math.cos((Math.min(89, Math.abs(point.lat) + latSpan) * Math.PI) / 180));
  if (latSpan * lonSpan > 4_000) return undefined;
  const cells: string[] = [];
  for (let lat = Math.floor(point.lat - latSpan); lat <= Math.floor(point.lat + latSpan); lat += 1) {
    for (let lon = Math.floor(point.lon - lonSpan); lon <= Math.floor(point.lon + lonSpan); lon += 1) {
      const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
      cells.push(gridCell(lat, wrapped));
    }
  }
  return cells;
}
