import type { Clinician } from "../../model/clinician.js";
import { Directory } from "../../model/directory.js";
import type { DirectoryIds } from "../../model/internal/danglingReferences.js";
import { directoryIds } from "../../model/internal/directoryIds.js";
import { directoryInSteps } from "../../model/internal/directoryInSteps.js";
import { validate } from "../../model/validate.js";
import { isReferwellError } from "../../isReferwellError.js";
import { MatcherOptions } from "../schemas.js";
import type { CompiledDirectory } from "./compiled.js";
import { compileClinician } from "./compileClinician.js";
import { expectClinicians, trimCodes } from "./clinicianCodes.js";
import { compileDirectory } from "./compileDirectory.js";
import { startCompiling } from "./startCompiling.js";
import { indexClinician } from "./indexClinician.js";
import { addId } from "./idTable.js";

/** A compiled directory with the ids its clinicians may refer to. */
export interface CompiledWithIds {
  readonly compiled: CompiledDirectory;
  readonly ids: DirectoryIds;
}

/**
 * Compiles a chunk of validated clinicians into their places from `from`;
 * false, as soon as one's id is already taken, for a directory that repeats
 * an id (which `Directory` refuses: the caller validates whole for the error).
 */
function compileChunk(
  { compiled, size }: CompiledWithIds & { readonly size: number },
  clinicians: readonly Clinician[],
  from: number,
): boolean {
  for (let offset = 0; offset < clinicians.length; offset += 1) {
    // Placed first and its id added after, so that the table can read it. A repeated id is found there, and what its
    // clinician entered is dropped with the rest, since the caller then validates whole and compiles afresh.
    const clinician = compileClinician(clinicians[offset] as Clinician, from + offset, compiled.context, compiled.codes);
    indexClinician(compiled, clinician, size);
    if (!addId(compiled.byId, clinician.id, clinician.index)) return false;
  }
  // The first chunk tells how much room the rest will need in the pool.
  if (from === 0) expectClinicians(compiled.codes, clinicians.length, size - clinicians.length);
  return true;
}

/** The options validated, or the error that says why not. */
function optionsOrError(options: unknown): MatcherOptions | { readonly error: unknown } {
  try {
    return validate(MatcherOptions, options, "options");
  } catch (error) {
    if (isReferwellError(error, "invalid-input")) return { error };
    throw error;
  }
}

/**
 * Validates and compiles a directory a chunk of clinicians at a time, in
 * the directory's order, yielding between chunks so that a caller may
 * pause. Each chunk is compiled as soon as it is validated, so its
 * validated copies go young and only what the matcher keeps of them stays:
 * a large directory never holds a whole validated copy beside the matcher.
 * The clinicians take their places in the directory's order (answers do
 * not depend on it: ties are broken by id). Throws what
 * `validate(Directory, …)` throws; then, for malformed options (which
 * compiling needs from the first clinician on), what validating them
 * throws, after the directory's steps, as when the directory came first.
 */
export function* compileInSteps(input: unknown, optionsInput: unknown): Generator<void, CompiledWithIds, void> {
  const options = optionsOrError(optionsInput);
  // Compiling keeps the clinicians by id, and finds a repeated one there; with nothing to compile, the steps look for it.
  const steps = directoryInSteps(input, !("error" in options));
  // Held in a box, so that it can be let go before the directory is validated whole.
  const work: { building?: (CompiledWithIds & { readonly size: number }) | undefined } = {};
  let repeated = false;
  let step = steps.next();
  for (; step.done !== true; step = steps.next()) {
    const made = step.value;
    // With malformed options there is nothing to compile with: the directory is only validated, a step at a time all the same.
    if (!("error" in options) && made.kind === "shell") {
      work.building = { compiled: startCompiling(made.directory, options, made.clinicians), ids: made.ids, size: made.clinicians };
    } else if (made.kind === "clinicians" && work.building !== undefined && !compileChunk(work.building, made.clinicians, made.from)) {
      repeated = true;
      break;
    }
    yield;
  }
  if (repeated) {
    // Ended, and its last step let go: a generator left at a step would keep its shell, ids and last chunk alive.
    steps.return("validate whole");
    step = { done: true, value: "validate whole" };
  }
  if (step.value === "validate whole") {
    // What the steps built goes before the whole directory is validated, so the two are never alive together.
    work.building = undefined;
    const directory = validate(Directory, input, "directory");
    if ("error" in options) throw options.error;
    // Valid when read whole after all (input read as validation reads it, or read differently the second time): compiled at once.
    return { compiled: compileDirectory(directory, options), ids: directoryIds(directory) };
  }
  if ("error" in options) throw options.error;
  // Steps that end complete gave the shell first.
  const { compiled, ids } = work.building as CompiledWithIds;
  // The pool gives back the room it grew by while compiling (see trimCodes).
  trimCodes(compiled.codes);
  return { compiled, ids };
}
