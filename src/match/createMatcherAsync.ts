import type { DirectoryInput } from "../model/directory.js";
import { validate } from "../model/validate.js";
import { sliceClock, throwIfAborted } from "../model/internal/sliceClock.js";
import type { Matcher } from "./createMatcher.js";
import { compileInSteps } from "./internal/compileInSteps.js";
import { matcherOver } from "./internal/matcherOver.js";
import { type MatcherOptionsInput, SliceOptions, type SliceOptionsInput } from "./schemas.js";

/**
 * {@link createMatcher}, a slice at a time: the same matcher, made without
 * holding the thread. As `createMatcher` does, it validates the directory
 * a chunk at a time (payers, regulations and practices, then clinicians,
 * each chunk of clinicians compiled as soon as it is valid); between
 * chunks it gives the event loop a turn whenever `sliceMilliseconds` have passed (see {@link SliceOptions}),
 * so a server goes on answering requests while a national directory
 * compiles. The matcher it resolves to gives every answer `createMatcher`
 * gives for the same directory and options.
 *
 * It rejects with the error `createMatcher` would throw: an invalid
 * directory is validated again whole, at once, to name every issue the way
 * `createMatcher` does (so bad input costs one pass that does not yield).
 * Malformed options are named after the directory is validated, a chunk at
 * a time as usual, so that a malformed directory is named first.
 * With `signal`, it rejects with the signal's reason at the first turn after
 * the signal fires, or at once when it already has; nothing is left
 * half-made.
 *
 * @param directory - the clinicians, practices, payers and compacts, as for `createMatcher`
 * @param options - see {@link MatcherOptions}
 * @param slicing - see {@link SliceOptions}
 * @returns a promise of the matcher
 * @throws (as a rejection) {@link InvalidInputError} when the directory,
 *   options or slicing are malformed, as `createMatcher` throws it; the
 *   signal's reason when it fires
 *
 * @example
 * ```ts
 * import { createMatcherAsync } from "referwell/match";
 *
 * const clinicians = Array.from({ length: 300 }, (_, index) => ({
 *   id: `clin-${String(index).padStart(3, "0")}`,
 *   name: `Clinician ${index}`,
 *   discipline: "counselor",
 *   licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *   populations: ["adults"],
 *   languages: ["en"],
 *   telehealth: true,
 *   availability: { timeZone: "America/Los_Angeles", slots: [{ day: "mon" as const, start: "09:00", end: "12:00" }] },
 *   acceptingNewClients: index % 3 !== 0,
 *   capacity: { caseloadMax: 20, caseloadCurrent: 10, weeklyNewClientLimit: 2 },
 * }));
 * const ready = createMatcherAsync({ clinicians }, {}, { sliceMilliseconds: 5 });
 * ready instanceof Promise; // => true
 * void ready.then((matcher) => matcher.rank({ criteria: { location: { jurisdiction: "US-OR" } } }, { now: "2026-11-23" }));
 * ```
 */
export async function createMatcherAsync(
  directory: DirectoryInput,
  options: MatcherOptionsInput = {},
  slicing: SliceOptionsInput = {},
): Promise<Matcher> {
  const { sliceMilliseconds, signal } = validate(SliceOptions, slicing, "slicing");
  throwIfAborted(signal);
  const clock = sliceClock(sliceMilliseconds, signal);
  const steps = compileInSteps(directory, options);
  let step = steps.next();
  while (step.done !== true) {
    if (clock.due()) await clock.pause();
    step = steps.next();
  }
  // A signal that fired during the last slice still stops it.
  throwIfAborted(signal);
  const { compiled, ids } = step.value;
  return matcherOver(compiled, ids);
}
