import * as z from "zod";
import { dayOf } from "../model/internal/dayOf.js";
import { sharedVocabulary } from "../model/internal/sharedVocabulary.js";
import type { ReferrerKind } from "../model/enums.js";
import { NowOptions } from "../model/now.js";
import { Referrer, type ReferrerInput } from "../model/referrer.js";
import { validate } from "../model/validate.js";
import { deriveState } from "./internal/deriveState.js";
import { NetworkGoals, type NetworkGoalsInput } from "./schemas.js";
import type { Lifecycle, RelationshipStateInput } from "./stateSchemas.js";
import { compareText } from "../model/internal/compareText.js";
import { StoredStates } from "./internal/storedStates.js";
import { followThroughOf, ReferrerIntake } from "./internal/followThrough.js";

// Built once: a schema built per call would be compiled again on every call.
const Referrers = z.array(Referrer).max(100_000);

/** One goal of the network, measured. */
export interface GoalProgress {
  /** Which goal. */
  readonly goal: "other-specialty-therapists" | "same-specialty-therapists" | "health-professionals" | "peer-groups" | "case-study-groups";
  /** The target (for same-specialty therapists, the minimum). */
  readonly target: number;
  /** How many established relationships count toward it. */
  readonly current: number;
  /** Whether the target is reached. */
  readonly met: boolean;
  /** One sentence for people. */
  readonly text: string;
  /** Referrers not yet established who would count: ones to approach or nurture first. */
  readonly candidates: readonly string[];
}

/** How the practice followed through on one referrer's referrals, and what needs attention. */
export interface FollowThrough {
  readonly referrerId: string;
  readonly received: number;
  readonly contactedWithinStandard: { readonly met: number; readonly decided: number };
  readonly firstVisits: number;
  readonly updatesSent: number;
  /** `first-contact-missed`: a client not contacted within the standard; `no-update-sent`: referrals received and the referrer told nothing. */
  readonly concerns: readonly ("first-contact-missed" | "no-update-sent")[];
  /** One sentence for people. */
  readonly text: string;
}

/** The practice's network measured against its goals. */
export interface NetworkAssessment {
  /** Each goal with its progress, in the order of the seed. */
  readonly goals: readonly GoalProgress[];
  /** The gaps: the goals not met, as sentences. */
  readonly gaps: readonly string[];
  /** Seed 002: diversify. Established relationships by kind, distinct therapist specialties, and the largest kind's share. */
  readonly diversity: {
    readonly byKind: Readonly<Partial<Record<ReferrerKind, number>>>;
    readonly distinctSpecialties: number;
    readonly largestShare: number | null;
  };
  /** Seed 002: a monthly goal of new meetings; first meetings held this calendar month. */
  readonly monthlyMeetings: { readonly month: string; readonly target: number; readonly held: number; readonly remaining: number };
  /**
   * Seed 001 (each new referral is a test of the practice) and seed 000
   * (keep the referrer informed): with `options.intake`, how the practice
   * followed through on each referrer's referrals, by referrer id; empty
   * without it. A concern is also a gap.
   */
  readonly followThrough: readonly FollowThrough[];
}

/**
 * Options of {@link assessNetwork}: `now` and `timeZone`, and optionally
 * `intake`, the per-referrer figures of `intakeMeasures` from
 * `referwell/intake` (`byReferrer`, passed as they are: the fields it does
 * not read pass unread), for the network's follow-through.
 *
 * @example
 * ```ts
 * import { NetworkOptions } from "referwell/relationships";
 *
 * NetworkOptions.safeParse({ now: "2026-11-23" }).success; // => true
 * ```
 */
export const NetworkOptions = z.strictObject({
  ...NowOptions.shape,
  intake: z.array(ReferrerIntake).max(100_000).optional(),
});
/** Options of {@link assessNetwork}. */
export type NetworkOptions = z.infer<typeof NetworkOptions>;
/** {@link NetworkOptions} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type NetworkOptionsInput = Omit<z.input<typeof NetworkOptions>, "intake"> & {
  /** The per-referrer figures of `intakeMeasures` (its `byReferrer`), as they are; other fields pass unread. */
  readonly intake?:
    | readonly {
        readonly referrerId: string;
        readonly received: number;
        readonly contactedWithinStandard: { readonly met: number; readonly decided: number };
        readonly firstVisits: number;
        readonly loopClosureNotesSent: number;
      }[]
    | undefined;
};

