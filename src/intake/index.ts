/**
 * `referwell/intake`: every referral tracked to the first visit. Inbound
 * referrals folded from their events into a status with the access
 * standards, the next step and the updates the referrer is owed
 * (`referralStatus`); outbound referrals followed until the client is
 * connected (`outboundStatus`). Pure: time passed in as `now`, the
 * practice's working calendar passed in, nothing written anywhere.
 *
 * @module referwell/intake
 */
export * from "../errorExports.js";
export { outboundStatus } from "./outboundStatus.js";
export { referralStatus } from "./referralStatus.js";
export type {
  InboundDates,
  InboundNextStep,
  InboundState,
  OutboundNextStep,
  OutboundState,
  OutboundStatus,
  ReferralStatus,
  ReferrerUpdateDue,
  TimeStandard,
} from "./results.js";
export {
  InboundEvent,
  type InboundEventInput,
  IntakeOptions,
  type IntakeOptionsInput,
  IntakePolicy,
  type IntakePolicyInput,
  LoopMilestone,
  OutboundEvent,
  type OutboundEventInput,
} from "./schemas.js";
