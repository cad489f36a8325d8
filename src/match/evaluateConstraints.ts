import { checkLicensure } from "../model/checkLicensure.js";
import type { CareMode } from "../model/enums.js";
import { periodContains } from "../model/periodContains.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import { haversineKm } from "./haversineKm.js";
import type { ConstraintFailure, PaymentRoute } from "./types.js";

/** The outcome of the hard constraints for one clinician and one request. */
export interface ConstraintResult {
  readonly failures: ConstraintFailure[];
  readonly modes: CareMode[];
  readonly payment: PaymentRoute;
  readonly distanceKm: number | undefined;
}

const within = (jurisdiction: string, area: string): boolean => jurisdiction === area || jurisdiction.startsWith(`${area}-`);

function paymentRoute(clinician: CompiledClinician, query: PreparedQuery): PaymentRoute | ConstraintFailure {
  const payment = query.criteria.require.payment;
  if (payment === undefined) return { via: "unspecified" };
  const { insurancePanels, fee, slidingScaleFloor } = clinician.source;
  for (const payer of payment.payers) {
    for (const panel of insurancePanels) {
      if (panel.payerId !== payer.payerId || !periodContains(panel.period, query.startDate)) continue;
      // A panel without plans covers every plan; a payer without a plan matches any listed plan.
      if (panel.plans === undefined || payer.planId === undefined || panel.plans.includes(payer.planId)) return { via: "insurance", payerId: payer.payerId };
    }
  }
  const budget = payment.maxSelfPay;
  if (budget !== undefined && fee !== undefined && fee.currency === budget.currency) {
    if (fee.minorUnits <= budget.minorUnits) return { via: "self-pay", amount: fee, slidingScale: false };
    if (slidingScaleFloor !== undefined && slidingScaleFloor.minorUnits <= budget.minorUnits) {
      return { via: "self-pay", amount: slidingScaleFloor, slidingScale: true };
    }
  }
  const inNetwork = payment.payers.length === 0 ? "" : `Not in network with the client's payer on ${query.startDate}`;
  const selfPay =
    budget === undefined
      ? ""
      : fee === undefined
        ? "no self-pay fee is listed"
        : fee.currency !== budget.currency
          ? "the fee is in another currency"
          : "the fee and any sliding scale are above what the client can pay";
  const text = [inNetwork, selfPay].filter((part) => part !== "").join(", and ");
  return { constraint: "payment", reason: payment.payers.length === 0 ? "self-pay-unaffordable" : "not-in-network", text: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` };
}

/**
 * Checks every hard constraint of a request against one clinician. With
 * `firstOnly` it stops at the first failure (ranking needs only to know);
 * otherwise it lists them all (explaining needs every reason).
 */
export function evaluateConstraints(directory: CompiledDirectory, clinician: CompiledClinician, query: PreparedQuery, firstOnly: boolean): ConstraintResult {
  const failures: ConstraintFailure[] = [];
  const result = (modes: CareMode[] = [], payment: PaymentRoute = { via: "unspecified" }, distanceKm?: number): ConstraintResult => ({
    failures,
    modes,
    payment,
    distanceKm,
  });
  const fail = (failure: ConstraintFailure): boolean => {
    failures.push(failure);
    return firstOnly;
  };
  const { source } = clinician;
  const { criteria, startDate } = query;

  if (query.excludedClinicians.has(source.id) && fail({ constraint: "excluded", reason: "clinician-excluded", text: "Excluded for this client (for example a declared conflict)." }))
    return result();
  if (source.practiceId !== undefined && query.excludedPractices.has(source.practiceId) && fail({ constraint: "excluded", reason: "practice-excluded", text: "The clinician's practice is excluded for this client." }))
    return result();
  if (!source.acceptingNewClients && fail({ constraint: "accepting", reason: "not-accepting", text: "Not accepting new clients." })) return result();
  const { capacity } = source;
  if (capacity.caseloadCurrent >= capacity.caseloadMax && fail({ constraint: "capacity", reason: "caseload-full", text: "The caseload is full." })) return result();
  if (capacity.newClientsThisWeek >= capacity.weeklyNewClientLimit && fail({ constraint: "capacity", reason: "weekly-limit-reached", text: "No new-client places left this week." }))
    return result();
  const label = (list: "populations" | "problemAreas" | "modalities", code: string) => directory.vocabulary.label(list, code) ?? code;
  for (const population of query.requiredPopulations) {
    if (!clinician.populations.has(population) && fail({ constraint: "population", reason: "population-not-served", text: `Does not see ${label("populations", population).toLowerCase()}.` }))
      return result();
  }
  for (const area of query.requiredProblemAreas) {
    if (!clinician.problemAreas.has(area) && fail({ constraint: "problem-area", reason: "problem-area-not-treated", text: `Does not treat ${label("problemAreas", area).toLowerCase()}.` }))
      return result();
  }
  for (const modality of query.requiredModalities) {
    if (!clinician.modalities.has(modality) && fail({ constraint: "modality", reason: "modality-not-offered", text: `Does not offer ${label("modalities", modality)}.` }))
      return result();
  }
  for (const language of query.requiredLanguages) {
    if (!clinician.languages.has(language) && fail({ constraint: "language", reason: "language-not-spoken", text: `Does not work in the language "${language}".` }))
      return result();
  }
  if (query.requiredDisciplines.size > 0 && !query.requiredDisciplines.has(clinician.discipline)) {
    const wanted = [...query.requiredDisciplines].map((code) => directory.vocabulary.label("disciplines", code) ?? code).join(" or ");
    if (fail({ constraint: "discipline", reason: "discipline-not-wanted", text: `Is not a ${wanted.toLowerCase()}.` })) return result();
  }
  const maxWait = criteria.require.maxWaitDays;
  if (maxWait !== undefined && capacity.expectedWaitDays !== undefined && capacity.expectedWaitDays > maxWait) {
    if (fail({ constraint: "wait", reason: "wait-too-long", text: `The usual wait (${capacity.expectedWaitDays} days) is longer than ${maxWait} days.` })) return result();
  }
  const payment = paymentRoute(clinician, query);
  const route: PaymentRoute = "via" in payment ? payment : { via: "unspecified" };
  if (!("via" in payment) && fail(payment)) return result();

  const modes: CareMode[] = [];
  const modeFailures: ConstraintFailure[] = [];
  let distanceKm: number | undefined;
  const { jurisdiction } = criteria.location;
  if (query.modes.has("in-person")) {
    let found = false;
    let reason: ConstraintFailure = { constraint: "care-mode", reason: "no-office", text: "Has no office for in-person care." };
    for (const office of source.locations) {
      const distance = query.point === undefined ? undefined : haversineKm(query.point, office.point);
      const reachable = distance === undefined ? within(office.jurisdiction, jurisdiction) : distance <= query.travelRadiusKm;
      if (!reachable) {
        if (reason.reason === "no-office") {
          const where = distance === undefined ? `outside ${jurisdiction}` : `beyond ${query.travelRadiusKm} km`;
          reason = { constraint: "care-mode", reason: "office-out-of-range", text: `Every office is ${where}.` };
        }
        continue;
      }
      if (!checkLicensure(source, { jurisdiction: office.jurisdiction, mode: "in-person", on: startDate }, directory.compacts).authorized) {
        reason = { constraint: "care-mode", reason: "not-licensed-in-person", text: `Not licensed for in-person care in ${office.jurisdiction} on ${startDate}.` };
        continue;
      }
      found = true;
      if (distance !== undefined && (distanceKm === undefined || distance < distanceKm)) distanceKm = distance;
    }
    if (found) modes.push("in-person");
    else modeFailures.push(reason);
  }
  if (query.modes.has("telehealth")) {
    if (!source.telehealth) modeFailures.push({ constraint: "care-mode", reason: "telehealth-not-offered", text: "Does not offer telehealth." });
    else if (!checkLicensure(source, { jurisdiction, mode: "telehealth", on: startDate }, directory.compacts).authorized) {
      modeFailures.push({ constraint: "care-mode", reason: "not-licensed-telehealth", text: `Not licensed for telehealth to ${jurisdiction} on ${startDate}.` });
    } else modes.push("telehealth");
  }
  if (modes.length === 0) failures.push(...modeFailures);
  return result(modes, route, modes.includes("in-person") ? distanceKm : undefined);
}
