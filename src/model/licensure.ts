/**
 * Where a clinician may practise: licences per jurisdiction, and interstate
 * compacts as data the host keeps current.
 *
 * @module
 */
import * as z from "zod";
import { emptyList } from "./internal/emptyList.js";
import { CareMode } from "./enums.js";
import { Id, Jurisdiction, Period } from "./scalars.js";
import { Tag } from "./defaultVocabulary.js";

/**
 * A licence or registration to practise in one jurisdiction. A licence for
 * a country (`GB`) covers its subdivisions (`GB-SCT`); an open-ended period
 * means it has not lapsed. `register` names the register for a clinician
 * registered rather than licensed (in the UK: `HCPC` for practitioner
 * psychologists, a statutory register; `BACP`, `UKCP` or `NCPS`, accredited
 * registers for counsellors and psychotherapists); it is carried, not read.
 * `number` is the licence or registration number the board issued, carried
 * for the host's records (a FHIR qualification's identifier), not read.
 *
 * @example
 * ```ts
 * import { License } from "referwell";
 *
 * License.parse({ jurisdiction: "US-OR", title: "LPC", period: { start: "2019-06-01" } }).jurisdiction; // => "US-OR"
 * ```
 */
export const License = z.strictObject({
  jurisdiction: Jurisdiction,
  title: z.string().min(1).max(100).optional(),
  register: z.string().min(1).max(100).optional(),
  number: z.string().min(1).max(100).optional(),
  period: Period.optional(),
});
/** A licence to practise in one jurisdiction. */
export type License = z.infer<typeof License>;

/**
 * The rules of a compact that decide where a privilege under it counts.
 *
 * - `grant`: `every-member` (a privilege counts in every member jurisdiction:
 *   PSYPACT's telepsychology authority, APIT; the Social Work Licensure
 *   Compact's multistate licence) or `per-jurisdiction` (one privilege per
 *   remote state, listed in the privilege's `jurisdictions`: the Counseling
 *   Compact). Default `every-member`.
 * - `home`: `any-member` (a licence in force in any member jurisdiction
 *   will do) or `declared` (the privilege's `home` must be a member where the
 *   clinician holds a licence in force: the Counseling Compact ties each
 *   privilege to the home state where the counsellor legally resides; PSYPACT
 *   and the Social Work compact to the home state too). Default `any-member`.
 * - `deliverFromHome`: the clinician must be physically in the home state
 *   while practising under the privilege (PSYPACT APIT). Checked when the
 *   care setting says where the clinician is (`clinicianIn`); otherwise the
 *   clinician is taken to be at home.
 * - `maxDaysPerYear`: days of practice per remote jurisdiction per calendar
 *   year (PSYPACT's temporary in-person practice, TAP: 30); the privilege's
 *   `daysUsed` says how many are gone.
 *
 * @example
 * ```ts
 * import { CompactRules } from "referwell";
 *
 * CompactRules.parse({}); // => { grant: "every-member", home: "any-member", deliverFromHome: false }
 * ```
 */
export const CompactRules = z.strictObject({
  grant: z.enum(["every-member", "per-jurisdiction"]).default("every-member"),
  home: z.enum(["any-member", "declared"]).default("any-member"),
  deliverFromHome: z.boolean().default(false),
  maxDaysPerYear: z.number().int().min(1).max(366).optional(),
});
/** The rules of a compact. */
export type CompactRules = z.infer<typeof CompactRules>;

/**
 * An interstate compact (PSYPACT, the Counseling Compact, the Social Work
 * Licensure Compact…) as data: its member jurisdictions, the modes of care
 * a privilege under it allows, and its rules (see {@link CompactRules}; the
 * defaults when left out).
 * Membership changes over time, so the host supplies it and names its
 * source; referwell ships no membership list.
 *
 * Written as the compacts have it (PSYPACT Rules and Commission documents;
 * the Counseling Compact model legislation, sections 4 and 5; the Social
 * Work Licensure Compact model legislation):
 *
 * - PSYPACT telepsychology (APIT): `modes: ["telehealth"]`, rules
 *   `{ home: "declared", deliverFromHome: true }`.
 * - PSYPACT temporary in-person practice (TAP): `modes: ["in-person"]`,
 *   rules `{ home: "declared", maxDaysPerYear: 30 }`.
 * - Counseling Compact: both modes, rules `{ grant: "per-jurisdiction", home: "declared" }`.
 * - Social Work Licensure Compact: a multistate licence valid in every
 *   member state, issued by the home state: both modes, rules `{ home: "declared" }`.
 *
 * @example
 * ```ts
 * import { Compact } from "referwell";
 *
 * const compact = Compact.parse({
 *   id: "psypact-apit",
 *   name: "PSYPACT telepsychology (APIT)",
 *   members: ["US-OR", "US-WA", "US-CO"],
 *   modes: ["telehealth"],
 *   source: "Host's copy of the PSYPACT member list, 2026-10",
 * });
 * compact.members.length; // => 3
 * ```
 */
