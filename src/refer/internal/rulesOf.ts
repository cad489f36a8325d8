import * as z from "zod";
import { type InputIssueDraft, InvalidInputError } from "../../errors.js";
import { validate } from "../../model/index.js";
import { repeatedIndexes } from "../../model/internal/repeatedIndexes.js";
import { builtInRules } from "../builtInRules.js";
import type { ReferralRule } from "../defineReferralRule.js";

const isRule = (value: unknown): value is ReferralRule =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as ReferralRule).id === "string" &&
  typeof (value as ReferralRule).source === "string" &&
  typeof (value as ReferralRule).evaluate === "function";

const RulesOption = z.strictObject({ rules: z.array(z.custom<ReferralRule>(isRule)).max(100).optional() });
/** The `rules` option, validated: rules well formed, ids unique; the built-in ones when none are given. */
export function rulesOf(rulesOption: unknown): readonly ReferralRule[] {
  const { rules = builtInRules } = validate(RulesOption, rulesOption, "options");
  const issues: InputIssueDraft[] = repeatedIndexes(rules, (rule) => rule.id).map((index) => ({
    path: ["rules", index, "id"],
    code: "duplicate-id",
  }));
  if (issues.length > 0) throw new InvalidInputError("options", issues);
  return rules;
}
