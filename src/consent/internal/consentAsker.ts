import type { Now } from "../../model/now.js";
import type { IsoDate } from "../../model/scalars.js";
import { possibleDays } from "../../model/internal/possibleDays.js";
import { buildCatalogue } from "./buildCatalogue.js";
import { compileConsents } from "./compileConsents.js";
import { decide } from "./decide.js";
import { identityOf, systemRules } from "./recipientIdentity.js";
import type { Consent, EvaluateOptions, RecipientRef } from "../schemas.js";
import type { ConsentDecision } from "../types.js";
import type { PurposeOfUse } from "../categories.js";

/** What one call asks about: whose information, to whom, why, when, and whether under the emergency rule. */
export interface Call {
  readonly clientId: string;
  readonly recipient: RecipientRef;
  readonly purpose: PurposeOfUse;
  readonly now: Now;
  readonly emergency: boolean;
}

/** Information recorded on a given day, or on the day the question is asked about (an acknowledgement is dated the day it is made). */
export type DataDate = IsoDate | "day-asked" | undefined;

/**
 * Compiles the consents once for a call, on every day its `now` may fall on
 * (one day with a `timeZone` or a date; two or three for an instant without
 * one), and answers questions about categories. A question is permitted only
 * when it is permitted on every such day (the reading that discloses less
 * wins); otherwise the answer is the earliest day's denial.
 */
export function consentAsker(
  consents: readonly Consent[],
  call: Call,
  options: EvaluateOptions,
): (code: string, dataDate: DataDate) => ConsentDecision {
  const catalogue = buildCatalogue(options.categories);
  const identity = identityOf(call.recipient, systemRules(options.identifierSystems), options.restrictionIds);
  const compiled = possibleDays(call.now, options.timeZone).map((date) =>
    compileConsents(consents, {
      clientId: call.clientId,
      date,
      identity,
      purpose: call.purpose,
      recipientIsProvider: call.recipient.kind === "provider",
      emergency: call.emergency,
      distinctReferrers: options.distinctReferrers,
      treatmentPolicy: options.treatmentPolicy,
    }),
  );
  return (code, dataDate) => {
    const category = catalogue.get(code);
    let first: ConsentDecision | undefined;
    for (const day of compiled) {
      const decision = decide(day, category, dataDate === "day-asked" ? day.context.date : dataDate);
      if (decision.decision === "deny") return decision;
      first ??= decision;
    }
    return first as ConsentDecision;
  };
}
