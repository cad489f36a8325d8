/**
 * `referwell/intake`: every referral tracked to the first visit. Inbound
 * referrals folded from their events into a status with the access
 * standards, the next step and the updates the referrer is owed
 * (`referralStatus`); outbound referrals followed until the client is
 * connected (`outboundStatus`); the measures of a period, per referrer and
 * for the practice (`intakeMeasures`); the waitlist reviewed against the matcher
 * (`reviewWaitlist`). Pure: time passed in as `now`, the
 * practice's working calendar passed in, nothing written anywhere.
 *
 * @module referwell/intake
 */
export * from "../errorExports.js";
export { intakeMeasures } from "./intakeMeasures.js";
export { outboundStatus } from "./outboundStatus.js";
export { referralStatus } from "./referralStatus.js";
export { referralStatuses } from "./referralStatuses.js";
export { reviewWaitlist } from "./reviewWaitlist.js";
export type {
  InboundDates,
  InboundNextStep,
  InboundState,
  IntakeFigures,
  IntakeMeasures,
  OutboundNextStep,
  OutboundState,
  OutboundStatus,
  ReferralStatus,
  ReferrerUpdateDue,
  TimeStandard,
  WaitlistDecision,
  WaitlistMatcher,
  WaitlistReview,
} from "./results.js";
export {
  InboundEvent,
  type InboundEventInput,
  IntakeOptions,
  type IntakeOptionsInput,
  IntakeRecords,
  type IntakeRecordsInput,
  IntakePolicy,
  type IntakePolicyInput,
  LoopMilestone,
  MeasureOptions,
  type MeasureOptionsInput,
  OutboundEvent,
  type OutboundEventInput,
  WaitlistEntry,
  type WaitlistEntryInput,
  WaitlistOptions,
  type WaitlistOptionsInput,
} from "./schemas.js";
