import { validate } from "../model/validate.js";
import { buildCatalogue } from "./internal/buildCatalogue.js";
import { compareText } from "../model/internal/compareText.js";
import { consentAsker } from "./internal/consentAsker.js";
import { dayOf } from "../model/internal/dayOf.js";
import { reasonTexts } from "./internal/reasonTexts.js";
import { renderUpdate } from "./internal/renderUpdate.js";
import { type Consent, type Fact, UpdateRequest, type UpdateRequestInput, type UpdateKind } from "./schemas.js";
import { securityLabels } from "./internal/securityLabels.js";
import { groundsOf } from "./internal/groundsOf.js";
import { isPrepared } from "./internal/preparedConsents.js";
import type { PreparedConsents } from "./prepareConsents.js";
import type { ComposedUpdate, PermitDecision, ProvisionRef, UpdateSection, WithheldFact, WithholdReason } from "./types.js";
import { type DisclosureCategory, part2FullNotice, part2RedisclosureNotice, purposeText } from "./categories.js";

/** What each kind carries when no template says otherwise: a thank-you no clinical facts; a progress update what coordination needs. */
const DEFAULT_CATEGORIES: Readonly<Record<UpdateKind, readonly string[]>> = {
  "thank-you": [],
  progress: ["attendance", "engagement", "progress-summary", "treatment-goals"],
  custom: [],
};
const DEFAULT_TITLES: Readonly<Record<UpdateKind, string>> = {
  "thank-you": "Thank you for your referral",
  progress: "Progress update",
  custom: "Update",
};
const DESCRIPTIONS: Readonly<Record<UpdateKind, string>> = {
  "thank-you": "Thank-you for a referral",
  progress: "Progress update",
  custom: "Update",
};
const ACKNOWLEDGEMENT = "acknowledgement";
/** The regulation's two statements (42 CFR 2.32(a)(1) and (a)(2)): the only notice texts there are. */
const PART2_NOTICES = { short: part2RedisclosureNotice, full: part2FullNotice } as const;

/**
 * The request validated. Consents that {@link prepareConsents} returned are
 * taken as they are, and the rest of the request is validated without them.
 * Only a plain object whose own properties are all enumerable takes that
 * path, so its copy holds exactly what the request holds; anything else is
 * validated whole, prepared consents included. No getter is called to find
 * out, so each field is still read once.
 */
function validRequest(request: unknown): Omit<UpdateRequest, "consents"> & { readonly consents: readonly Consent[] } {
  const whole = () => validate(UpdateRequest, request, "request");
  if (typeof request !== "object" || request === null) return whole();
  const prototype: unknown = Object.getPrototypeOf(request);
  if (prototype !== Object.prototype && prototype !== null) return whole();
  const descriptors = Object.getOwnPropertyDescriptors(request);
  const consents: unknown = descriptors["consents"]?.value;
  if (!isPrepared(consents) || Object.values(descriptors).some((descriptor) => descriptor.enumerable !== true)) return whole();
  return { ...validate(UpdateRequest, { ...request, consents: [] }, "request"), consents };
}

