import type { ReferralRule } from "./defineReferralRule.js";
import { allianceRule } from "./rules/allianceRule.js";
import { cannotAffordRule } from "./rules/cannotAffordRule.js";
import { impartialityRule } from "./rules/impartialityRule.js";
import { insuranceChangedRule } from "./rules/insuranceChangedRule.js";
import { leavingPanelRule } from "./rules/leavingPanelRule.js";
import { movingRule } from "./rules/movingRule.js";
import { outsideScopeRule } from "./rules/outsideScopeRule.js";
import { progressRule } from "./rules/progressRule.js";
import { treatmentDisagreementRule } from "./rules/treatmentDisagreementRule.js";

/**
 * The nine triggers of seed 002, in its order: personality clash, need
 * outside scope, disagreement about treatment, the practice leaving a panel
 * or going self-pay, the client changing insurance, the client unable to
 * afford the fee, the client moving, loss of impartiality, and no progress
 * or deterioration. `assessReferral` runs these unless given `rules`; add
 * your own with {@link defineReferralRule}, or leave one out.
 *
 * @example
 * ```ts
 * import { builtInRules } from "referwell/refer";
 *
 * builtInRules.map((rule) => rule.id);
 * // => ["alliance", "outside-scope", "treatment-disagreement", "leaving-panel", "insurance-changed", "cannot-afford", "moving", "impartiality", "progress"]
 * ```
 */
export const builtInRules: readonly ReferralRule[] = Object.freeze([
  allianceRule,
  outsideScopeRule,
  treatmentDisagreementRule,
  leavingPanelRule,
  insuranceChangedRule,
  cannotAffordRule,
  movingRule,
  impartialityRule,
  progressRule,
]);
