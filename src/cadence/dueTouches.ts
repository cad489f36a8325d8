import * as z from "zod";
import { emptyList } from "../model/internal/emptyList.js";
import { NowOptions } from "../model/now.js";
import { Id, IsoDate, TimeZone } from "../model/scalars.js";
import { validate } from "../model/validate.js";
import { addCalendarDays } from "../model/internal/addCalendarDays.js";
import { dayOf } from "../model/internal/dayOf.js";
import { calendarDays } from "../model/internal/calendarDays.js";
import type { TouchKind } from "../relationships/schemas.js";
import { deriveState } from "../relationships/internal/deriveState.js";
import { RelationshipState, type RelationshipStateInput } from "../relationships/stateSchemas.js";
import { suggestNextActions } from "../relationships/suggestNextActions.js";
import { CadencePolicy, type DueTouch, type TouchReason } from "./schemas.js";
import { compareText } from "../model/internal/compareText.js";
import { progressNotes } from "./internal/progressNotes.js";
import { intervalStep } from "./internal/intervalStep.js";

/**
 * Options of {@link dueTouches}: the day, the policy, the mutual clients whose
 * progress notes are due (only those whose consent allows a note to that
 * referrer: deciding that is `referwell/consent`'s job), the month's goal
 * of new meetings (seed 002), turned into outreach slots, and each
 * clinician's time zone. An instant `now` falls on a day in the calendar of
 * the relationship's owner (its point person), or of the note's clinician;
 * without a zone of their own, in `timeZone`, else at the instant's own
 * offset. A date `now` is that day for everyone.
 *
 * @example
 * ```ts
 * import { DueTouchOptions } from "referwell/cadence";
 *
 * DueTouchOptions.parse({ now: "2026-11-23" }).newMeetingsPerMonth; // => 0
 * ```
 */
export const DueTouchOptions = z.strictObject({
  ...NowOptions.shape,
  policy: CadencePolicy.prefault({}),
  mutualClients: z
    .array(
      z.strictObject({
        referrerId: Id,
        episodeId: Id,
        clinicianId: Id,
        consentAllowsNote: z.boolean(),
        lastNoteSent: IsoDate.optional(),
        since: IsoDate,
      }),
    )
    .max(100_000)
    .default(emptyList),
  newMeetingsPerMonth: z.number().int().min(0).max(100).default(0),
  /** Each clinician's IANA time zone: the calendar the relationships they own (as point person) and their notes fall due in. */
  clinicianTimeZones: z
    .array(z.strictObject({ clinicianId: Id, timeZone: TimeZone }))
    .max(10_000)
    .default(emptyList),
});
/** Options of {@link dueTouches}. */
export type DueTouchOptions = z.infer<typeof DueTouchOptions>;
/** {@link DueTouchOptions} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type DueTouchOptionsInput = z.input<typeof DueTouchOptions>;

/** How much a touch of each reason is worth when capacity is short: owed gratitude and follow-ups first. */
const VALUE: Readonly<Record<TouchReason, number>> = {
  "thank-you": 5,
  "follow-up-meeting": 4,
  "progress-note": 3,
  cadence: 2,
  "follow-up-outreach": 2,
  revive: 1,
  "outreach-slot": 1,
};

const FROM_ACTION = {
  "thank-referrer": "thank-you",
  "follow-up-meeting": "follow-up-meeting",
  "follow-up-outreach": "follow-up-outreach",
  revive: "revive",
} as const;

/** The next kind in the rotation after the ones used last, so suggestions vary rather than repeat. */
function nextKind(rotation: readonly TouchKind[], recent: readonly TouchKind[]): TouchKind {
  const last = recent[recent.length - 1];
  const start = last === undefined ? 0 : (rotation.indexOf(last) + 1) % rotation.length;
  for (let step = 0; step < rotation.length; step += 1) {
    const kind = rotation[(start + step) % rotation.length] as TouchKind;
    if (!recent.slice(-2).includes(kind)) return kind;
  }
  return rotation[start] as TouchKind;
}

const Relationships = z.array(RelationshipState).max(100_000);

/** The day `now` falls on for a clinician: in their own zone when known. Due dates are the owner's: at 20:00 UTC on 1 March it is already 2 March in Sydney. */
function ownersToday(settings: DueTouchOptions, today: string): (clinicianId: string | null) => string {
  const zones = new Map(settings.clinicianTimeZones.map((entry) => [entry.clinicianId, entry.timeZone]));
  return (clinicianId) => {
    const zone = clinicianId === null ? undefined : zones.get(clinicianId);
    return zone === undefined ? today : dayOf(settings.now, zone);
  };
}

/** The last contact that restarts the clock: a touch of a reset kind, a meeting, or a referral either way. */
function lastContact(state: RelationshipState, policy: CadencePolicy): string | null {
  const resets = new Set(policy.resetKinds);
  return state.events.reduce<string | null>((latest, event) => {
    const counts =
      event.type === "meeting-held" ||
      event.type === "referral-received" ||
      event.type === "referral-sent" ||
      (event.type === "touch" && resets.has(event.kind));
    return counts && (latest === null || event.date > latest) ? event.date : latest;
  }, null);
}

