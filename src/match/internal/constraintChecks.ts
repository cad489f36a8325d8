import { isKnownLanguage } from "../../model/internal/isKnownLanguage.js";
import type { LevelOfCare } from "../../model/enums.js";
import type { ClientPreference } from "../../model/criteria.js";
import { meetsPreference } from "./clientPreferences.js";
import type { VocabularyList } from "../../model/defaultVocabulary.js";
import type { ConstraintFailure, ConstraintReason, HardConstraint, PaymentRoute } from "../types.js";
import { type CareModeReason, type CareModes, careModes } from "./careModes.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import { inSentence } from "./inSentence.js";
import { holds, type SetKind } from "./clinicianCodes.js";
import { countedOutcome } from "./countedOutcome.js";
import { levelOfCareBit } from "./levelOfCareBit.js";
import { capacityIn } from "./packedCapacity.js";
import { FLAG } from "./clinicianFlags.js";
import { paymentFailure } from "./paymentFailure.js";
import { paymentRoute } from "./paymentRoute.js";

/** One clinician and one request, and what the checks found on the way that scoring reads. */
export interface Evaluation {
  readonly directory: CompiledDirectory;
  readonly clinician: CompiledClinician;
  readonly query: PreparedQuery;
  /** How the client would pay; set by the payment check. */
  payment: PaymentRoute | undefined;
  /** The modes of care possible, and why the others are not; set by the care-mode check. */
  care: CareModes | undefined;
}

/** One hard constraint: the check, and the failures it explains when the check says no. */
export interface ConstraintCheck {
  readonly constraint: HardConstraint;
  /** Whether the request asks for anything this constraint checks; without it every clinician meets it (and it is skipped). */
  readonly requested?: (query: PreparedQuery) => boolean;
  /** Whether the clinician meets the constraint. */
  readonly passes: (evaluation: Evaluation) => boolean;
  /** Every unmet part, with its finer reason and a sentence; read only after `passes` said no. */
  readonly explain: (evaluation: Evaluation) => ConstraintFailure[];
}

// A tag no vocabulary knows is the client's own text: it is described, never quoted.
const UNLISTED: Readonly<Record<VocabularyList, string>> = {
  problemAreas: "an unlisted need",
  modalities: "an unlisted modality",
  populations: "an unlisted population",
  disciplines: "an unlisted discipline",
};
const label = ({ directory }: Evaluation, list: VocabularyList, code: string): string =>
  directory.vocabulary.label(list, code) ?? UNLISTED[list];

/** Whether every required code is held. */
function hasAll({ directory, clinician }: Evaluation, required: readonly string[], kind: SetKind): boolean {
  for (const code of required) if (!holds(directory, clinician, kind, code)) return false;
  return true;
}

/** A constraint met when the clinician holds every code the request requires from one list. */
function everyRequired(
  constraint: HardConstraint,
  reason: ConstraintReason,
  required: "requiredPopulations" | "requiredProblemAreas" | "requiredModalities" | "requiredLanguages",
  held: "populations" | "problemAreas" | "modalities" | "languages",
  text: (evaluation: Evaluation, code: string) => string,
): ConstraintCheck {
  return {
    constraint,
    requested: (query) => query[required].length > 0,
    passes: (evaluation) => hasAll(evaluation, evaluation.query[required], held),
    explain: (evaluation) =>
      evaluation.query[required]
        .filter((code) => !holds(evaluation.directory, evaluation.clinician, held, code))
        .map((code) => ({ constraint, reason, text: text(evaluation, code) })),
  };
}

/** The failures whose condition holds, in order. */
const failing = (
  constraint: HardConstraint,
  parts: readonly [failed: boolean, reason: ConstraintReason, text: string][],
): ConstraintFailure[] => parts.filter(([failed]) => failed).map(([, reason, text]) => ({ constraint, reason, text }));

const excludedClinician = ({ clinician, query }: Evaluation): boolean => query.excludedClinicians.has(clinician.id);
const excludedPractice = ({ clinician: { practiceId }, query }: Evaluation): boolean =>
  practiceId !== undefined && query.excludedPractices.has(practiceId);
const caseloadFull = ({ directory: { codes }, clinician: { index } }: Evaluation): boolean =>
  (capacityIn(codes, index, "caseloadCurrent") as number) >= (capacityIn(codes, index, "caseloadMax") as number);
