/**
 * `referwell/refer`: when to refer a client out, why, how urgently, and what
 * the receiving clinician must offer.
 *
 * {@link assessReferral} runs the nine triggers of seed 002 (personality
 * clash, need outside scope, disagreement about treatment, leaving a panel
 * or going self-pay, changed insurance, unaffordable fee, moving, loss of
 * impartiality, no progress or deterioration) and returns transparent
 * findings, alternatives, preparation steps and the criteria
 * `referwell/match` accepts as they are. Progress is measured with reliable
 * change ({@link reliableChange}, {@link classifyProgress}); a practice
 * leaving a panel is {@link assessPanelExit}; hosts add rules with
 * {@link defineReferralRule}.
 *
 * @module referwell/refer
 */
export * from "../errorExports.js";
export { assessPanelExit, type AssessPanelExitOptions } from "./assessPanelExit.js";
export { assessReferral, type AssessReferralOptions } from "./assessReferral.js";
export { builtInInstruments } from "./builtInInstruments.js";
export type { UnknownTag } from "../model/unknownTag.js";
export { builtInRules } from "./builtInRules.js";
export { classifyProgress } from "./classifyProgress.js";
export { createRuleContext, type NetworkGap, type NetworkLoss, type RuleContext, type RuleContextOptions } from "./createRuleContext.js";
export { defineReferralRule, type ReferralRule, type RuleFinding, type RuleNotice, type RuleOutcome } from "./defineReferralRule.js";
export { reliableChange } from "./reliableChange.js";
export {
  Alternative,
  CriteriaAddition,
  EvidenceItem,
  Finding,
  FindingDraft,
  Notice,
  NoticeDraft,
  OptionsPolicy,
  PairedProgress,
  PanelExitResult,
  PreparationStep,
  ProgressClass,
  ProgressSummary,
  ReasonCode,
  ReferralAssessment,
  ReliableChange,
  Safety,
  SafetyAction,
  SafetyEvidence,
  Score,
  Unevaluated,
} from "./results.js";
export { EmergencyContact, InstrumentItems, RiskFlag, RiskItem, SafetyLevel, SafetyPolicy } from "./safetySchemas.js";
export { builtInEmergencyContacts } from "./builtInEmergencyContacts.js";
export { allianceRule } from "./rules/allianceRule.js";
export { cannotAffordRule } from "./rules/cannotAffordRule.js";
export { impartialityRule } from "./rules/impartialityRule.js";
export { insuranceChangedRule } from "./rules/insuranceChangedRule.js";
export { leavingPanelRule } from "./rules/leavingPanelRule.js";
export { movingRule } from "./rules/movingRule.js";
export { outsideScopeRule } from "./rules/outsideScopeRule.js";
export { progressRule } from "./rules/progressRule.js";
export { treatmentDisagreementRule } from "./rules/treatmentDisagreementRule.js";
export {
  Disagreement,
  Instrument,
  type InstrumentInput,
  Measurement,
  PanelExit,
  type PanelExitInput,
  ReferralCase,
  type ReferralCaseInput,
  ReferralPolicy,
  type ReferralPolicyInput,
  ReliableChangeMethod,
  SessionRecord,
} from "./schemas.js";
