import * as z from "zod";
import { dayOf } from "../model/internal/dayOf.js";
import { sharedVocabulary } from "../model/internal/sharedVocabulary.js";
import { NowOptions } from "../model/now.js";
import { Referrer, type ReferrerInput } from "../model/referrer.js";
import type { IsoDate } from "../model/scalars.js";
import { validate } from "../model/validate.js";
import { addCalendarDays } from "../model/internal/addCalendarDays.js";
import { deriveState } from "./internal/deriveState.js";
import { OutboundReferral, type OutboundReferralInput } from "./schemas.js";
import type { Lifecycle, RelationshipStateInput } from "./stateSchemas.js";
import { compareText } from "../model/internal/compareText.js";
import { StoredStates } from "./internal/storedStates.js";
import { pushTo } from "../model/internal/pushTo.js";

// Built once: a schema built per call would be compiled again on every call.
const OutboundReferrals = z.array(OutboundReferral).max(1_000_000);
const Referrers = z.array(Referrer).max(100_000);

/** A discipline the practice keeps referring to without a relationship there. */
export interface LateralOpportunity {
  /** The discipline, as a vocabulary code. */
  readonly discipline: string;
  /** Its label. */
  readonly label: string;
  /** Referrals sent there within the window. */
  readonly referrals: number;
  /** The practice's clinicians who sent them. */
  readonly clinicianIds: readonly string[];
  /** The outbound referrals, as evidence. */
  readonly evidence: readonly string[];
  /** The first and last of them. */
  readonly first: IsoDate;
  readonly last: IsoDate;
  /** Known referrers of that discipline to reach out to. */
  readonly candidates: readonly string[];
  /** One sentence for people. */
  readonly text: string;
}

/**
 * Options of {@link findLateralOpportunities}: the day, how far back to look
 * (`windowDays`, 365) and how many referrals make a pattern (`minReferrals`, 2).
 *
 * @example
 * ```ts
 * import { LateralOptions } from "referwell/relationships";
 *
 * LateralOptions.parse({ now: "2026-11-23" }).windowDays; // => 365
 * ```
 */
export const LateralOptions = z.strictObject({
  ...NowOptions.shape,
  windowDays: z.number().int().min(1).max(3_650).default(365),
  minReferrals: z.number().int().min(1).max(1_000).default(2),
});
/** Options of {@link findLateralOpportunities}. */
export type LateralOptions = z.infer<typeof LateralOptions>;
/** {@link LateralOptions} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type LateralOptionsInput = z.input<typeof LateralOptions>;

const RELATED = new Set<Lifecycle>(["met", "nurturing", "active"]);

/** The discipline a kind of referrer implies, where it implies one. */
const KIND_DISCIPLINE: Partial<Record<Referrer["kind"], string>> = {
  gp: "general-practitioner",
  paediatrician: "paediatrician",
  gynaecologist: "gynaecologist",
  psychiatrist: "psychiatrist",
  nutritionist: "nutritionist",
  naturopath: "naturopath",
  school: "school-counselor",
  lawyer: "lawyer",
};

/**
 * Seed 004's lateral collaborations: disciplines the practice keeps sending
 * clients to (at least `minReferrals` times within the window) without a
 * relationship with any referrer of that discipline (met, nurtured or
 * active; a referrer's kind implies its discipline where it can, and a
 * referral sent to a referrer the practice has a relationship with is not
 * lateral). Each comes with its evidence and the known referrers of that
 * discipline to approach; the most referred discipline comes first.
 *
 * @param outboundReferrals - referrals the practice sent out
 * @param referrers - every referrer the practice knows
 * @param states - relationship states
 * @param options - `now` and `timeZone` (an instant falls on its date in `timeZone` when given, else at its own offset), `windowDays`, `minReferrals`
 * @throws {@link InvalidInputError} when an input is malformed
 *
 * @example
 * ```ts
 * import { findLateralOpportunities } from "referwell/relationships";
 *
 * const sent = (id: string, date: string) => ({ id, date, clinicianId: "clin-elif", discipline: "Registered Dietitian" });
 * const found = findLateralOpportunities([sent("o1", "2026-05-12"), sent("o2", "2026-09-15")], [], [], { now: "2026-11-23" });
 * found.map((o) => `${o.discipline}: ${o.referrals}`); // => ["dietitian: 2"]
 * ```
 */
