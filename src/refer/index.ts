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
export { builtInInstruments } from "./builtInInstruments.js";
export { classifyProgress } from "./classifyProgress.js";
export { reliableChange } from "./reliableChange.js";
export {
  Alternative,
  CriteriaAddition,
  EvidenceItem,
  Finding,
  FindingDraft,
  OptionsPolicy,
  PanelExitResult,
  PreparationStep,
  ProgressClass,
  ProgressSummary,
  ReasonCode,
  ReferralAssessment,
  ReliableChange,
  Score,
  Unevaluated,
} from "./results.js";
export {
  Disagreement,
  Instrument,
  Measurement,
  PanelExit,
  ReferralCase,
  ReferralPolicy,
  ReliableChangeMethod,
  SessionRecord,
} from "./schemas.js";
