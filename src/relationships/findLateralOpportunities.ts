import { z } from "zod";
import { calendarDateOf } from "../model/calendarDateOf.js";
import { createVocabulary } from "../model/createVocabulary.js";
import { Now } from "../model/now.js";
import { Referrer } from "../model/referrer.js";
import type { IsoDate } from "../model/scalars.js";
import { validate } from "../model/validate.js";
import { addCalendarDays } from "./addCalendarDays.js";
import { OutboundReferral } from "./schemas.js";
import { type Lifecycle, RelationshipState } from "./state.js";

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
export const LateralOptions = z.object({
  now: Now,
  windowDays: z.number().int().min(1).max(3_650).default(365),
  minReferrals: z.number().int().min(1).max(1_000).default(2),
});
/** Options of {@link findLateralOpportunities}. */
export type LateralOptions = z.infer<typeof LateralOptions>;

const RELATED = new Set<Lifecycle>(["met", "nurturing", "active"]);

/**
 * Seed 004's lateral collaborations: disciplines the practice keeps sending
 * clients to (at least `minReferrals` times within the window) without a
 * relationship with any referrer of that discipline (met, nurtured or
 * active). Each comes with its evidence and the known referrers of that
 * discipline to approach, most referred first.
 *
 * @param outboundReferrals - referrals the practice sent out
 * @param referrers - every referrer the practice knows
 * @param states - relationship states
 * @param options - `now`, `windowDays`, `minReferrals`
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
export function findLateralOpportunities(outboundReferrals: unknown, referrers: unknown, states: unknown, options: unknown): LateralOpportunity[] {
  const outbound = validate(z.array(OutboundReferral).max(1_000_000), outboundReferrals, "outboundReferrals");
  const known = validate(z.array(Referrer).max(100_000), referrers, "referrers");
  const relationships = validate(z.array(RelationshipState.pick({ referrerId: true, lifecycle: true })).max(100_000), states, "states");
  const settings = validate(LateralOptions, options, "options");
  const today = calendarDateOf(settings.now);
  const from = addCalendarDays(today, -settings.windowDays);
  const vocabulary = createVocabulary();
  const lifecycleOf = new Map(relationships.map((state) => [state.referrerId, state.lifecycle]));
  const disciplineOf = (tag: string) => vocabulary.canonical("disciplines", tag);

  const related = new Set(known.filter((referrer) => referrer.discipline !== undefined && RELATED.has(lifecycleOf.get(referrer.id) ?? "prospect")).map((referrer) => disciplineOf(referrer.discipline as string)));
  const groups = new Map<string, OutboundReferral[]>();
  for (const referral of outbound) {
    if (referral.date <= from || referral.date > today) continue;
    const code = disciplineOf(referral.discipline);
    if (related.has(code)) continue;
    groups.set(code, [...(groups.get(code) ?? []), referral]);
  }
  const opportunities: LateralOpportunity[] = [];
  for (const [discipline, list] of groups) {
    if (list.length < settings.minReferrals) continue;
    const sorted = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    const label = vocabulary.label("disciplines", discipline) ?? discipline;
    const candidates = known
      .filter((referrer) => referrer.discipline !== undefined && disciplineOf(referrer.discipline) === discipline && lifecycleOf.get(referrer.id) !== "closed")
      .map((referrer) => referrer.id)
      .sort();
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
  return opportunities.sort((a, b) => b.referrals - a.referrals || (a.discipline < b.discipline ? -1 : 1));
}
