import type { Consent as FhirConsent } from "@medplum/fhirtypes";
import * as z from "zod";
import { type DisclosureCategory, defaultCategories } from "../consent/categories.js";
import { Consent, type ConsentInput, ConsentRecipient, HostCategories } from "../consent/schemas.js";
import { validate } from "../model/validate.js";
import type { FhirNote } from "./notes.js";
import { consentLinks, consentProvisions, writtenByReferwell } from "./internal/consentBase.js";
import { consentHeader } from "./internal/consentHeader.js";
import { behavioralHealthReach } from "./internal/behavioralHealthReach.js";
import type { ProvisionReading } from "./internal/consentProvisions.js";
import { firstWholeDay } from "./internal/dates.js";
import { type FhirObject, type FhirPath, FhirReader, optionsObject } from "./internal/read.js";

/** Literal references a host maps to the recipients they are. */
const RecipientMap = z.record(z.string().min(1).max(500), ConsentRecipient);
/** How behavioral-health labels read, cautious unless the host says otherwise. */
const LabelReading = z.enum(["together", "as-labelled"]).default("together");
/** How a draft from elsewhere reads, cautious unless the host says otherwise. */
const DraftReading = z.enum(["inactive", "draft"]).default("inactive");

/** What {@link consentFromFhir} needs besides the Consent. */
export interface ConsentFromFhirOptions {
  /** The categories the host added to the built-in ones (see `HostCategories`): a deny by security label denies those it marks too. */
  readonly categories?: readonly z.input<typeof DisclosureCategory>[];
  /** Actors named by a literal reference (`"Practitioner/123"`), as the recipient each is in referwell; a reference to a group of people (an Organization, CareTeam, Group or HealthcareService) or to a contained resource is not read, mapped or not. */
  readonly recipients?: Readonly<Record<string, z.input<typeof ConsentRecipient>>>;
  /**
   * How a deny labelled `BH` (behavioral health), `MH` (mental health) or
   * `PSY` (psychiatry) reads. `"together"` (the default, the cautious
   * reading): as any of them, denying every category labelled `BH`, `MH`,
   * `PSY`, `PSYTHPN`, `EMOTDIS`, `COGN`, `DVD`, `SUD` or `ETH` (and a host's
   * `part2` categories), noted `label-widened`; the codes' meanings overlap, and a
   * client who withholds their behavioral health information is not
   * expected to mean their diagnosis may go (the FHIR guide gives the
   * sources). `"as-labelled"`: each code denies only the categories
   * labelled with it or a code below it in ActCode's hierarchy (`BH`: also
   * `COGN`, `DVD` and `EMOTDIS`). Either way, a label that marks no category known
   * denies every category.
   */
  readonly behavioralHealthLabels?: "together" | "as-labelled";
  /**
   * How a `draft` Consent reads, unless it is in the form
   * {@link consentToFhir} writes (which reads back as the draft it was).
   * `"inactive"` (the default, the cautious reading): it permits nothing
   * and its deny provisions bind, as a `proposed` one's do (note
   * `read-as-inactive`); a client's restriction is honoured while the
   * Consent that holds it is still being written. `"draft"`: a referwell
   * draft, which neither permits nor restricts.
   */
  readonly drafts?: "inactive" | "draft";
}

/** A consent read from FHIR, and what the reading noted. */
export interface ConsentFromFhir {
  /** The consent, validated. */
  readonly consent: Consent;
  /** Codes not read, elements read the cautious way. */
  readonly notes: readonly FhirNote[];
}

/**
 * Whether a Consent whose status reads as `written` is read as inactive
 * instead: a draft from elsewhere, which restricts as a proposed Consent
 * does unless the host says drafts are drafts; an active one in force on no
 * whole day, which counts on none (what it lifts stays, as it would once its
 * period ended).
 */