export function findLateralOpportunities(
  outboundReferrals: readonly OutboundReferralInput[],
  referrers: readonly ReferrerInput[],
  states: readonly Omit<RelationshipStateInput, "events">[],
  options: LateralOptionsInput,
): LateralOpportunity[] {
  const outbound = validate(OutboundReferrals, outboundReferrals, "outboundReferrals");
  const known = validate(Referrers, referrers, "referrers");
  const stored = validate(StoredStates, states, "states");
  const settings = validate(LateralOptions, options, "options");
  const today = dayOf(settings.now, settings.timeZone);
  // Lifecycles as of `now`, not as of the day each state was made.
  const relationships = stored.map((state) => deriveState({ ...state, events: [] }, today, state.policy, state.referrerKind));
  const from = addCalendarDays(today, -settings.windowDays);
  const vocabulary = sharedVocabulary();
  const lifecycleOf = new Map(relationships.map((state) => [state.referrerId, state.lifecycle]));
  const disciplineOf = (tag: string) => vocabulary.canonical("disciplines", tag);

  const disciplinesOf = (referrer: Referrer): string[] => [
    ...(referrer.discipline === undefined ? [] : [disciplineOf(referrer.discipline)]),
    ...(KIND_DISCIPLINE[referrer.kind] === undefined ? [] : [KIND_DISCIPLINE[referrer.kind] as string]),
  ];
  const relatedReferrers = new Set(
    known.filter((referrer) => RELATED.has(lifecycleOf.get(referrer.id) ?? "prospect")).map((referrer) => referrer.id),
  );
  const related = new Set(known.filter((referrer) => relatedReferrers.has(referrer.id)).flatMap(disciplinesOf));
  // Referrers to approach, by discipline, found once rather than once per discipline.
  const approachable = new Map<string, string[]>();
  for (const referrer of known) {
    if (lifecycleOf.get(referrer.id) === "closed") continue;
    for (const code of new Set(disciplinesOf(referrer))) pushTo(approachable, code, referrer.id);
  }
  const groups = new Map<string, OutboundReferral[]>();
  for (const referral of outbound) {
    if (referral.date <= from || referral.date > today) continue;
    const code = disciplineOf(referral.discipline);
    if (related.has(code) || (referral.referrerId !== undefined && relatedReferrers.has(referral.referrerId))) continue;
    pushTo(groups, code, referral);
  }
  const opportunities: LateralOpportunity[] = [];
  for (const [discipline, list] of groups) {
    if (list.length < settings.minReferrals) continue;
    const sorted = [...list].sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id));
    const label = vocabulary.label("disciplines", discipline) ?? discipline;
    const candidates = [...(approachable.get(discipline) ?? [])].sort();
    opportunities.push({
      discipline,
      label,
      referrals: list.length,
      clinicianIds: [...new Set(list.map((referral) => referral.clinicianId))].sort(),
      evidence: sorted.map((referral) => referral.id),
      first: (sorted[0] as OutboundReferral).date,
      last: (sorted[sorted.length - 1] as OutboundReferral).date,
      candidates,
      text: `${list.length} referrals to ${label.toLowerCase()}s in the last ${settings.windowDays} days, and no relationship there${candidates.length > 0 ? "" : " nor a known referrer to approach"}.`,
    });
  }
  return opportunities.sort((a, b) => b.referrals - a.referrals || compareText(a.discipline, b.discipline));
}
