import { licensureFor as checkLicensure } from "../../model/internal/licensureFor.js";
import type { CareMode } from "../../model/enums.js";
import { withinPeriod as periodContains } from "../../model/internal/withinPeriod.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import { haversineKm } from "./haversineKm.js";
import { inSentence } from "./inSentence.js";
import type { ConstraintFailure, HardConstraint, PaymentRoute } from "../types.js";

/** The outcome of the hard constraints for one clinician and one request. */
export interface ConstraintResult {
  readonly failures: readonly ConstraintFailure[];
  readonly modes: readonly CareMode[];
  readonly payment: PaymentRoute;
  readonly distanceKm: number | undefined;
}

const UNSPECIFIED: PaymentRoute = { via: "unspecified" };
/** What ranking gets for any failure: it only needs to know, so nothing is allocated per clinician. */
const FAILED: ConstraintResult = {
  failures: [{ constraint: "excluded", reason: "failed", text: "" }],
  modes: [],
  payment: UNSPECIFIED,
  distanceKm: undefined,
};

const within = (jurisdiction: string, area: string): boolean => jurisdiction === area || jurisdiction.startsWith(`${area}-`);

function paymentRoute(clinician: CompiledClinician, query: PreparedQuery): PaymentRoute | undefined {
  const payment = query.criteria.require.payment;
  if (payment === undefined) return UNSPECIFIED;
  const { insurancePanels, fee, slidingScaleFloor } = clinician.source;
  for (const payer of payment.payers) {
    for (const panel of insurancePanels) {
      if (panel.payerId !== payer.payerId || !periodContains(panel.period, query.startDate)) continue;
      // A panel without plans covers every plan; a payer without a plan matches any listed plan.
      if (panel.plans === undefined || payer.planId === undefined || panel.plans.includes(payer.planId))
        return { via: "insurance", payerId: payer.payerId };
    }
  }
  const budget = payment.maxSelfPay;
  if (budget !== undefined && fee !== undefined && fee.currency === budget.currency) {
    if (fee.minorUnits <= budget.minorUnits) return { via: "self-pay", amount: fee, slidingScale: false };
    if (slidingScaleFloor !== undefined && slidingScaleFloor.minorUnits <= budget.minorUnits)
      return { via: "self-pay", amount: slidingScaleFloor, slidingScale: true };
  }
  return undefined;
}

