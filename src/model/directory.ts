/**
 * A directory: the clinicians a matcher chooses from, with the practices,
 * payers and compacts they refer to.
 *
 * @module
 */
import { z } from "zod";
import { Clinician } from "./clinician.js";
import { Compact } from "./licensure.js";
import { Payer, Practice } from "./practice.js";

type IssueSink = z.core.$RefinementCtx;

function reportDuplicateIds(items: ReadonlyArray<{ id: string }>, list: string, ctx: IssueSink): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: "custom", message: "duplicate-id", path: [list, index, "id"] });
    seen.add(item.id);
  });
  return seen;
}

/**
 * Every clinician a practice may refer to: its own and its outside network,
 * with the practices, payers and compacts they refer to. Ids are unique per
 * list, and every compact privilege names a compact of the directory.
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
  .object({
    practices: z.array(Practice).max(100_000).default([]),
    clinicians: z.array(Clinician).max(1_000_000),
    payers: z.array(Payer).max(100_000).default([]),
    compacts: z.array(Compact).max(1_000).default([]),
  })
  .superRefine((directory, ctx) => {
    reportDuplicateIds(directory.practices, "practices", ctx);
    reportDuplicateIds(directory.clinicians, "clinicians", ctx);
    reportDuplicateIds(directory.payers, "payers", ctx);
    const compactIds = reportDuplicateIds(directory.compacts, "compacts", ctx);
    directory.clinicians.forEach((clinician, index) => {
      clinician.licensure.compacts.forEach((privilege, privilegeIndex) => {
        if (!compactIds.has(privilege.compactId)) {
          const path = ["clinicians", index, "licensure", "compacts", privilegeIndex, "compactId"];
          ctx.addIssue({ code: "custom", message: "unknown-reference", path });
        }
      });
    });
  });
/** Every clinician a practice may refer to, with what they refer to. */
export type Directory = z.infer<typeof Directory>;
