import { ExpectedText } from "../../errors.js";
import type { FhirObject, FhirPath, FhirReader } from "./read.js";

/**
 * The jurisdiction of a FHIR Address: its country (ISO 3166-1 alpha-2, or
 * the host's default when the address has none) and, when given, its state
 * or province as an ISO 3166-2 subdivision (`US` + `OR` → `US-OR`).
 */
export function jurisdictionOf(reader: FhirReader, address: FhirObject, path: FhirPath, defaultCountry?: string): string | undefined {
  const country = reader.string(address.country, [...path, "country"], defaultCountry === undefined, 60)?.toUpperCase() ?? defaultCountry;
  const state = reader.string(address.state, [...path, "state"], false, 60)?.toUpperCase();
  if (country === undefined) return undefined;
  if (!/^[A-Z]{2}$/.test(country)) return reader.report([...path, "country"], "invalid-format", ExpectedText.jurisdiction);
  if (state === undefined) return country;
  // A state written with its country (`US-OR`) is read as it is.
  const subdivision = state.startsWith(`${country}-`) ? state.slice(country.length + 1) : state;
  if (!/^[A-Z0-9]{1,3}$/.test(subdivision)) return reader.report([...path, "state"], "invalid-format", ExpectedText.jurisdiction);
  return `${country}-${subdivision}`;
}
