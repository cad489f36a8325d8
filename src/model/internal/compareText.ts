/**
 * Orders strings by UTF-16 code units, as `Array.prototype.sort` does by
 * default: the same on every runtime and locale, unlike `localeCompare`.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
