import { createVocabulary } from "../../model/createVocabulary.js";
import type { Clinician } from "../../model/clinician.js";
import type { Directory } from "../../model/directory.js";
import { licensureRules } from "../../model/internal/licensureFor.js";
import type { MatcherOptions } from "../schemas.js";
import { compareText } from "../../model/internal/compareText.js";
import type { ClinicianContext, CompiledClinician, CompiledDirectory } from "./compiled.js";
import { compileClinician } from "./compileClinician.js";
import { createClinicianCodes, trimCodes } from "./clinicianCodes.js";
import { indexClinician } from "./indexClinician.js";
import { unlicensedJurisdictions } from "./unlicensedJurisdictions.js";

/** A place in `byId` held for a clinician about to be compiled. */
const PENDING = undefined as unknown as CompiledClinician;

/** The order clinicians take their places in: by id. */
const byClinicianId = (a: Clinician, b: Clinician): number => compareText(a.id, b.id);

/**
 * Indexes a validated directory once: canonical code lists in one pool,
 * and lookups by jurisdiction and by grid cell, so a query
 * touches only clinicians who could be licensed or reached. Clinicians take
 * their places in id order, so that what is decided by place (an
 * assignment's ties) does not depend on the directory's order. A matcher
 * compiles as it validates instead (`compileInSteps`).
 */
export function compileDirectory(directory: Directory, options: MatcherOptions): CompiledDirectory {
  const sorted = [...directory.clinicians].sort(byClinicianId);
  const compiled = startCompiling(directory, options, sorted.length);
  // Places in `byId` held in the directory's order first, so `byId` lists the clinicians as the directory does.
  for (const source of directory.clinicians) compiled.byId.set(source.id, PENDING);
  sorted.forEach((source, index) =>
    indexClinician(compiled, compileClinician(source, index, compiled.context, compiled.codes), sorted.length),
  );
  finishCompiling(compiled);
  return compiled;
}

/** What follows compiling every clinician: the pool of codes gives back the room it grew by. */
export function finishCompiling(compiled: CompiledDirectory): void {
  trimCodes(compiled.codes);
}

/** Everything but the clinicians, of whom there will be `clinicians`: `byId` and the indexes empty. */
export function startCompiling(directory: Directory, options: MatcherOptions, clinicians: number): CompiledDirectory {
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
    codes: createClinicianCodes(clinicians),
    outcomeHolders: 0,
    freeIndexes: [],
    context,
    compacts: directory.compacts,
    licensure: licensureRules(directory.compacts, directory.regulations, canonicalDiscipline),
    payersRefusingAssociates: new Set(directory.payers.filter((payer) => payer.acceptsAssociates === false).map((payer) => payer.id)),
    vocabulary,
    options,
  };
  return compiled;
}