/**
 * Composes what a clinician may send a referrer about a mutual client: a
 * thank-you for a new referral, a progress update, or a host template's
 * update, with only what the client's consents permit, only what the kind
 * of update needs, and never a note (seed 000: "with your client's
 * permission… Do not send copies of your treatment notes. Include only as
 * much detail as necessary for coordination of care").
 *
 * Everything not clearly permitted is withheld (fail closed): a fact about
 * another client, with no category, of a category no one defines, or of a
 * category the update does not need (only what coordination needs: seed
 * 000, and the ethics codes' minimal disclosure, APA Ethics Code 4.04, ACA
 * Code of Ethics B.2.e, NASW Code of Ethics 1.07(c); HIPAA's minimum
 * necessary standard, 45 CFR 164.502(b), does not apply to disclosures to a
 * provider for treatment, 164.502(b)(2)(i), so this is referwell's policy,
 * not the law); and any fact {@link evaluateConsent}'s rule does not permit
 * for this recipient, purpose, category and recording date. Without a
 * `timeZone`, an instant `now` may fall on two or three days, and a fact
 * goes out only if permitted on every one; the record is dated the day of
 * `now` as written. Psychotherapy notes and SUD counselling notes go only
 * under an in-date authorization of their own kind for this recipient
 * (45 CFR 164.508(a)(2); 42 CFR 2.31(b)); a general consent never unlocks
 * them, nor does the emergency rule.
 *
 * Nothing names the client unless a consent permits the `acknowledgement`
 * category for this recipient and purpose. Without it, a progress update is
 * not composed, and a thank-you follows `unacknowledgedThankYou`: `nothing`
 * (the default) or a `generic-note` that thanks the referrer without naming
 * the client or confirming care. An update with no permitted fact other
 * than the acknowledgement is composed only for a thank-you.
 *
 * The update's text and Markdown are built from the included facts alone:
 * they never say that something was withheld, or how much. The withheld
 * facts come back by id, each with its reason and never its content. The
 * update carries its security labels (the confidentiality high-water mark,
 * the sensitivity codes, and the regulation's 42 CFR 2.32 notice whenever a
 * category labelled as Part 2 content is disclosed by a US practice), and
 * every disclosure has a record with the fields of 45 CFR 164.528(b)(2):
 * date, recipient, brief description, purpose, plus the consents and rules
 * relied on and whether it was an emergency disclosure.
 *
 * @param request - see {@link UpdateRequest}; its `consents` may be a list
 *   {@link prepareConsents} returned, which is not validated again
 * @throws {@link InvalidInputError} when the request is malformed
 *
 * @example
 * ```ts
 * import { composeUpdate, type ConsentInput } from "referwell/consent";
 *
 * const consent: ConsentInput = {
 *   id: "cons-01",
 *   clientId: "cl-01",
 *   status: "active",
 *   kind: "general",
 *   signed: "2026-06-02",
 *   period: { start: "2026-06-02", end: "2027-06-01" },
 *   recipients: [{ referrerId: "ref-gp-01" }],
 *   purposes: ["COC"],
 *   categories: ["acknowledgement", "attendance", "progress-summary", "diagnosis", "psychotherapy-note"],
 * };
 * const fact = (id: string, category: string, text: string) => ({ id, clientId: "cl-01", category, text, recorded: "2026-11-20" });
 * const result = composeUpdate({
 *   kind: "progress",
 *   client: { id: "cl-01", displayName: "Jordan" },
 *   recipient: { referrerId: "ref-gp-01", name: "Dr Mei Lin" },
 *   purpose: "COC",
 *   facts: [
 *     fact("f1", "attendance", "Attended 6 of 7 sessions since September."),
 *     fact("f2", "progress-summary", "Mood is lifting; sleep is steadier."),
 *     fact("f3", "diagnosis", "Moderate depressive episode."),
 *     fact("f4", "psychotherapy-note", "Session notes."),
 *   ],
 *   consents: [consent],
 *   now: "2026-11-23T09:00:00-08:00",
 * });
 * result.status; // => "update"
 * result.included; // => ["f1", "f2"]
 * result.withheld.map((w) => `${w.factId} ${w.reason}`); // => ["f3 not-needed", "f4 not-needed"]
 * result.update?.text;
 * // => "Progress update\n\nDear Dr Mei Lin,\n\nHere is a brief update on Jordan, shared for coordination of care.\n\nAttendance\n- Attended 6 of 7 sessions since September.\n\nProgress summary\n- Mood is lifting; sleep is steadier.\n"
 * result.update?.labels; // => { confidentiality: "R", sensitivity: ["BH"] }
 * result.disclosure?.description; // => "Progress update: Acknowledgement of care; Attendance; Progress summary"
 *
 * // A template that asks for notes still needs a psychotherapy-note authorization.
 * const notes = composeUpdate({
 *   kind: "custom",
 *   template: { id: "notes", title: "Notes", categories: ["psychotherapy-note"] },
 *   client: { id: "cl-01" },
 *   recipient: { referrerId: "ref-gp-01", name: "Dr Mei Lin" },
 *   purpose: "COC",
 *   facts: [fact("f4", "psychotherapy-note", "Session notes.")],
 *   consents: [consent],
 *   now: "2026-11-23",
 * });
 * notes.status; // => "nothing"
 * notes.withheld[0]?.reason; // => "needs-specific-authorization"
 * ```
 */
