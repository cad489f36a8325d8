/** Orders strings by code unit, the same on every runtime and locale: ties are broken by id with it. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
