/**
 * What an adapter reports about the FHIR it read: codes it could not map,
 * elements it skipped, defaults it assumed. Never a value from the input.
 *
 * @module
 */
import * as z from "zod";

/**
 * Why a note was written:
 *
 * - `unknown-code`: a CodeableConcept where a problem area or discipline was
 *   expected has no coding the code maps know; it was not used (add an entry
 *   to the code maps)
 * - `no-jurisdiction`: a qualification has an issuer the host has not placed
 *   in a jurisdiction (`issuerJurisdictions`), so it is no licence
 * - `unknown-network`: a Plan-Net network reference matches no insurance plan given
 * - `no-position`: a location has no position, so it is no place for in-person care
 * - `inactive`: a role, condition or coverage that is not in force was skipped
 * - `assumed-not-accepting`: no Plan-Net `newpatients` extension, so the
 *   clinician is read as not accepting new clients (the cautious reading)
 * - `assumed-no-capacity`: no capacity extension, or none that names a
 *   caseload or a weekly intake, so the clinician is read as having no room
 *   for it (the cautious reading)
 * - `permits-nothing`: a consent's permit that is missing a part (no
 *   recipient, purpose or category named), or restricts it by an element
 *   referwell does not read (`class`, `data`, `securityLabel`, an `action`
 *   without `disclose`), permits nothing: a permit is read only for what it
 *   names (the cautious reading)
 * - `denies-all`: a part of a deny provision that could not be read in full
 *   (an unknown code or label, a recipient not resolved) is read as "all"
 *   for that part: the restriction is widened, never narrowed; a deny
 *   inside a nested permit that could not be read, or a place there that
 *   could not be (too deep, too many provisions), denies everything
 * - `denies-merged`: a Consent with more deny provisions than a referwell
 *   consent holds (50): those past the 49th were read as one (id `merged`,
 *   or `merged-` and a number when that is taken) that denies whatever any
 *   of them denies, so a restriction is widened, never narrowed; a lift that
 *   names one of them lifts nothing, and one of the merged one lifts all
 * - `label-widened`: a deny's `BH`, `MH` or `PSY` security label was read
 *   as the three together, with the codes for what they hold, and so
 *   denies categories the label as written does not mark (the cautious
 *   reading; `behavioralHealthLabels: "as-labelled"` reads it alone); not
 *   noted where the deny is read as denying every category anyway
 * - `unread-element`: an element was not read because leaving it out can
 *   only withhold more (a deny provision's `period` or `action`, a provision
 *   nested in a deny, a permit nested in a permit), or a deny's `id` that
 *   referwell cannot hold (the deny takes its place's)
 * - `unknown-recipient`: a consent actor that is not an information
 *   recipient, or whose reference neither names an identifier nor is mapped
 *   in `options.recipients`, or names a group of people (an Organization,
 *   a CareTeam) or a contained resource, or an identifier that identifies
 *   no one (an NPI whose check digit is wrong), was not read
 * - `read-as-deny`: a nested provision with no type (or another than
 *   `permit` or `deny`), or a base provision with no type under a policy
 *   rule `OPTOUT` or `OPTOUTE`, is read as a deny provision, so a
 *   restriction is never lost
 * - `read-as-inactive`: a `proposed`, `rejected` or `entered-in-error` consent is read
 *   as `inactive`: it permits nothing, and its deny provisions still hold;
 *   so is a `draft` from elsewhere, unless the host reads drafts as drafts,
 *   and an `active` one whose period holds no whole day (its lifts lift
 *   nothing)
 * - `assumed-general`: no authorization kind in `category`, so the consent
 *   is read as a `general` one, which authorizes no notes or Part 2 records
 * - `codings-disagree`: a CodeableConcept whose codings map to different
 *   codes (a translation that is no translation) was read the cautious way:
 *   a client's condition keeps every problem area its codings map to (the
 *   first coding's stays first), a deny provision denies every category
 *   its codings name, and a permit permits none of them
 * - `values-disagree`: the Practitioner and its roles give a capacity, fee
 *   or sliding-scale floor that disagree, or one capacity gives a part twice
 *   with different values; the cautious one was read (the least room, the
 *   highest amount, a fee raised to a floor above it; the lowest limit, the
 *   highest count or wait), and this value, at this extension or part, was
 *   not
 *
 * @example
 * ```ts
 * import { FhirNoteCode } from "referwell/fhir";
 *
 * FhirNoteCode.options.includes("unknown-code"); // => true
 * ```
 */
export const FhirNoteCode = z.enum([
  "unknown-code",
  "no-jurisdiction",
  "unknown-network",
  "no-position",
  "inactive",
  "assumed-not-accepting",
  "assumed-no-capacity",
  "permits-nothing",
  "denies-all",
  "denies-merged",
  "label-widened",
  "unread-element",
  "unknown-recipient",
  "read-as-inactive",
  "read-as-deny",
  "assumed-general",
  "codings-disagree",
  "values-disagree",
]);
/** Why a note was written. */
export type FhirNoteCode = z.infer<typeof FhirNoteCode>;

/**
 * One note: where in the FHIR input (the argument's name, then element names
 * and indexes, as FHIRPath writes them: `["practitionerRoles", 0,
 * "specialty", 1]`), why, and, for `unknown-code`, the code system when the
 * code maps know it (a system the maps do not know is left out: it is input).
 *
 * @example
 * ```ts
 * import { FhirNote } from "referwell/fhir";
 *
 * FhirNote.parse({ path: ["conditions", 0, "code"], code: "unknown-code" }).code; // => "unknown-code"
 * ```
 */
export const FhirNote = z.strictObject({
  path: z.array(z.union([z.string(), z.number().int().min(0)])).max(20),
  code: FhirNoteCode,
  system: z.string().optional(),
});
/** One note about the FHIR input. */
export type FhirNote = z.infer<typeof FhirNote>;
