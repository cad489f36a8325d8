import type { DisclosureCategory, SensitivityCode } from "../../consent/categories.js";
import { marksPart2 } from "../../consent/internal/marksPart2.js";

/**
 * The sensitivity codes that are kinds of another in the HL7 v3 ActCode
 * code system's hierarchy (http://terminology.hl7.org/CodeSystem/v3-ActCode):
 * cognitive disability (`COGN`), developmental disability (`DVD`) and
 * emotional disturbance (`EMOTDIS`) are kinds of behavioral health
 * information (`BH`). No other code referwell knows has one below it.
 */
const KINDS: Readonly<Partial<Record<SensitivityCode, readonly SensitivityCode[]>>> = { BH: ["COGN", "DVD", "EMOTDIS"] };

/**
 * The categories a sensitivity code marks as written: those labelled with it
 * or with a code that is a kind of it (Part 2 codes also a host's `part2`
 * categories).
 */
export function markedBy(catalogue: readonly DisclosureCategory[], code: SensitivityCode): string[] {
  const part2 = code === "SUD" || code === "ETH";
  const codes = [code, ...(KINDS[code] ?? [])];
  return catalogue
    .filter((category) => category.sensitivity.some((label) => codes.includes(label)) || (part2 && marksPart2(category)))
    .map((category) => category.code);
}
