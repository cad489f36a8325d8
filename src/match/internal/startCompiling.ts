import { createVocabulary } from "../../model/createVocabulary.js";
import type { Directory } from "../../model/directory.js";
import { licensureRules } from "../../model/internal/licensureFor.js";
import type { MatcherOptions } from "../schemas.js";
import type { ClinicianContext, CompiledClinician, CompiledDirectory } from "./compiled.js";
import { createIdTable } from "./idTable.js";
import { createClinicianCodes } from "./clinicianCodes.js";
import { unlicensedJurisdictions } from "./unlicensedJurisdictions.js";
import { noTagsResolved } from "./resolvedTag.js";

/** Everything but the clinicians, of whom there will be `clinicians`: `byId` and the indexes empty. */
export function startCompiling(directory: Directory, options: MatcherOptions, clinicians: number): CompiledDirectory {
  const vocabulary = createVocabulary(options.vocabulary ?? {});
  const canonicalDiscipline = (tag: string) => vocabulary.canonical("disciplines", tag);
  const licensure = licensureRules(directory.compacts, directory.regulations, canonicalDiscipline);
  const context: ClinicianContext = {
    vocabulary,
    compactMembers: new Map(directory.compacts.map((compact) => [compact.id, compact.members])),
    unlicensedWhere: unlicensedJurisdictions(licensure.licenceRequired),
    tags: noTagsResolved(),
  };
  const places: (CompiledClinician | undefined)[] = [];
  const compiled: CompiledDirectory = {
    clinicians: places,
    // An id in the table is a placed clinician's (see compileChunk, compileDirectory and updateDirectory); an empty
    // place, which only a fault in compiling could leave, reads as no id, so it matches none.
    byId: createIdTable(clinicians, (index) => places[index]?.id),
    byPopulation: new Map(),
    byProblemArea: new Map(),
    byJurisdiction: new Map(),
    officesByJurisdiction: new Map(),
    officesByCell: new Map(),
    practiceSizes: new Map(),
    codes: createClinicianCodes(clinicians),
    outcomeHolders: 0,
    unknownTagHolders: 0,
    freeIndexes: [],
    context,
    placedWeeks: { recent: new Map(), older: new Map() },
    compacts: directory.compacts,
    licensure,
    payersRefusingAssociates: new Set(directory.payers.filter((payer) => payer.acceptsAssociates === false).map((payer) => payer.id)),
    vocabulary,
    options,
  };
  return compiled;
}
