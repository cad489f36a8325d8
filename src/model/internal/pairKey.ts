/**
 * One string for a pair of strings, different for every different pair:
 * the first's length comes first, so that no character either may hold
 * (ids and identifier values may hold any) can make one pair read as
 * another, as joining them with a separator would.
 */
export const pairKey = (first: string, second: string): string => `${first.length}:${first}\u0000${second}`;