const weekFull = ({ directory: { codes }, clinician: { index } }: Evaluation): boolean =>
  (capacityIn(codes, index, "newClientsThisWeek") as number) >= (capacityIn(codes, index, "weeklyNewClientLimit") as number);
/** Whether the clinician is rated ineffective, on enough cases, with the primary need the policy vetoes on. */
const ineffectiveOnPrimary = ({ directory, clinician, query }: Evaluation): boolean =>
  query.vetoNeed !== undefined && countedOutcome(directory, clinician, query.vetoNeed)?.rating === "ineffective";
const waitTooLong = ({ directory: { codes }, clinician: { index }, query }: Evaluation): boolean => {
  const wait = capacityIn(codes, index, "expectedWaitDays");
  return query.waitCap !== undefined && wait !== undefined && wait > query.waitCap.days;
};

const LEVEL_OF_CARE_TEXT: Readonly<Record<LevelOfCare, string>> = {
  outpatient: "outpatient therapy",
  "psychiatric-evaluation": "psychiatric evaluation",
  "intensive-outpatient": "an intensive outpatient programme",
  "partial-hospitalisation": "partial hospitalisation",
};

const MUST_TEXT: Readonly<Record<ClientPreference, string>> = {
  populations: "the populations asked for",
  cultures: "the cultures asked for",
  faiths: "faith-integrated care",
  clinicianAge: "the clinician age range",
  interpreter: "working with an interpreter",
};

const CARE_MODE_TEXT: Record<CareModeReason, (evaluation: Evaluation, office: string | undefined) => string> = {
  "no-office": () => "Has no office for in-person care.",
  "office-out-of-range": ({ query }) =>
    `Every office is ${query.point === undefined ? `outside ${query.criteria.location.jurisdiction}` : `beyond ${query.travelRadiusKm} km`}.`,
  "not-licensed-in-person": ({ query }, office) => `Not licensed for in-person care in ${office} on ${query.startDate}.`,
  "telehealth-not-offered": () => "Does not offer telehealth.",
  "not-licensed-telehealth": (_, place) => `Not licensed for telehealth to ${place}.`,
};

/**
 * The hard constraints in the order their failures are reported, one entry
 * each (see {@link HardConstraint}). The cheap checks come first, so ranking,
 * which stops at the first failure, rarely reaches payment or licensure.
 */
