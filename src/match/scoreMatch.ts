import * as z from "zod";
import { emptyList } from "../model/internal/emptyList.js";
import { Clinician, type ClinicianInput } from "../model/clinician.js";
import { Compact } from "../model/licensure.js";
import { NowOptions } from "../model/now.js";
import { validate } from "../model/validate.js";
import { createMatcher } from "./createMatcher.js";
import { MatcherOptions, type MatchRequestInput } from "./schemas.js";
import type { MatchExplanation } from "./types.js";

/**
 * Options of {@link scoreMatch}: when, the compacts the clinician's
 * privileges name, and the matcher's options.
 *
 * @example
 * ```ts
 * import { ScoreMatchOptions } from "referwell/match";
 *
 * ScoreMatchOptions.parse({ now: "2026-11-23" }).matcher.margin; // => 0.1
 * ```
 */
export const ScoreMatchOptions = z.strictObject({
  ...NowOptions.shape,
  compacts: z.array(Compact).max(1_000).default(emptyList),
  matcher: MatcherOptions.prefault({}),
});
/** Options of {@link scoreMatch}. */
export type ScoreMatchOptions = z.infer<typeof ScoreMatchOptions>;
/** {@link ScoreMatchOptions} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type ScoreMatchOptionsInput = z.input<typeof ScoreMatchOptions>;

/**
 * Scores one client (or criteria) against one clinician: every hard
 * constraint the clinician fails, or the score explained part by part. The
 * same rules as a matcher's; for many clinicians, compile a matcher once with
 * `createMatcher` instead.
 *
 * @param request - `{ criteria }` or `{ client }`, as for `Matcher.rank`
 * @param clinician - the clinician
 * @param options - `now` and `timeZone` (an instant falls on its date in `timeZone` when given, else at its own offset), compacts, matcher options
 * @throws {@link InvalidInputError} when an input is malformed
 *
 * @example
 * ```ts
 * import { scoreMatch } from "referwell/match";
 *
 * const clinician = {
 *   id: "ana",
 *   name: "Ana Ruiz",
 *   discipline: "psychologist",
 *   licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *   problemAreas: ["depression"],
 *   modalities: ["CBT"],
 *   populations: ["adults"],
 *   languages: ["en", "es"],
 *   telehealth: true,
 *   availability: { timeZone: "America/Los_Angeles", slots: [] },
 *   acceptingNewClients: true,
 *   capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2, expectedWaitDays: 6 },
 * };
 * const criteria = { location: { jurisdiction: "US-OR" }, prefer: { problemAreas: ["depression"], languages: ["es"] } };
 * const result = scoreMatch({ criteria }, clinician, { now: "2026-11-23" });
 * result.eligible; // => true
 * result.option?.parts.map((part) => part.criterion); // => ["needs", "schedule", "modality", "language", "wait", "gender", "distance"]
 * const away = scoreMatch({ criteria: { location: { jurisdiction: "US-WA" } } }, clinician, { now: "2026-11-23" });
 * away.failures.map((failure) => failure.reason); // => ["no-office", "not-licensed-telehealth"]
 * ```
 */
export function scoreMatch(request: MatchRequestInput, clinician: ClinicianInput, options: ScoreMatchOptionsInput): MatchExplanation {
  const settings = validate(ScoreMatchOptions, options, "options");
  const one = validate(Clinician, clinician, "clinician");
  const matcher = createMatcher({ clinicians: [one], compacts: settings.compacts }, settings.matcher);
  const { now, timeZone } = settings;
  return matcher.explain(request, one.id, timeZone === undefined ? { now } : { now, timeZone });
}
