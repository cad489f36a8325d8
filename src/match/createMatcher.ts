import type { DirectoryInput } from "../model/directory.js";
import type { UnknownTag } from "../model/unknownTag.js";
import { compileInSteps } from "./internal/compileInSteps.js";
import { matcherOver } from "./internal/matcherOver.js";
import { type MatcherChangesInput, type MatcherOptionsInput, type MatchRequestInput, type RankOptionsInput } from "./schemas.js";
import type { MatchExplanation, RankResult } from "./types.js";

/** A compiled directory, ready to rank requests against. */
export interface Matcher {
  /**
   * Ranks the eligible clinicians for a request, best first, each with its
   * score explained part by part, and says what to offer. See
   * {@link RankOptions} for `now` and `timeZone`.
   *
   * @throws {@link InvalidInputError} when the request or options are malformed
   */
  rank(request: MatchRequestInput, options: RankOptionsInput): RankResult;
  /**
   * Says why one clinician is or is not an option for a request: every hard
   * constraint it fails, or its scored option, on the day of `now` (see
   * {@link RankOptions}).
   *
   * @throws {@link InvalidInputError} when the request or options are malformed
   */
  explain(request: MatchRequestInput, clinicianId: string, options: RankOptionsInput): MatchExplanation;
  /**
   * Ranks only the given clinicians: `rank`'s result restricted to them,
   * each checked against every hard constraint as `rank` checks it. Pass
   * the ids (or the rows, each with its `id`) a database returned for
   * {@link filterToSql}'s query; when they include every clinician the
   * hard constraints let through, the result is `rank`'s. Ids the matcher
   * does not know are left out, repeats count once.
   *
   * @throws {@link InvalidInputError} when the request, candidates or options are malformed
   */
  rankCandidates(
    request: MatchRequestInput,
    candidates: readonly (string | { readonly id: string })[],
    options: RankOptionsInput,
  ): RankResult;
  /**
   * Changes the directory in place, without compiling it again: clinicians
   * added or replaced (whole records, by id: a clinician who fills up, opens
   * again, changes hours or panels) and ids removed. Afterwards every answer
   * is the one a matcher made from the changed directory would give, where a
   * replaced clinician keeps its place in the directory's order and an added
   * one comes last. Costs what the changed records hold, not what the
   * directory holds; practices, payers, compacts, regulations and options
   * change only with a new matcher. Checked whole before anything changes:
   * a refused change leaves the matcher as it was.
   *
   * @throws {@link InvalidInputError} when the changes are malformed, name an
   *   id twice, refer to a practice, payer or compact the directory does not
   *   list, would take the directory past 1,000,000 clinicians, or could
   *   take the clinicians' lists past what a matcher holds (`too-big` at
   *   `upsert`; see the matching guide's limits)
   */
  update(changes: MatcherChangesInput): void;
  /** How many clinicians the directory holds. */
  readonly size: number;
  /**
   * The directory's tags that no vocabulary knows (a clinician's misspelled
   * problem area, say, which would match only the same spelling), by path
   * from the directory (`["clinicians", 4, "modalities", 1]`), never by value;
   * after `update`, from the changed directory. Worked out when first read
   * after a change: at no cost while every tag is known, otherwise by one
   * walk of the directory.
   */
  readonly unknownTags: readonly UnknownTag[];
}

/**
 * Validates a directory once and compiles it for matching: canonical codes
 * and weekly slots packed in one pool of numbers, and indexes by
 * jurisdiction and location, so each ranking looks only at clinicians who
 * could be licensed for or reach the client. Rank as many requests as you
 * like against one matcher. Clinicians are validated and compiled a chunk at
 * a time, so a large directory is never held twice over: each validated
 * copy goes as soon as the matcher has what it keeps of it.
 *
 * Hard constraints (an option never fails one): not excluded for the client,
 * accepting new clients, room in the caseload and in this week's new-client
 * places, every required population, problem area, modality and language,
 * the usual wait within the client's maximum, payment (in network with the
 * client's payer on the start date, or a fee or sliding-scale floor within
 * what the client can pay), and a mode of care: telehealth where licensed for
 * the client's location on the start date (planned moves count), or an office
 * within the client's travel radius in a jurisdiction where the clinician is
 * licensed for in-person care. Compact privileges count as the directory's
 * compacts say.
 *
 * @param directory - the clinicians, practices, payers and compacts
 * @param options - weights, margin and other options; see {@link MatcherOptions}
 * @throws {@link InvalidInputError} when the directory or options are
 *   malformed, or the clinicians' lists together hold more than a matcher
 *   can (`too-big` at `clinicians`; see the matching guide's limits)
 *
 * @example
 * ```ts
 * import type { ClinicianInput } from "referwell";
 * import { createMatcher } from "referwell/match";
 *
 * const clinician = (id: string, problemAreas: string[], practiceId = "harbour"): ClinicianInput => ({
 *   id,
 *   name: id,
 *   discipline: "psychologist",
 *   practiceId,
 *   licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *   problemAreas,
 *   populations: ["adults"],
 *   languages: ["en"],
 *   telehealth: true,
 *   insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01" } }],
 *   availability: { timeZone: "America/Los_Angeles", slots: [{ day: "tue", start: "16:00", end: "20:00" }] },
 *   acceptingNewClients: true,
 *   capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 * });
 * const matcher = createMatcher({
 *   clinicians: [clinician("ana", ["depression", "anxiety"]), clinician("ben", ["trauma"]), clinician("eli", ["depression"], "elsewhere")],
 * });
 * const request = {
 *   criteria: {
 *     location: { jurisdiction: "US-OR" },
 *     require: { populations: ["adults"], payment: { payers: [{ payerId: "aetna" }] } },
 *     prefer: { problemAreas: ["depression", "anxiety"] },
 *   },
 *   practiceId: "harbour",
 *   pointPersonId: "ben",
 * };
 * const result = matcher.rank(request, { now: "2026-11-23T09:00:00-08:00" });
 * result.options.map((option) => option.clinicianId); // => ["ana", "eli", "ben"]
 * result.passTo?.to; // => "ana"
 * result.options[0]?.parts.find((part) => part.criterion === "needs")?.reason; // => "Treats every need: depression and anxiety."
 *
 * // Ana fills up and Eli leaves: the matcher changes in place.
 * matcher.update({ upsert: [{ ...clinician("ana", ["depression", "anxiety"]), acceptingNewClients: false }], remove: ["eli"] });
 * matcher.rank(request, { now: "2026-11-23T09:00:00-08:00" }).options.map((option) => option.clinicianId); // => ["ben"]
 * matcher.size; // => 2
 * ```
 */
export function createMatcher(directory: DirectoryInput, options: MatcherOptionsInput = {}): Matcher {
  const steps = compileInSteps(directory, options);
  let step = steps.next();
  while (step.done !== true) step = steps.next();
  return matcherOver(step.value.compiled, step.value.ids);
}
