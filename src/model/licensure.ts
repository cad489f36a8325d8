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

/**
 * A licence or registration to practise in one jurisdiction. A licence for
 * a country (`GB`) covers its subdivisions (`GB-SCT`); an open-ended period
 * means it has not lapsed.
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
  period: Period.optional(),
});
/** A licence to practise in one jurisdiction. */
export type License = z.infer<typeof License>;

/**
 * An interstate compact (PSYPACT, the Counseling Compact, the Social Work
 * Licensure Compact…) as data: its member jurisdictions and the modes of care
 * a privilege under it allows. Membership changes over time, so the host
 * supplies it and names its source; referwell ships no membership list.
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
  source: z.string().min(1).max(500),
});
/** An interstate compact as data. */
export type Compact = z.infer<typeof Compact>;

/**
 * A clinician's privilege to practise under a compact, for as long as its
 * period runs. Some compacts grant one privilege per remote jurisdiction
 * (the Counseling Compact, the Social Work Licensure Compact): list them in
 * `jurisdictions`; without it the privilege covers every member (as
 * PSYPACT's telepsychology authority does). Either way it counts only while
 * the clinician holds a licence in force in a member jurisdiction (the home
 * licence every compact requires).
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
  period: Period.optional(),
});
/** A clinician's privilege to practise under a compact. */
export type CompactPrivilege = z.infer<typeof CompactPrivilege>;

/**
 * Everything that says where a clinician may practise.
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
});
/** Everything that says where a clinician may practise. */
export type Licensure = z.infer<typeof Licensure>;
