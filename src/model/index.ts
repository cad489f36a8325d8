/**
 * The shared vocabulary of referwell: the models several capabilities use,
 * as zod schemas with their inferred types, and the helpers that read them.
 *
 * @module
 */
export { calendarDateOf } from "./calendarDateOf.js";
export { CareEpisode } from "./careEpisode.js";
export { checkLicensure, type CareSetting, type LicensureCheck } from "./checkLicensure.js";
export {
  Capacity,
  Clinician,
  type ClinicianInput,
  DomainOutcome,
  InsurancePanel,
  PracticeLocation,
  WeeklySchedule,
  WeeklySlot,
} from "./clinician.js";
export {
  Client,
  type ClientInput,
  ClientNeeds,
  ClientPreferences,
  Coverage,
  DeclaredConflict,
  PayerProgram,
  PlannedMove,
} from "./client.js";
export { coverageOn } from "./coverageOn.js";
export { createVocabulary, type Vocabulary } from "./createVocabulary.js";
export { ClientPreference, MatchCriteria, MatchPreferences, MatchRequirements, PayerRef, PaymentCriteria, Stay } from "./criteria.js";
export { criteriaFromClient } from "./criteriaFromClient.js";
export { Directory, type DirectoryInput } from "./directory.js";
export {
  AgeGroup,
  CareFormat,
  CareMode,
  ConflictKind,
  ContactChannel,
  OutcomeRating,
  ReferrerKind,
  Severity,
  LevelOfCare,
  Urgency,
  Weekday,
} from "./enums.js";
export { Compact, CompactPrivilege, CompactRules, License, Licensure, Regulation } from "./licensure.js";
export { normalizeTag } from "./normalizeTag.js";
export { Now, NowOptions } from "./now.js";
export { periodContains } from "./periodContains.js";
export { Payer, Practice } from "./practice.js";
export { ContactPoint, Referrer, type ReferrerInput } from "./referrer.js";
export { residenceOn } from "./residenceOn.js";
export {
  CurrencyCode,
  GeoPoint,
  Id,
  IsoDate,
  IsoInstant,
  Jurisdiction,
  LanguageTag,
  LocalTime,
  Money,
  Period,
  Place,
  TimeZone,
} from "./scalars.js";
export { TagList, UnknownTag } from "./unknownTag.js";
export { validate } from "./validate.js";
export {
  defaultVocabulary,
  Tag,
  VocabularyEntry,
  VocabularyExtension,
  type VocabularyExtensionInput,
  VocabularyList,
} from "./defaultVocabulary.js";
