import type { DisclosureCategory, SensitivityCode } from "../../consent/categories.js";
import { marksPart2 } from "../../consent/internal/marksPart2.js";

/** The categories a sensitivity code marks as written: those labelled with it (Part 2 codes also a host's `part2` categories). */
export function markedBy(catalogue: readonly DisclosureCategory[], code: SensitivityCode): string[] {
  const part2 = code === "SUD" || code === "ETH";
  return catalogue
    .filter((category) => category.sensitivity.includes(code) || (part2 && marksPart2(category)))
    .map((category) => category.code);
}
