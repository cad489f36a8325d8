/** The one-degree grid cell of a point, the key of the office index. */
export function gridCell(lat: number, lon: number): string {
  return `${Math.floor(lat)}:${Math.floor(lon)}`;
}
