import type { Directory } from "../directory.js";
import type { DirectoryIds } from "./danglingReferences.js";

/** The ids a validated directory lists for practices, payers and compacts: what a changed clinician may refer to. */
export function directoryIds(directory: Pick<Directory, "practices" | "payers" | "compacts">): DirectoryIds {
  return {
    practiceIds: new Set(directory.practices.map((practice) => practice.id)),
    payerIds: new Set(directory.payers.map((payer) => payer.id)),
    compactIds: new Set(directory.compacts.map((compact) => compact.id)),
  };
}