export function composeUpdate(
  request: UpdateRequestInput | (Omit<UpdateRequestInput, "consents"> & { readonly consents: PreparedConsents }),
): ComposedUpdate {
  const input = validRequest(request);
  const { client, recipient, purpose, kind, template } = input;
  const catalogue = buildCatalogue(input.categories);
  // The record's date: the day of `now` as the host reads it (an uncertain day is settled in the decisions, not here).
  const date = dayOf(input.now, input.timeZone);
  const ask = consentAsker(input.consents, { clientId: client.id, recipient, purpose, now: input.now, emergency: input.emergency }, input);

  // Acknowledging the client is itself a disclosure, dated the day it is made.
  const acknowledgement = ask(ACKNOWLEDGEMENT, "day-asked");
  const acknowledged = acknowledgement.decision === "permit";
  const wanted = [...new Set(template?.categories ?? DEFAULT_CATEGORIES[kind])];

  const withheld: WithheldFact[] = [];
  const included: { readonly fact: Fact; readonly decision: PermitDecision }[] = [];
  const withhold = (fact: Fact, reason: WithholdReason, provision?: ProvisionRef): void => {
    withheld.push({ factId: fact.id, reason, ...(provision === undefined ? {} : { provision }), text: reasonTexts[reason] });
  };
  for (const fact of [...input.facts].sort((a, b) => compareText(a.id, b.id))) {
    if (fact.clientId !== client.id) withhold(fact, "other-client");
    else if (fact.category === undefined) withhold(fact, "unlabelled");
    else if (!catalogue.has(fact.category)) withhold(fact, "unknown-category");
    else if (!wanted.includes(fact.category)) withhold(fact, "not-needed");
    else {
      const decision = ask(fact.category, fact.recorded);
      if (decision.decision === "deny") withhold(fact, decision.reason, decision.provision);
      else if (!acknowledged) withhold(fact, "not-acknowledged");
      else included.push({ fact, decision });
    }
  }

  const base = { included: included.map(({ fact }) => fact.id), withheld, acknowledgement };
  if (!acknowledged || (included.length === 0 && kind !== "thank-you")) {
    if (kind !== "thank-you" || acknowledged || input.unacknowledgedThankYou === "nothing") return { status: "nothing", ...base };
    const note = {
      title: "Thank you",
      greeting: `Dear ${recipient.name},`,
      opening: "Thank you for the referrals you send us, and for thinking of our practice.",
      sections: [],
      notice: undefined,
    };
    return {
      status: "generic-note",
      update: { kind, title: note.title, sections: [], ...renderUpdate(note), labels: securityLabels([], undefined) },
      ...base,
    };
  }

  const sections: UpdateSection[] = wanted.flatMap((code) => {
    const facts = included
      .map(({ fact }) => fact)
      .filter((fact) => fact.category === code)
      .sort((a, b) => compareText(a.recorded, b.recorded) || compareText(a.id, b.id));
    const category = catalogue.get(code) as DisclosureCategory;
    return facts.length === 0
      ? []
      : [
          {
            category: code,
            title: category.label,
            items: facts.map((fact) => ({ factId: fact.id, text: fact.text, value: fact.value, recorded: fact.recorded })),
          },
        ];
  });
  // A template may list `acknowledgement` itself: each category is disclosed, and recorded, once.
  const disclosed = [...new Set([ACKNOWLEDGEMENT, ...sections.map((section) => section.category)])].map(
    (code) => catalogue.get(code) as DisclosureCategory,
  );
  // 42 CFR Part 2 is US law: elsewhere its notice is not attached (see ConsentJurisdiction).
  const labels = securityLabels(disclosed, input.jurisdiction === "US" ? PART2_NOTICES[input.part2Notice] : undefined);
  const name = client.displayName;
  const title = template?.title ?? DEFAULT_TITLES[kind];
  const opening =
    kind === "thank-you"
      ? `Thank you for referring ${name ?? "your client"} to our practice. We are glad to be working with them.`
      : `Here is a brief update on ${name ?? "our mutual client"}, shared for ${purposeText[purpose]}.`;
  const rendered = renderUpdate({ title, greeting: `Dear ${recipient.name},`, opening, sections, notice: labels.part2Notice });
  const templateId = template === undefined ? {} : { templateId: template.id };

  return {
    status: "update",
    update: { kind, ...templateId, title, sections, ...rendered, labels },
    ...base,
    disclosure: {
      date,
      clientId: client.id,
      // The validated recipient holds only the record's fields: referrer id, identifiers, kind, name and address.
      recipient: { ...recipient },
      description: `${template?.title ?? DESCRIPTIONS[kind]}: ${disclosed.map((category) => category.label).join("; ")}`,
      purpose: { code: purpose, text: purposeText[purpose] },
      ...groundsOf([acknowledgement, ...included.map(({ decision }) => decision)]),
      kind,
      ...templateId,
      categories: disclosed.map((category) => category.code),
      factIds: base.included,
      confidentiality: labels.confidentiality,
      sensitivity: labels.sensitivity,
      part2: labels.part2Notice !== undefined,
    },
  };
}