export const constraintChecks: readonly ConstraintCheck[] = [
  {
    constraint: "excluded",
    requested: (query) => query.excludedClinicians.size > 0 || query.excludedPractices.size > 0,
    passes: (evaluation) => !excludedClinician(evaluation) && !excludedPractice(evaluation),
    explain: (evaluation) =>
      failing("excluded", [
        [excludedClinician(evaluation), "clinician-excluded", "Excluded for this client (for example a declared conflict)."],
        [excludedPractice(evaluation), "practice-excluded", "The clinician's practice is excluded for this client."],
      ]),
  },
  {
    constraint: "accepting",
    passes: ({ clinician }) => (clinician.flags & FLAG.acceptingNewClients) !== 0,
    explain: () => [{ constraint: "accepting", reason: "not-accepting", text: "Not accepting new clients." }],
  },
  {
    constraint: "capacity",
    passes: (evaluation) => !caseloadFull(evaluation) && !weekFull(evaluation),
    explain: (evaluation) =>
      failing("capacity", [
        [caseloadFull(evaluation), "caseload-full", "The caseload is full."],
        [weekFull(evaluation), "weekly-limit-reached", "No new-client places left this week."],
      ]),
  },
  {
    constraint: "outcome",
    requested: (query) => query.vetoNeed !== undefined,
    passes: (evaluation) => !ineffectiveOnPrimary(evaluation),
    explain: (evaluation) => [
      {
        constraint: "outcome",
        reason: "ineffective-on-primary-need",
        text: `Rated ineffective with the primary need, ${inSentence(label(evaluation, "problemAreas", evaluation.query.vetoNeed as string))} (${countedOutcome(evaluation.directory, evaluation.clinician, evaluation.query.vetoNeed as string)?.cases} cases).`,
      },
    ],
  },
  everyRequired(
    "population",
    "population-not-served",
    "requiredPopulations",
    "populations",
    (evaluation, code) => `Does not see ${inSentence(label(evaluation, "populations", code))}.`,
  ),
  everyRequired(
    "problem-area",
    "problem-area-not-treated",
    "requiredProblemAreas",
    "problemAreas",
    (evaluation, code) => `Does not treat ${inSentence(label(evaluation, "problemAreas", code))}.`,
  ),
  everyRequired(
    "modality",
    "modality-not-offered",
    "requiredModalities",
    "modalities",
    (evaluation, code) => `Does not offer ${label(evaluation, "modalities", code)}.`,
  ),
  everyRequired("language", "language-not-spoken", "requiredLanguages", "languages", (_, code) =>
    isKnownLanguage(code) ? `Does not work in the language "${code}".` : "Does not work in an unlisted language.",
  ),
  {
    constraint: "discipline",
    requested: (query) => query.requiredDisciplines.size > 0,
    passes: ({ clinician, query }) => query.requiredDisciplines.has(clinician.discipline),
    explain: (evaluation) => {
      // Each label is lowered on its own: "a psychiatrist or psychiatric nurse practitioner", not "… or Psychiatric …".
      const wanted = [...evaluation.query.requiredDisciplines]
        .map((code) => inSentence(label(evaluation, "disciplines", code)))
        .join(" or ");
      return [{ constraint: "discipline", reason: "discipline-not-wanted", text: `Is not a ${wanted}.` }];
    },
  },
  {
    constraint: "level-of-care",
    requested: (query) => query.criteria.require.levelOfCare !== undefined,
    passes: ({ clinician, query }) => (clinician.levelsOfCare & levelOfCareBit(query.criteria.require.levelOfCare as LevelOfCare)) !== 0,
    explain: ({ query }) => [
      {
        constraint: "level-of-care",
        reason: "level-of-care-not-offered",
        text: `Does not offer ${LEVEL_OF_CARE_TEXT[query.criteria.require.levelOfCare as LevelOfCare]}.`,
      },
    ],
  },
  {
    constraint: "preference",
    requested: (query) => query.preferences.must.size > 0,
    passes: ({ directory, clinician, query }) =>
      [...query.preferences.must].every((preference) => meetsPreference(directory, clinician, query, preference)),
    explain: ({ directory, clinician, query }) =>
      [...query.preferences.must]
        .filter((preference) => !meetsPreference(directory, clinician, query, preference))
        .map((preference) => ({
          constraint: "preference" as const,
          reason: "preference-not-met" as const,
          text: `Does not meet a must of the client's: ${MUST_TEXT[preference]}.`,
        })),
  },
  {
    constraint: "wait",
    requested: (query) => query.waitCap !== undefined,
    passes: (evaluation) => !waitTooLong(evaluation),
    explain: ({ directory, clinician, query }) => {
      const cap = query.waitCap as NonNullable<PreparedQuery["waitCap"]>;
      const allowed =
        cap.urgency === undefined
          ? `${cap.days} days`
          : `the ${cap.days} days ${cap.urgency === "urgent" ? "an" : "a"} ${cap.urgency} referral may wait`;
      return [
        {
          constraint: "wait",
          reason: "wait-too-long",
          text: `The usual wait (${capacityIn(directory.codes, clinician.index, "expectedWaitDays")} days) is longer than ${allowed}.`,
        },
      ];
    },
  },
  {
    constraint: "payment",
    requested: (query) => query.criteria.require.payment !== undefined,
    passes: (evaluation) => {
      evaluation.payment = paymentRoute(evaluation.directory, evaluation.clinician, evaluation.query);
      return evaluation.payment !== undefined;
    },
    explain: ({ directory, clinician, query }) => [paymentFailure(directory, clinician, query)],
  },
  {
    constraint: "care-mode",
    passes: (evaluation) => {
      evaluation.care = careModes(evaluation.directory, evaluation.clinician, evaluation.query);
      return evaluation.care.modes.length > 0;
    },
    explain: (evaluation) =>
      (evaluation.care?.failures ?? []).map(([reason, office]) => ({
        constraint: "care-mode",
        reason,
        text: CARE_MODE_TEXT[reason](evaluation, office),
      })),
  },
];