/**
 * What is due or overdue per relationship on the day of `now`: the cadence
 * for its lifecycle, stage and kind (every touch, meeting or referral resets
 * the clock as the policy says; a snooze moves it past the snooze), the
 * follow-up after a first meeting, the thank-you after a referral, a progress
 * note on a mutual client with consent (seed 000), the follow-up on outreach,
 * and the month's slots for new meetings. Each with a stable id, days
 * overdue, a value, an explanation, and a suggested kind of touch that varies
 * from the last ones.
 *
 * @param states - relationship states from `referwell/relationships`
 * @param options - `now` and `timeZone` (an instant falls on its date in its owner's zone from `clinicianTimeZones`, else in `timeZone`, else at its own offset), policy, mutual clients, monthly meeting goal
 * @throws {@link InvalidInputError} when an input is malformed
 *
 * @example
 * ```ts
 * import { dueTouches } from "referwell/cadence";
 * import { relationshipState, type RelationshipEventInput } from "referwell/relationships";
 *
 * const event = (id: string, date: string, type: string, more: object = {}) => ({ id, date, type, clinicianId: "clin-ana", referrerId: "ref-1", ...more }) as RelationshipEventInput;
 * const state = relationshipState(
 *   [event("e1", "2026-06-01", "meeting-held", { fit: true }), event("e2", "2026-08-20", "touch", { kind: "coffee" })],
 *   { now: "2026-11-23" },
 * );
 * const [touch] = dueTouches([state], { now: "2026-11-23" });
 * touch?.reason; // => "cadence"
 * touch?.dueDate; // => "2026-10-20"
 * touch?.overdueDays; // => 34
 * touch?.suggestedKind; // => "article-shared"
 * ```
 */
export function dueTouches(states: readonly RelationshipStateInput[], options: DueTouchOptionsInput): DueTouch[] {
  const relationships = validate(Relationships, states, "states");
  const settings = validate(DueTouchOptions, options, "options");
  const { policy } = settings;
  const today = dayOf(settings.now, settings.timeZone);
  const todayOf = ownersToday(settings, today);
  const touches: DueTouch[] = [];
  const add = (
    on: string,
    referrerId: string | null,
    clinicianId: string | null,
    reason: TouchReason,
    dueDate: string,
    suggestedKind: DueTouch["suggestedKind"],
    explanation: string,
    id?: string,
  ) =>
    touches.push({
      id: id ?? `${referrerId ?? "practice"}:${reason}:${dueDate}`,
      referrerId,
      clinicianId,
      reason,
      dueDate,
      overdueDays: calendarDays(dueDate, on),
      suggestedKind,
      value: VALUE[reason],
      explanation,
    });

  for (const stored of relationships) {
    // Read each relationship as of its owner's today, not as of the day its state was made.
    const today = todayOf(stored.pointPersonId);
    const state = deriveState(stored, today, stored.policy, stored.referrerKind);
    if (state.lifecycle === "closed") continue;
    // A snoozed relationship still has its touches, due after the snooze ends.
    // A snooze moves whatever falls due during it to the day after it ends.
    const afterSnooze = state.snoozedUntil === null ? null : addCalendarDays(state.snoozedUntil, 1);
    const resumes = afterSnooze !== null && afterSnooze > today ? afterSnooze : today;
    const notBefore = (date: string) => (afterSnooze !== null && date < afterSnooze ? afterSnooze : date);
    const recent = state.events.flatMap((event) => (event.type === "touch" ? [event.kind] : []));
    // Owed follow-ups come from the relationship's own next actions.
    for (const action of suggestNextActions(state, { now: resumes })) {
      if (!(action.code in FROM_ACTION)) continue;
      const reason = FROM_ACTION[action.code as keyof typeof FROM_ACTION];
      const kind: DueTouch["suggestedKind"] =
        reason === "thank-you" ? "thank-you" : reason === "follow-up-outreach" ? "email" : nextKind(policy.kindRotation, recent);
      add(today, state.referrerId, action.clinicianId, reason, notBefore(action.dueDate), kind, action.reason);
    }
    const base =
      state.lifecycle === "met" || state.lifecycle === "nurturing" || state.lifecycle === "active"
        ? policy.everyDays[state.lifecycle]
        : undefined;
    if (base === undefined || state.fit === false) continue;
    const byKind = policy.kindEveryDays.find((entry) => entry.kind === state.referrerKind)?.days;
    const every = intervalStep(byKind ?? base, state.stage === null ? 1 : policy.stageFactor[state.stage]);
    const last = lastContact(state, policy);
    if (last === null) continue;
    const due = notBefore(every.add(last));
    add(
      today,
      state.referrerId,
      state.pointPersonId,
      "cadence",
      due,
      nextKind(policy.kindRotation, recent),
      `Touch base about every ${every.text}; the last contact was on ${last}.`,
    );
  }

  const notesEvery = intervalStep(policy.progressNoteEveryDays, 1);
  for (const note of progressNotes(settings.mutualClients, notesEvery.add)) {
    add(
      todayOf(note.clinicianId),
      note.referrerId,
      note.clinicianId,
      "progress-note",
      note.dueDate,
      "progress-note-sent",
      `A short progress note on a mutual client every ${notesEvery.text}, with the client's consent.`,
      note.id,
    );
  }

  const month = today.slice(0, 7);
  const held = relationships.filter(
    (state) => state.dates.firstMeeting !== null && state.dates.firstMeeting.startsWith(month) && state.dates.firstMeeting <= today,
  ).length;
  // Slots are keyed by month and number, so planning again on another day recognizes them.
  for (let slot = held; slot < settings.newMeetingsPerMonth; slot += 1) {
    add(
      today,
      null,
      null,
      "outreach-slot",
      `${month}-01`,
      "outreach",
      `A monthly goal of ${settings.newMeetingsPerMonth} new meetings; ${held} held so far this month.`,
      `practice:outreach-slot:${month}:${slot + 1}`,
    );
  }
  return touches.sort((a, b) => b.overdueDays - a.overdueDays || b.value - a.value || compareText(a.id, b.id));
}
