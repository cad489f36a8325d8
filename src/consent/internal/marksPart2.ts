import type { SensitivityCode } from "../categories.js";

/**
 * Whether a category's labels mark 42 CFR Part 2 content: the sensitivity
 * codes `SUD` (substance use disorder information) or `ETH` (substance abuse
 * information), or the host's own declaration `part2: true`. The labels
 * decide, never the authorization kind, so a mislabelled kind cannot take
 * Part 2 content out of Part 2's rules.
 */
export function marksPart2(category: { readonly sensitivity: readonly SensitivityCode[]; readonly part2?: boolean | undefined }): boolean {
  return category.part2 === true || category.sensitivity.includes("SUD") || category.sensitivity.includes("ETH");
}