function readsAsInactive(
  written: Consent["status"] | undefined,
  { fhir, drafts, inForceOnNoDay }: { readonly fhir: FhirObject; readonly drafts: "inactive" | "draft"; readonly inForceOnNoDay: boolean },
): boolean {
  if (written === "draft") return drafts === "inactive" && !writtenByReferwell(fhir);
  return written === "active" && inForceOnNoDay;
}

/**
 * Reads a FHIR R4 Consent (scope `patient-privacy`) as a referwell consent:
 * `status` (`proposed`, `rejected` and `entered-in-error` as
 * `inactive`, and a `draft` too unless it is in the form
 * {@link consentToFhir} writes or `options.drafts` says otherwise; an
 * `active` one whose period holds no whole day too), the authorization kind from `category` (referwell's code
 * system; `general` when none), `patient` as the client, `dateTime` as the
 * day signed, the base provision as what the consent permits and its nested
 * `deny` provisions as deny provisions (by `id`), and referwell's
 * `consentRevoked`, `consentReplaces` and `consentLifts` extensions. Every
 * consent {@link consentToFhir} writes reads back as it was.
 *
 * A Consent from elsewhere is read the cautious way, and each such reading
 * is noted:
 *
 * - a permit counts only for what it names: a permit that names no actor,
 *   purpose or code (in FHIR, "any") permits nothing; actors that are not
 *   information recipients (`IRCP`, `PRCP` of HL7 v3 ParticipationType) or
 *   that name neither an identifier nor a reference in
 *   `options.recipients`, purposes not in referwell's list and codes not in
 *   referwell's category system are left out; a permit restricted by
 *   `class`, `data`, `securityLabel` or actions without `disclose` permits
 *   no category; a time in a period counts from the next whole day, or up to
 *   the last one;
 * - a deny is read in full or widened: a list with an entry that cannot be
 *   read denies to all (recipients, purposes or categories); security labels
 *   deny every category they mark (a confidentiality level also the levels
 *   above it; `SUD` and `ETH` also a host's `part2` categories; `BH`, `MH`
 *   and `PSY` each what all three and the codes for what they hold mark,
 *   unless `options.behavioralHealthLabels` says otherwise); elements
 *   it does not read (`period`, `action`, nested provisions) are left out,
 *   which can only withhold more;
 * - a base provision of type `deny` permits nothing and is a deny
 *   provision of the consent too (id `base`): one that names nothing
 *   denies everything, as in FHIR, except in the form {@link consentToFhir}
 *   writes for a consent that permits nothing (policy rule `OPTIN`, with
 *   referwell's authorization kind); under a policy rule `OPTOUT` or
 *   `OPTOUTE`, a base with no type is read as a deny (note `read-as-deny`)
 *   and a Consent with no base denies everything; a nested provision with
 *   no type is read as a deny; a nested permit is not read, but the denies
 *   in it are, on their own (8 deep at most), and leniently: one that
 *   cannot be read denies everything;
 * - a Consent with more deny provisions than a referwell consent holds
 *   (50) keeps its first 49 and reads the rest as one that denies what any
 *   of them denies (note `denies-merged`).
 *
 * @param resource - a FHIR R4 Consent, as parsed JSON
 * @param options - the host's categories, the recipients that literal references name, how behavioral-health labels read and how drafts do
 * @returns the validated consent and the notes of the reading
 * @throws {@link InvalidInputError} when the FHIR breaks a rule referwell
 *   needs (no status, patient or dateTime; another scope; a broken
 *   element), by path from the argument (`consent.provision.period.start`),
 *   never with a value
 *
 * @example
 * ```ts
 * import { consentFromFhir } from "referwell/fhir";
 *
 * const resource: Parameters<typeof consentFromFhir>[0] = {
 *   resourceType: "Consent",
 *   id: "cons-07",
 *   status: "active",
 *   scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
 *   category: [{ coding: [{ system: "http://loinc.org", code: "59284-0" }] }],
 *   patient: { reference: "Patient/cl-07" },
 *   dateTime: "2026-06-02",
 *   policyRule: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTIN" }] },
 *   provision: {
 *     type: "permit",
 *     period: { start: "2026-06-02", end: "2027-06-01" },
 *     actor: [
 *       {
 *         role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP" }] },
 *         reference: { identifier: { system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" } },
 *       },
 *     ],
 *     purpose: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code: "TREAT" }],
 *     code: [{ coding: [{ system: "https://referwell.github.io/fhir/CodeSystem/disclosure-category", code: "attendance" }] }],
 *     provision: [
 *       { type: "deny", securityLabel: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "PSY" }] },
 *     ],
 *   },
 * };
 * const { consent, notes } = consentFromFhir(resource);
 * consent.kind; // => "general"
 * consent.recipients; // => [{ identifier: { system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" } }]
 * // PSY read with BH and MH, and the codes for what they hold: the attendance it permits is denied too.
 * consent.deny?.[0]?.categories?.includes("attendance"); // => true
 * consent.deny?.[0]?.categories?.length; // => 12
 * notes;
 * // => [{ path: ["consent", "category"], code: "assumed-general" }, { path: ["consent", "provision", "provision", 0, "securityLabel", 0], code: "label-widened" }]
 *
 * // Each label alone, when the host says so.
 * consentFromFhir(resource, { behavioralHealthLabels: "as-labelled" }).consent.deny;
 * // => [{ id: "provision-1", categories: ["diagnosis", "medication", "risk", "test-results", "psychotherapy-note"] }]
 *
 * // A draft from elsewhere restricts as a proposed one does, unless the host reads drafts as drafts.
 * consentFromFhir({ ...resource, status: "draft" }).consent.status; // => "inactive"
 * consentFromFhir({ ...resource, status: "draft" }, { drafts: "draft" }).consent.status; // => "draft"
 * ```
 */
