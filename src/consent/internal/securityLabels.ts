import type { SecurityLabels } from "../types.js";
import { CONFIDENTIALITY_ORDER, type DisclosureCategory, SENSITIVITY_ORDER, type SensitivityCode } from "../categories.js";
import { marksPart2 } from "./marksPart2.js";

/**
 * The labels of what an update discloses (HL7 DS4P): the highest
 * confidentiality level (`N` when nothing), every sensitivity code, and the
 * 42 CFR 2.32 notice when any category's labels mark Part 2 content (the
 * labels decide, never the authorization kind) and a notice applies.
 */
export function securityLabels(disclosed: readonly DisclosureCategory[], part2Notice: string | undefined): SecurityLabels {
  let rank = 0;
  const codes = new Set<SensitivityCode>();
  let part2 = false;
  for (const category of disclosed) {
    rank = Math.max(rank, CONFIDENTIALITY_ORDER.indexOf(category.confidentiality));
    for (const code of category.sensitivity) codes.add(code);
    part2 ||= marksPart2(category);
  }
  return {
    confidentiality: CONFIDENTIALITY_ORDER[rank] ?? "V",
    sensitivity: SENSITIVITY_ORDER.filter((code) => codes.has(code)),
    ...(part2 && part2Notice !== undefined ? { part2Notice } : {}),
  };
}
