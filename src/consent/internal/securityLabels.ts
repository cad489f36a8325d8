import type { SecurityLabels } from "../types.js";
import { Confidentiality, type DisclosureCategory, PART2_KINDS, SensitivityCode } from "../categories.js";

/**
 * The labels of what an update discloses (HL7 DS4P): the highest
 * confidentiality level (`N` when nothing), every sensitivity code, and the
 * 42 CFR 2.32 notice when any category is a Part 2 record.
 */
export function securityLabels(disclosed: readonly DisclosureCategory[], part2Notice: string): SecurityLabels {
  let rank = 0;
  const codes = new Set<SensitivityCode>();
  let part2 = false;
  for (const category of disclosed) {
    rank = Math.max(rank, Confidentiality.options.indexOf(category.confidentiality));
    for (const code of category.sensitivity) codes.add(code);
    part2 ||= PART2_KINDS.has(category.authorization);
  }
  return {
    confidentiality: Confidentiality.options[rank] ?? "V",
    sensitivity: SensitivityCode.options.filter((code) => codes.has(code)),
    ...(part2 ? { part2Notice } : {}),
  };
}