export function consentFromFhir(resource: FhirConsent, options?: ConsentFromFhirOptions): ConsentFromFhir {
  const settings = optionsObject(options);
  const hostCategories = validate(HostCategories, settings.categories ?? [], "options.categories");
  const recipients = validate(RecipientMap, settings.recipients ?? {}, "options.recipients");
  const labelReading = validate(LabelReading, settings.behavioralHealthLabels ?? undefined, "options.behavioralHealthLabels");
  const draftReading = validate(DraftReading, settings.drafts ?? undefined, "options.drafts");
  const reader = new FhirReader();
  const notes: FhirNote[] = [];
  const root: FhirPath = ["consent"];
  const fhir = reader.object(resource, root, true) ?? {};
  reader.resourceType(fhir, "Consent", root);
  const { id, status: written, kind, clientId, signed } = consentHeader(reader, fhir, root, notes);
  const catalogue = [...defaultCategories, ...hostCategories];
  const reading: ProvisionReading = {
    reader,
    notes,
    recipients,
    catalogue,
    behavioralHealthReach: behavioralHealthReach(catalogue, labelReading),
  };
  const { period, inForceOnNoDay, ...permits } = consentProvisions(reading, fhir, root);
  const inactive = readsAsInactive(written, { fhir, drafts: draftReading, inForceOnNoDay: inForceOnNoDay === true });
  if (inactive) notes.push({ path: [...root, "status"], code: "read-as-inactive" });
  const status = inactive ? "inactive" : written;
  const { replaces, lifts } = consentLinks(reader, fhir, root);
  reader.throwIfAny();

  const input: ConsentInput = {
    id: id as string,
    clientId: clientId as string,
    status: status as Consent["status"],
    kind,
    signed: signed as string,
    period: period ?? { start: firstWholeDay(reader, fhir.dateTime, []) as string },
    ...permits,
    lifts,
    replaces,
  };
  return { consent: validate(Consent, input, "consent"), notes };
}
