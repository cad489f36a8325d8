import * as z from "zod";
import { InvalidInputError } from "../errors.js";
import { calendarDays } from "../model/internal/calendarDays.js";
import { dayOf } from "../model/internal/dayOf.js";
import { reportDuplicateIds } from "../model/internal/reportDuplicateIds.js";
import { validate } from "../model/validate.js";
import { waitlistOrder } from "./internal/waitlistOrder.js";
import type { WaitlistDecision, WaitlistMatcher, WaitlistReview } from "./results.js";
import { WaitlistEntry, type WaitlistEntryInput, WaitlistOptions, type WaitlistOptionsInput } from "./schemas.js";

const Waitlist = z
  .array(WaitlistEntry)
  .max(10_000)
  .superRefine((entries, ctx) => {
    reportDuplicateIds(ctx, entries, (entry) => entry.id);
  });

/** The matcher's ranking of one client; criteria it rejects are named by the entry's place, never by value. */
function rankEntry(matcher: WaitlistMatcher, entry: WaitlistEntry, index: number, settings: WaitlistOptions, limit: number) {
  try {
    return matcher.rank(
      { criteria: entry.criteria, practiceId: settings.practiceId },
      { now: settings.now, timeZone: settings.timeZone, limit },
    );
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    throw new InvalidInputError("waitlist", [{ path: [index, "criteria"], code: "invalid" }]);
  }
}

/**
 * Reviews a practice's waitlist on the day of `now`: who can be offered a
 * place now, who has waited past their maximum and should be referred out
 * (with options from the network), and for everyone still waiting, their
 * position and expected wait.
 *
 * The fairness rule, referwell's own: clients are read urgency first
 * (urgent, soon, routine), then by time waited (the earliest `dateAdded`
 * first), then by id, so the order never depends on the order the host
 * passed them in. Each client in turn is ranked by the matcher; the first
 * of their preferred clinicians, else the best ranked, who is in the
 * practice and still has a place in this review is offered. Places: the
 * count given in `places`, else one for any clinician the matcher finds
 * with room (the cautious reading: the matcher says there is room, not how
 * much). When a caseload drops, running the review again re-offers in the
 * same order, each decision saying why.
 *
 * @param waitlist - the clients waiting (see {@link WaitlistEntry}); ids unique
 * @param matcher - `referwell/match`'s `createMatcher(directory)`, holding the practice's clinicians and the network (see {@link WaitlistMatcher})
 * @param options - `now` and `timeZone`, `practiceId`, `places`, `referOutOptions` (see {@link WaitlistOptions})
 * @throws {@link InvalidInputError} when an entry or an option is malformed, or ids repeat; named `waitlist[i].criteria` when the matcher rejects a client's criteria
 *
 * @example
 * ```ts
 * import { createMatcher } from "referwell/match";
 * import { reviewWaitlist } from "referwell/intake";
 *
 * import type { ClinicianInput } from "referwell";
 * const clinician = (id: string, practiceId: string, caseloadCurrent: number): ClinicianInput => ({
 *   id, name: id, discipline: "psychologist", practiceId,
 *   licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *   populations: ["adults"], languages: ["en"], telehealth: true,
 *   availability: { timeZone: "America/Los_Angeles", slots: [{ day: "tue", start: "16:00", end: "20:00" }] },
 *   acceptingNewClients: true,
 *   capacity: { caseloadMax: 25, caseloadCurrent, weeklyNewClientLimit: 2, expectedWaitDays: 14 },
 * });
 * const matcher = createMatcher({
 *   clinicians: [clinician("clin-ana", "harbour", 24), clinician("clin-osei", "elsewhere", 10), clinician("clin-ben", "harbour", 25)],
 * });
 * const entry = (id: string, dateAdded: string, urgency: "urgent" | "routine") => ({
 *   id, dateAdded, urgency, maxWaitDays: 21,
 *   criteria: { location: { jurisdiction: "US-OR" }, require: { populations: ["adults"] } },
 * });
 * const review = reviewWaitlist(
 *   [entry("w-1", "2026-11-02", "routine"), entry("w-2", "2026-11-20", "urgent"), entry("w-3", "2026-11-25", "routine")],
 *   matcher,
 *   { now: "2026-11-30", practiceId: "harbour" },
 * );
 * review.decisions.map((d) => [d.id, d.action, d.clinicianId ?? d.options.join(" ")]);
 * // => [["w-2", "offer", "clin-ana"], ["w-1", "refer-out", "clin-osei"], ["w-3", "wait", ""]]
 * ```
 */
export function reviewWaitlist(
  waitlist: readonly WaitlistEntryInput[],
  matcher: WaitlistMatcher,
  options: WaitlistOptionsInput,
): WaitlistReview {
  const entries = validate(Waitlist, waitlist, "waitlist");
  const settings = validate(WaitlistOptions, options, "options");
  const today = dayOf(settings.now, settings.timeZone);
  const places = new Map(settings.places.map(({ clinicianId, count }) => [clinicianId, count]));
  const placesLeft = (clinicianId: string) => places.get(clinicianId) ?? 1;
  const limit = Math.min(10_000, Math.max(1, matcher.size));
  let waiting = 0;
  const decisions = waitlistOrder(entries).map(({ entry, index }, order): WaitlistDecision => {
    const ranked = rankEntry(matcher, entry, index, settings, limit);
    const inPractice = ranked.options.filter((option) => settings.practiceId === undefined || option.colleague);
    const preferred = entry.preferredClinicianIds.flatMap((id) => inPractice.filter((option) => option.clinicianId === id));
    const chosen = [...preferred, ...inPractice].find((option) => placesLeft(option.clinicianId) > 0);
    const daysWaited = Math.max(0, calendarDays(entry.dateAdded, today));
    const base = { id: entry.id, order: order + 1, daysWaited, clinicianId: null, options: [], position: null, expectedWaitDays: null };
    const why = `${entry.urgency} and waiting ${daysWaited} days: read ${order + 1} of ${entries.length} (urgency first, then time waited)`;
    if (chosen !== undefined) {
      places.set(chosen.clinicianId, placesLeft(chosen.clinicianId) - 1);
      const kind = preferred.includes(chosen) ? "a preferred clinician" : "the best match";
      return {
        ...base,
        action: "offer",
        clinicianId: chosen.clinicianId,
        expectedWaitDays: 0,
        explanation: `${why}; ${kind} has a place.`,
      };
    }
    if (daysWaited >= entry.maxWaitDays) {
      const outside = ranked.options
        .filter((option) => settings.practiceId !== undefined && !option.colleague)
        .slice(0, settings.referOutOptions);
      return {
        ...base,
        action: "refer-out",
        options: outside.map((option) => option.clinicianId),
        explanation: `${why}; no place, and the wait has reached the client's maximum of ${entry.maxWaitDays} days: refer out.`,
      };
    }
    waiting += 1;
    const waits = inPractice.flatMap((option) => (option.expectedWaitDays === undefined ? [] : [option.expectedWaitDays]));
    return {
      ...base,
      action: "wait",
      position: waiting,
      expectedWaitDays: waits.length === 0 ? null : Math.min(...waits),
      explanation: `${why}; no place yet: position ${waiting} among those waiting.`,
    };
  });
  return {
    asOf: today,
    decisions,
    offers: decisions.filter((d) => d.action === "offer").length,
    referOuts: decisions.length - waiting - decisions.filter((d) => d.action === "offer").length,
    waiting,
  };
}