/** Established relationships by kind, and the largest kind's share of them. */
function diversityOf(established: readonly Referrer[], distinctSpecialties: number): NetworkAssessment["diversity"] {
  const byKind: Partial<Record<ReferrerKind, number>> = {};
  for (const referrer of established) byKind[referrer.kind] = (byKind[referrer.kind] ?? 0) + 1;
  const largest = Math.max(0, ...Object.values(byKind));
  return { byKind, distinctSpecialties, largestShare: established.length === 0 ? null : largest / established.length };
}

const ESTABLISHED = new Set<Lifecycle>(["nurturing", "active"]);
const ENGAGED = new Set<Lifecycle>(["met", "nurturing", "active"]);

/**
 * Measures the network against its goals (seed 003: ten therapists in
 * distinct other specialties, one or two busy same-specialty therapists, the
 * health professionals who see the ideal client, a peer group and a
 * case-study group), its diversity (seed 002), and this month's new meetings
 * against the monthly goal (seed 002). A referrer counts toward a goal when
 * its relationship is nurtured or active; groups count once the practice
 * takes part (met, nurturing or active). Each gap names candidates: known
 * referrers of that kind not yet established.
 *
 * @param referrers - every referrer the practice knows
 * @param states - relationship states, one per referrer that has any (others are prospects)
 * @param goals - the goals; defaults from seed 003
 * @param options - `now` and `timeZone` (an instant falls on its date in `timeZone` when given, else at its own offset)
 * @throws {@link InvalidInputError} when an input is malformed
 *
 * @example
 * ```ts
 * import type { ReferrerInput } from "referwell";
 * import { assessNetwork, relationshipState } from "referwell/relationships";
 *
 * const referrers: ReferrerInput[] = [
 *   { id: "gp-1", name: "Dr Lin", kind: "gp" },
 *   { id: "th-1", name: "Dr Bennett", kind: "therapist-other-specialty", specialties: ["trauma"] },
 * ];
 * const state = relationshipState(
 *   [{ id: "e1", date: "2026-11-05", type: "referral-received", clinicianId: "clin-ana", referrerId: "gp-1", addressedTo: "point-person" }],
 *   { now: "2026-11-23" },
 * );
 * const network = assessNetwork(referrers, [state], {}, { now: "2026-11-23" });
 * network.goals.find((goal) => goal.goal === "other-specialty-therapists")?.candidates; // => ["th-1"]
 * network.gaps[0]; // => "Therapists in other specialties: 0 of 10 distinct specialties."
 *
 * const followed = assessNetwork(referrers, [state], {}, {
 *   now: "2026-11-23",
 *   intake: [{ referrerId: "gp-1", received: 2, contactedWithinStandard: { met: 1, decided: 2 }, firstVisits: 1, loopClosureNotesSent: 0 }],
 * });
 * followed.followThrough[0]?.concerns; // => ["first-contact-missed", "no-update-sent"]
 * followed.gaps.at(-1); // => "Referrals from Dr Lin: 2 received, 1 of 2 contacted within the standard, 1 seen, 0 updates sent."
 * ```
 */
