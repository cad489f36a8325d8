import type { Clinician } from "../../model/clinician.js";
import type { Directory } from "../../model/directory.js";
import type { MatcherOptions } from "../schemas.js";
import { compareText } from "../../model/internal/compareText.js";
import type { CompiledDirectory } from "./compiled.js";
import { addId } from "./idTable.js";
import { compileClinician } from "./compileClinician.js";
import { expectClinicians, FIRST_CLINICIANS, trimCodes } from "./clinicianCodes.js";
import { indexClinician } from "./indexClinician.js";
import { startCompiling } from "./startCompiling.js";

/**
 * Indexes a validated directory once: canonical code lists in one pool,
 * and lookups by jurisdiction and by grid cell, so a query
 * touches only clinicians who could be licensed or reached. Clinicians take
 * their places in id order, so that what is decided by place (an
 * assignment's ties) does not depend on the directory's order. A matcher
 * compiles as it validates instead (`compileInSteps`).
 */
export function compileDirectory(directory: Directory, options: MatcherOptions): CompiledDirectory {
  const { clinicians } = directory;
  // The clinicians' positions in the directory, by id: the place each takes.
  const positions = clinicians.map((_, position) => position);
  positions.sort((a, b) => compareText((clinicians[a] as Clinician).id, (clinicians[b] as Clinician).id));
  const compiled = startCompiling(directory, options, clinicians.length);
  positions.forEach((position, index) => {
    // The first clinicians tell how much room the rest will need in the pool.
    if (index === FIRST_CLINICIANS) expectClinicians(compiled.codes, index, positions.length - index);
    indexClinician(
      compiled,
      compileClinician(clinicians[position] as Clinician, index, compiled.context, compiled.codes),
      positions.length,
    );
  });
  // Ids added in the directory's order, so that `byId` lists the clinicians as the directory does (a validated
  // directory repeats none, so every id is added).
  const places = new Int32Array(clinicians.length);
  positions.forEach((position, index) => (places[position] = index));
  clinicians.forEach((source, position) => addId(compiled.byId, source.id, places[position] as number));
  // The pool gives back the room it grew by while compiling (see trimCodes).
  trimCodes(compiled.codes);
  return compiled;
}
