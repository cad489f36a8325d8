/**
 * A directory: the clinicians a matcher chooses from, with the practices,
 * payers and compacts they refer to.
 *
 * @module
 */
import * as z from "zod";
import { DIRECTORY_LIMITS } from "./internal/directoryLimits.js";
import { emptyList } from "./internal/emptyList.js";
import { Clinician } from "./clinician.js";
import { Compact, Regulation } from "./licensure.js";
import { Payer, Practice } from "./practice.js";
import { reportDuplicateIds } from "./internal/reportDuplicateIds.js";
import { danglingReferences } from "./internal/danglingReferences.js";

const byId = (item: { id: string }): string => item.id;

/**
 * Every clinician a practice may refer to: its own and its outside network,
 * with the practices, payers and compacts they refer to. Ids are unique per
 * list; every compact privilege names a compact of the directory; and when
 * the directory lists practices (or payers), every clinician's practice (and
 * every panel's payer) is one of them. Limits: 1,000,000 clinicians and as
 * many practices (each may be a solo practice), 100,000 payers, 1,000
 * compacts and 10,000 regulations.
 *
 * @example
 * ```ts
 * import { Directory } from "referwell";
 *
 * const result = Directory.safeParse({
 *   clinicians: [],
 *   practices: [
 *     { id: "harbour", name: "Harbour Psychology", timeZone: "America/Los_Angeles" },
 *     { id: "harbour", name: "Harbour again", timeZone: "America/Los_Angeles" },
 *   ],
 * });
 * result.success; // => false
 * ```
 */
export const Directory = z
  .strictObject({
    practices: z.array(Practice).max(DIRECTORY_LIMITS.practices).default(emptyList),
    clinicians: z.array(Clinician).max(DIRECTORY_LIMITS.clinicians),
    payers: z.array(Payer).max(DIRECTORY_LIMITS.payers).default(emptyList),
    compacts: z.array(Compact).max(DIRECTORY_LIMITS.compacts).default(emptyList),
    regulations: z.array(Regulation).max(DIRECTORY_LIMITS.regulations).optional(),
  })
  .superRefine((directory, ctx) => {
    const practiceIds = reportDuplicateIds(ctx, directory.practices, byId, ["practices"]);
    reportDuplicateIds(ctx, directory.clinicians, byId, ["clinicians"]);
    const payerIds = reportDuplicateIds(ctx, directory.payers, byId, ["payers"]);
    const compactIds = reportDuplicateIds(ctx, directory.compacts, byId, ["compacts"]);
    const dangling = (path: (string | number)[]) => ctx.addIssue({ code: "custom", message: "unknown-reference", path });
    const ids = { practiceIds, payerIds, compactIds };
    directory.clinicians.forEach((clinician, index) => {
      for (const path of danglingReferences(clinician, ids)) dangling(["clinicians", index, ...path]);
    });
  });
/** Every clinician a practice may refer to, with what they refer to. */
export type Directory = z.infer<typeof Directory>;
/** {@link Directory} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type DirectoryInput = z.input<typeof Directory>;
