import type { ClientPreference } from "../../model/criteria.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import { holds } from "./clinicianCodes.js";
import { FLAG } from "./clinicianFlags.js";

/** The client's preferences for who the clinician is (see `MatchPreferences`), prepared: codes canonical or normalized. */
export interface PreparedPreferences {
  readonly populations: readonly string[];
  readonly cultures: readonly string[];
  readonly faiths: readonly string[];
  readonly clinicianAge: { readonly min?: number | undefined; readonly max?: number | undefined } | undefined;
  readonly interpreter: boolean;
  readonly must: ReadonlySet<ClientPreference>;
}

/** Whether one preference is met; a preference not asked for is met. */
export function meetsPreference(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  query: PreparedQuery,
  preference: ClientPreference,
): boolean {
  const wanted = query.preferences;
  switch (preference) {
    case "populations":
      return wanted.populations.every((code) => holds(directory, clinician, "populations", code));
    case "cultures":
      return wanted.cultures.every((code) => holds(directory, clinician, "cultures", code));
    case "faiths":
      return wanted.faiths.every((code) => holds(directory, clinician, "faiths", code));
    case "clinicianAge": {
      const range = wanted.clinicianAge;
      if (range === undefined) return true;
      const { birthYear } = clinician;
      // An unknown age never meets a range: the cautious reading of a stated preference.
      if (birthYear === undefined) return false;
      const age = Number(query.startDate.slice(0, 4)) - birthYear;
      return (range.min === undefined || age >= range.min) && (range.max === undefined || age <= range.max);
    }
    default:
      return !wanted.interpreter || (clinician.flags & FLAG.worksWithInterpreters) !== 0;
  }
}

/** The preferences the request asks for, in a fixed order. */
export function askedPreferences(preferences: PreparedPreferences): ClientPreference[] {
  const asked: ClientPreference[] = [];
  if (preferences.populations.length > 0) asked.push("populations");
  if (preferences.cultures.length > 0) asked.push("cultures");
  if (preferences.faiths.length > 0) asked.push("faiths");
  if (preferences.clinicianAge !== undefined) asked.push("clinicianAge");
  if (preferences.interpreter) asked.push("interpreter");
  return asked;
}