function paymentFailure(clinician: CompiledClinician, query: PreparedQuery): ConstraintFailure {
  const payment = query.criteria.require.payment;
  const budget = payment?.maxSelfPay;
  const fee = clinician.source.fee;
  const inNetwork =
    payment === undefined || payment.payers.length === 0 ? "" : `Not in network with the client's payer on ${query.startDate}`;
  const selfPay =
    budget === undefined
      ? ""
      : fee === undefined
        ? "no self-pay fee is listed"
        : fee.currency !== budget.currency
          ? "the fee is in another currency"
          : "the fee and any sliding scale are above what the client can pay";
  const sentence = [inNetwork, selfPay].filter((part) => part !== "").join(", and ");
  const reason = payment === undefined || payment.payers.length === 0 ? "self-pay-unaffordable" : "not-in-network";
  return { constraint: "payment", reason, text: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` };
}

/**
 * Checks every hard constraint of a request against one clinician. With
 * `firstOnly` (ranking) it stops at the first failure and builds nothing;
 * otherwise (explaining) it lists every failure with its sentence.
 */
export function evaluateConstraints(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  query: PreparedQuery,
  firstOnly: boolean,
): ConstraintResult {
  const failures: ConstraintFailure[] = [];
  const add = (constraint: HardConstraint, reason: string, text: string): void => {
    failures.push({ constraint, reason, text });
  };
  const { source } = clinician;
  const { criteria, startDate } = query;
  const label = (list: "populations" | "problemAreas" | "modalities" | "disciplines", code: string) =>
    directory.vocabulary.label(list, code) ?? code;

  if (query.excludedClinicians.has(source.id)) {
    if (firstOnly) return FAILED;
    add("excluded", "clinician-excluded", "Excluded for this client (for example a declared conflict).");
  }
  if (source.practiceId !== undefined && query.excludedPractices.has(source.practiceId)) {
    if (firstOnly) return FAILED;
    add("excluded", "practice-excluded", "The clinician's practice is excluded for this client.");
  }
  if (!source.acceptingNewClients) {
    if (firstOnly) return FAILED;
    add("accepting", "not-accepting", "Not accepting new clients.");
  }
  const { capacity } = source;
  if (capacity.caseloadCurrent >= capacity.caseloadMax) {
    if (firstOnly) return FAILED;
    add("capacity", "caseload-full", "The caseload is full.");
  }
  if (capacity.newClientsThisWeek >= capacity.weeklyNewClientLimit) {
    if (firstOnly) return FAILED;
    add("capacity", "weekly-limit-reached", "No new-client places left this week.");
  }
  for (const population of query.requiredPopulations) {
    if (clinician.populations.has(population)) continue;
    if (firstOnly) return FAILED;
    add("population", "population-not-served", `Does not see ${inSentence(label("populations", population))}.`);
  }
  for (const area of query.requiredProblemAreas) {
    if (clinician.problemAreas.has(area)) continue;
    if (firstOnly) return FAILED;
    add("problem-area", "problem-area-not-treated", `Does not treat ${inSentence(label("problemAreas", area))}.`);
  }
  for (const modality of query.requiredModalities) {
    if (clinician.modalities.has(modality)) continue;
    if (firstOnly) return FAILED;
    add("modality", "modality-not-offered", `Does not offer ${label("modalities", modality)}.`);
  }
  for (const language of query.requiredLanguages) {
    if (clinician.languages.has(language)) continue;
    if (firstOnly) return FAILED;
    add("language", "language-not-spoken", `Does not work in the language "${language}".`);
  }
  if (query.requiredDisciplines.size > 0 && !query.requiredDisciplines.has(clinician.discipline)) {
    if (firstOnly) return FAILED;
    const wanted = [...query.requiredDisciplines].map((code) => label("disciplines", code)).join(" or ");
    add("discipline", "discipline-not-wanted", `Is not a ${inSentence(wanted)}.`);
  }
  const maxWait = criteria.require.maxWaitDays;
  if (maxWait !== undefined && capacity.expectedWaitDays !== undefined && capacity.expectedWaitDays > maxWait) {
    if (firstOnly) return FAILED;
    add("wait", "wait-too-long", `The usual wait (${capacity.expectedWaitDays} days) is longer than ${maxWait} days.`);
  }
  const payment = paymentRoute(clinician, query);
  if (payment === undefined) {
    if (firstOnly) return FAILED;
    failures.push(paymentFailure(clinician, query));
  }

  const modes: CareMode[] = [];
  // Why each acceptable mode is impossible: [reason, where the office is or undefined].
  const modeFailures: [reason: string, office: string | undefined][] = [];
  let distanceKm: number | undefined;
  const { jurisdiction } = criteria.location;
  if (query.modes.has("in-person")) {
    let found = false;
    let reason: [string, string | undefined] = ["no-office", undefined];
    for (const office of source.locations) {
      const distance = query.point === undefined ? undefined : haversineKm(query.point, office.point);
      const reachable = distance === undefined ? within(office.jurisdiction, jurisdiction) : distance <= query.travelRadiusKm;
      if (!reachable) {
        if (reason[0] === "no-office") reason = ["office-out-of-range", undefined];
        continue;
      }
      if (!checkLicensure(source, { jurisdiction: office.jurisdiction, mode: "in-person", on: startDate }, directory.compacts).authorized) {
        reason = ["not-licensed-in-person", office.jurisdiction];
        continue;
      }
      found = true;
      if (distance !== undefined && (distanceKm === undefined || distance < distanceKm)) distanceKm = distance;
    }
    if (found) modes.push("in-person");
    else modeFailures.push(reason);
  }
  if (query.modes.has("telehealth")) {
    if (!source.telehealth) modeFailures.push(["telehealth-not-offered", undefined]);
    else if (!checkLicensure(source, { jurisdiction, mode: "telehealth", on: startDate }, directory.compacts).authorized)
      modeFailures.push(["not-licensed-telehealth", undefined]);
    else modes.push("telehealth");
  }
  if (modes.length === 0) {
    if (firstOnly) return FAILED;
    const texts: Record<string, (office: string | undefined) => string> = {
      "no-office": () => "Has no office for in-person care.",
      "office-out-of-range": () =>
        `Every office is ${query.point === undefined ? `outside ${jurisdiction}` : `beyond ${query.travelRadiusKm} km`}.`,
      "not-licensed-in-person": (office) => `Not licensed for in-person care in ${office} on ${startDate}.`,
      "telehealth-not-offered": () => "Does not offer telehealth.",
      "not-licensed-telehealth": () => `Not licensed for telehealth to ${jurisdiction} on ${startDate}.`,
    };
    for (const [reasonCode, office] of modeFailures) add("care-mode", reasonCode, texts[reasonCode]?.(office) ?? "");
  }
  return { failures, modes, payment: payment ?? UNSPECIFIED, distanceKm: modes.includes("in-person") ? distanceKm : undefined };
}
