/**
 * The default of a list field: a new empty array on every parse. zod 4.0.0
 * hands out a default value itself, not a copy, so a shared `[]` would carry
 * a caller's push into every later parse.
 */
export const emptyList = (): never[] => [];
