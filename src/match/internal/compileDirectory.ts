import type { Clinician } from "../../model/clinician.js";
import type { Directory } from "../../model/directory.js";
import type { MatcherOptions } from "../schemas.js";
import { compareText } from "../../model/internal/compareText.js";
import type { CompiledClinician, CompiledDirectory } from "./compiled.js";
import { compileClinician } from "./compileClinician.js";
import { expectClinicians, FIRST_CLINICIANS, trimCodes } from "./clinicianCodes.js";
import { indexClinician } from "./indexClinician.js";
import { startCompiling } from "./startCompiling.js";

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
  sorted.forEach((source, index) => {
    // The first clinicians tell how much room the rest will need in the pool.
    if (index === FIRST_CLINICIANS) expectClinicians(compiled.codes, index, sorted.length - index);
    indexClinician(compiled, compileClinician(source, index, compiled.context, compiled.codes), sorted.length);
  });
  // The pool gives back the room it grew by while compiling (see trimCodes).
  trimCodes(compiled.codes);
  return compiled;
}
