import { createVocabulary } from "../../model/createVocabulary.js";
import type { Directory } from "../../model/directory.js";
import { licensureRules } from "../../model/internal/licensureFor.js";
import type { MatcherOptions } from "../schemas.js";
import { compareText } from "../../model/internal/compareText.js";
import type { ClinicianContext, CompiledClinician, CompiledDirectory } from "./compiled.js";
import { compileClinician } from "./compileClinician.js";
import { indexClinician } from "./indexClinician.js";
import { unlicensedJurisdictions } from "./unlicensedJurisdictions.js";

/** A place in `byId` held for a clinician about to be compiled. */
const PENDING = undefined as unknown as CompiledClinician;

/**
 * Indexes a validated directory once: canonical code sets per clinician,
 * slots as minutes, and lookups by jurisdiction and by grid cell, so a query
 * touches only clinicians who could be licensed or reached. Clinicians take
 * their places in id order.
 */
export function compileDirectory(directory: Directory, options: MatcherOptions): CompiledDirectory {
  const vocabulary = createVocabulary(options.vocabulary ?? {});
  const canonicalDiscipline = (tag: string) => vocabulary.canonical("disciplines", tag);
  const context: ClinicianContext = {
    vocabulary,
    compactMembers: new Map(directory.compacts.map((compact) => [compact.id, compact.members])),
    unlicensedWhere: unlicensedJurisdictions(directory, canonicalDiscipline),
  };
  const compiled: CompiledDirectory = {
    clinicians: [],
    byId: new Map(),
    byPopulation: new Map(),
    byProblemArea: new Map(),
    byJurisdiction: new Map(),
    officesByJurisdiction: new Map(),
    officesByCell: new Map(),
    practiceSizes: new Map(),
    outcomeHolders: 0,
    freeIndexes: [],
    context,
    compacts: directory.compacts,
    licensure: licensureRules(directory.compacts, directory.regulations, canonicalDiscipline),
    payersRefusingAssociates: new Set(directory.payers.filter((payer) => payer.acceptsAssociates === false).map((payer) => payer.id)),
    vocabulary,
    options,
  };
  // Ids in the directory's order first, so `byId` lists the clinicians as the directory does.
  for (const source of directory.clinicians) compiled.byId.set(source.id, PENDING);
  const sorted = [...directory.clinicians].sort((a, b) => compareText(a.id, b.id));
  sorted.forEach((source, index) => indexClinician(compiled, compileClinician(source, index, context), sorted.length));
  return compiled;
}
