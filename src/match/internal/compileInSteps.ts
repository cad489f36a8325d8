import type { DirectoryIds } from "../../model/internal/danglingReferences.js";
import { directoryInSteps } from "../../model/internal/directoryInSteps.js";
import type { MatcherOptions } from "../schemas.js";
import type { CompiledDirectory } from "./compiled.js";
import { compileClinician } from "./compileClinician.js";
import { compileDirectory, finishCompiling, startCompiling } from "./compileDirectory.js";
import { indexClinician } from "./indexClinician.js";

/** A compiled directory with the ids its clinicians may refer to. */
export interface CompiledWithIds {
  readonly compiled: CompiledDirectory;
  readonly ids: DirectoryIds;
}

/**
 * Validates and compiles a directory a chunk of clinicians at a time, in
 * the directory's order, yielding between chunks so that a caller may
 * pause. Each chunk is compiled as soon as it is validated, so its
 * validated copies go young and only what the matcher keeps of them stays:
 * a large directory never holds a whole validated copy beside the matcher.
 * The clinicians take their places in the directory's order (answers do
 * not depend on it: ties are broken by id). Throws what
 * `validate(Directory, …)` throws.
 */
export function* compileInSteps(input: unknown, options: MatcherOptions): Generator<void, CompiledWithIds, void> {
  const steps = directoryInSteps(input);
  let building: (CompiledWithIds & { readonly size: number }) | undefined;
  let step = steps.next();
  for (; step.done !== true; step = steps.next()) {
    const made = step.value;
    if (made.kind === "shell") {
      building = { compiled: startCompiling(made.directory, options, made.clinicians), ids: made.ids, size: made.clinicians };
    } else if (made.kind === "clinicians" && building !== undefined) {
      const { compiled, size } = building;
      made.clinicians.forEach((source, offset) => {
        indexClinician(compiled, compileClinician(source, made.from + offset, compiled.context, compiled.codes), size);
      });
    }
    yield;
  }
  // Validated whole after all (input read as validation reads it, or bad input that passed whole): compiled at once.
  if (step.value !== undefined) return { compiled: compileDirectory(step.value.directory, options), ids: step.value.ids };
  // Steps that end without a whole directory gave the shell first.
  const { compiled, ids } = building as CompiledWithIds;
  finishCompiling(compiled);
  return { compiled, ids };
}