export const Compact = z.strictObject({
  id: Id,
  name: z.string().min(1).max(200),
  members: z.array(Jurisdiction).min(1).max(500),
  modes: z.array(CareMode).min(1).max(2),
  rules: CompactRules.optional(),
  source: z.string().min(1).max(500),
});
/** An interstate compact as data. */
export type Compact = z.infer<typeof Compact>;

/**
 * A clinician's privilege to practise under a compact, for as long as its
 * period runs. The Counseling Compact grants one privilege per remote
 * jurisdiction: list them in `jurisdictions` (a compact with
 * `grant: "per-jurisdiction"` authorizes nothing without them). Under a
 * compact that grants every member (PSYPACT's APIT; the Social Work
 * Licensure Compact's multistate licence), `jurisdictions` may still narrow
 * it. It counts only while the clinician holds a licence in force in a
 * member jurisdiction, or in the declared `home` when the compact ties
 * privileges to it. `daysUsed` counts the days already practised per
 * jurisdiction and year, for compacts with a yearly limit (PSYPACT TAP);
 * the days listed on every privilege under the same compact count
 * together, since the limit is the clinician's.
 * Pre-licensed clinicians hold no compact privileges (see {@link Licensure}).
 *
 * @example
 * ```ts
 * import { CompactPrivilege } from "referwell";
 *
 * CompactPrivilege.parse({ compactId: "psypact-apit" }).compactId; // => "psypact-apit"
 * CompactPrivilege.parse({ compactId: "counseling-compact", jurisdictions: ["US-WA"] }).jurisdictions; // => ["US-WA"]
 * ```
 */
export const CompactPrivilege = z.strictObject({
  compactId: Id,
  jurisdictions: z.array(Jurisdiction).min(1).max(100).optional(),
  home: Jurisdiction.optional(),
  daysUsed: z
    .array(
      z.strictObject({ jurisdiction: Jurisdiction, year: z.number().int().min(1900).max(9999), days: z.number().int().min(0).max(366) }),
    )
    .max(500)
    .optional(),
  period: Period.optional(),
});
/** A clinician's privilege to practise under a compact. */
export type CompactPrivilege = z.infer<typeof CompactPrivilege>;

/**
 * Everything that says where a clinician may practise (`status` is
 * `licensed` when left out). A `pre-licensed`
 * clinician (an associate, a resident, a trainee) practises on an associate
 * licence under a supervisor of record (`supervisorId`): without one they
 * are authorized nowhere, and they hold no compact privileges (the compacts
 * grant privileges only to fully licensed practitioners). A payer may refuse
 * associates (see `Payer.acceptsAssociates`; Medicare does).
 *
 * @example
 * ```ts
 * import { Licensure } from "referwell";
 *
 * Licensure.parse({ licenses: [{ jurisdiction: "GB" }] }).compacts; // => []
 * ```
 */
export const Licensure = z.strictObject({
  licenses: z.array(License).max(100).default(emptyList),
  compacts: z.array(CompactPrivilege).max(50).default(emptyList),
  status: z.enum(["licensed", "pre-licensed"]).optional(),
  supervisorId: Id.optional(),
});
/** Everything that says where a clinician may practise. */
export type Licensure = z.infer<typeof Licensure>;

/**
 * Whether a jurisdiction requires a licence for a discipline. Where it does
 * not (in the UK, counselling and psychotherapy are not statutorily
 * regulated; practitioner psychologists must be registered with the HCPC),
 * a clinician of that discipline is not failed for lacking one. Without a
 * regulation a licence is required. A regulation for a country (`GB`)
 * covers its subdivisions, and one for a subdivision wins over its
 * country's. Where two regulations for the same jurisdiction and
 * discipline disagree, a licence is required (the library's cautious
 * reading of a directory that contradicts itself).
 *
 * @example
 * ```ts
 * import { Regulation } from "referwell";
 *
 * Regulation.parse({ jurisdiction: "GB", discipline: "counselor", licenceRequired: false, source: "host" }).licenceRequired; // => false
 * ```
 */
export const Regulation = z.strictObject({
  jurisdiction: Jurisdiction,
  discipline: Tag,
  licenceRequired: z.boolean(),
  source: z.string().min(1).max(500),
});
/** Whether a jurisdiction requires a licence for a discipline. */
export type Regulation = z.infer<typeof Regulation>;