export function assessNetwork(
  referrers: readonly ReferrerInput[],
  states: readonly Omit<RelationshipStateInput, "events">[],
  goals: NetworkGoalsInput,
  options: NetworkOptionsInput,
): NetworkAssessment {
  const known = validate(Referrers, referrers, "referrers");
  // Everything but the events is validated: the states are read again as of `now`.
  const stored = validate(StoredStates, states, "states");
  const target = validate(NetworkGoals, goals, "goals");
  const { now, timeZone, intake = [] } = validate(NetworkOptions, options, "options");
  const today = dayOf(now, timeZone);
  const relationships = stored.map((state) => deriveState({ ...state, events: [] }, today, state.policy, state.referrerKind));
  const vocabulary = sharedVocabulary();
  const lifecycleOf = new Map(relationships.map((state) => [state.referrerId, state.lifecycle]));
  const sorted = [...known].sort((a, b) => compareText(a.id, b.id));
  const isIn = (set: ReadonlySet<Lifecycle>) => (referrer: Referrer) => set.has(lifecycleOf.get(referrer.id) ?? "prospect");
  const ofKind = (kind: ReferrerKind) => sorted.filter((referrer) => referrer.kind === kind);
  const notYet = (list: Referrer[], set: ReadonlySet<Lifecycle>) =>
    list.filter((referrer) => !isIn(set)(referrer) && lifecycleOf.get(referrer.id) !== "closed").map((referrer) => referrer.id);
  const specialtyOf = (referrer: Referrer) =>
    referrer.specialties[0] === undefined
      ? referrer.discipline === undefined
        ? referrer.id
        : vocabulary.canonical("disciplines", referrer.discipline)
      : vocabulary.canonical("problemAreas", referrer.specialties[0]);

  const others = ofKind("therapist-other-specialty");
  const otherSpecialties = new Set(others.filter(isIn(ESTABLISHED)).map(specialtyOf));
  const same = ofKind("therapist-same-specialty").filter(isIn(ESTABLISHED)).length;
  const rows: GoalProgress[] = [
    {
      goal: "other-specialty-therapists",
      target: target.otherSpecialtyTherapists,
      current: otherSpecialties.size,
      met: otherSpecialties.size >= target.otherSpecialtyTherapists,
      text: `Therapists in other specialties: ${otherSpecialties.size} of ${target.otherSpecialtyTherapists} distinct specialties.`,
      candidates: others
        .filter((referrer) => !otherSpecialties.has(specialtyOf(referrer)) && lifecycleOf.get(referrer.id) !== "closed")
        .map((referrer) => referrer.id),
    },
    {
      goal: "same-specialty-therapists",
      target: target.sameSpecialtyTherapists.min,
      current: same,
      met: same >= target.sameSpecialtyTherapists.min,
      text:
        same > target.sameSpecialtyTherapists.max
          ? `Same-specialty therapists: ${same}, more than the ${target.sameSpecialtyTherapists.max} the goal asks for; diversify instead.`
          : `Same-specialty therapists: ${same} of ${target.sameSpecialtyTherapists.min}–${target.sameSpecialtyTherapists.max}.`,
      candidates: same >= target.sameSpecialtyTherapists.max ? [] : notYet(ofKind("therapist-same-specialty"), ESTABLISHED),
    },
    ...target.healthProfessionalKinds.map((kind): GoalProgress => {
      const count = ofKind(kind).filter(isIn(ESTABLISHED)).length;
      return {
        goal: "health-professionals",
        target: 1,
        current: count,
        met: count >= 1,
        text: `Health professionals (${kind}): ${count} established.`,
        candidates: count >= 1 ? [] : notYet(ofKind(kind), ESTABLISHED),
      };
    }),
    ...(["peer-group", "case-study-group"] as const).map((kind): GoalProgress => {
      const count = ofKind(kind).filter(isIn(ENGAGED)).length;
      const goal = kind === "peer-group" ? "peer-groups" : "case-study-groups";
      const wanted = kind === "peer-group" ? target.peerGroups : target.caseStudyGroups;
      return {
        goal,
        target: wanted,
        current: count,
        met: count >= wanted,
        text: `${kind === "peer-group" ? "Peer support groups" : "Case-study groups"}: ${count} of ${wanted}.`,
        candidates: count >= wanted ? [] : notYet(ofKind(kind), ENGAGED),
      };
    }),
  ];

  const month = today.slice(0, 7);
  const held = relationships.filter(
    (state) => state.dates.firstMeeting !== null && state.dates.firstMeeting.startsWith(month) && state.dates.firstMeeting <= today,
  ).length;
  const followThrough = followThroughOf(intake, known);
  return {
    goals: rows,
    gaps: [...rows, ...followThrough].filter((row) => ("met" in row ? !row.met : row.concerns.length > 0)).map((row) => row.text),
    diversity: diversityOf(sorted.filter(isIn(ESTABLISHED)), otherSpecialties.size),
    monthlyMeetings: { month, target: target.monthlyNewMeetings, held, remaining: Math.max(0, target.monthlyNewMeetings - held) },
    followThrough,
  };
}
