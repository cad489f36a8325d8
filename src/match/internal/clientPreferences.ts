import type { ClientPreference } from "../../model/criteria.js";
import type { CompiledClinician, PreparedQuery } from "./compiled.js";

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
export function meetsPreference(clinician: CompiledClinician, query: PreparedQuery, preference: ClientPreference): boolean {
  const wanted = query.preferences;
  switch (preference) {
    case "populations":
      return wanted.populations.every((code) => clinician.populations.has(code));
    case "cultures":
      return wanted.cultures.every((code) => clinician.cultures.has(code));
    case "faiths":
      return wanted.faiths.every((code) => clinician.faiths.has(code));
    case "clinicianAge": {
      const range = wanted.clinicianAge;
      if (range === undefined) return true;
      const { birthYear } = clinician.source;
      // An unknown age never meets a range: the cautious reading of a stated preference.
      if (birthYear === undefined) return false;
      const age = Number(query.startDate.slice(0, 4)) - birthYear;
      return (range.min === undefined || age >= range.min) && (range.max === undefined || age <= range.max);
    }
    default:
      return !wanted.interpreter || clinician.source.worksWithInterpreters === true;
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
