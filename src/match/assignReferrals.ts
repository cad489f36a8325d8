import * as z from "zod";
import { emptyList } from "../model/internal/emptyList.js";
import { dayOf } from "../model/internal/dayOf.js";
import { Clinician, type ClinicianInput } from "../model/clinician.js";
import { clientCriteria } from "../model/internal/clientCriteria.js";
import { Directory } from "../model/directory.js";
import type { Urgency } from "../model/enums.js";
import { Compact } from "../model/licensure.js";
import { NowOptions } from "../model/now.js";
import { validate } from "../model/validate.js";
import { reportDuplicateIds } from "../model/internal/reportDuplicateIds.js";
import { findUnknownTags } from "../model/internal/findUnknownTags.js";
import type { UnknownTag } from "../model/unknownTag.js";
import { collectCandidates } from "./internal/collectCandidates.js";
import { compileDirectory } from "./internal/compileDirectory.js";
import { roomFor } from "./internal/packedCapacity.js";
import { FLAG } from "./internal/clinicianFlags.js";
import { evaluateConstraints } from "./internal/evaluateConstraints.js";
import { maxWeightAssignment, type WeightedEdge } from "./internal/maxWeightAssignment.js";
import { prepareQuery } from "./internal/prepareQuery.js";
import type { PreparedQuery } from "./internal/compiled.js";
import { MatcherOptions, Referral, type ReferralInput } from "./schemas.js";
import { scoreOption } from "./internal/scoreOption.js";
import { failedConstraintCounts } from "./internal/failedConstraintCounts.js";
import type { RankedOption } from "./types.js";
import { compareText } from "../model/internal/compareText.js";

// Built once: a schema built per call would be compiled again on every call.
const Clinicians = z.array(Clinician).max(100_000);

/**
 * Options of an assignment: when it happens, the compacts that privileges
 * name, and the matcher's options (weights and the rest).
 *
 * @example
 * ```ts
 * import { AssignmentOptions } from "referwell/match";
 *
 * AssignmentOptions.parse({ now: "2026-11-23" }).compacts; // => []
 * ```
 */
export const AssignmentOptions = z.strictObject({
  ...NowOptions.shape,
  compacts: z.array(Compact).max(1_000).default(emptyList),
  matcher: MatcherOptions.prefault({}),
});
/** Options of an assignment. */
export type AssignmentOptions = z.infer<typeof AssignmentOptions>;
/** {@link AssignmentOptions} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type AssignmentOptionsInput = z.input<typeof AssignmentOptions>;

/** A referral placed with a clinician. */
export interface Assignment {
  /** The referral. */
  readonly referralId: string;
  /** The clinician it goes to. */
  readonly clinicianId: string;
  /** The referral's priority, from its urgency unless given. */
  readonly priority: number;
  /** The scored, explained option. */
  readonly option: RankedOption;
}

/** A referral that could not be placed, and why. */
export interface UnassignedReferral {
  /** The referral. */
  readonly referralId: string;
  /** `no-eligible-clinician`: every clinician fails a hard constraint; `capacity`: the eligible ones are full with referrals that count more. */
  readonly reason: "no-eligible-clinician" | "capacity";
  /** One sentence for people. */
  readonly text: string;
  /** For `no-eligible-clinician`: how many clinicians fail each hard constraint. */
  readonly failedConstraints?: Readonly<Record<string, number>>;
}

/** The assignment of a batch of referrals. */
export interface AssignmentResult {
  /** Placed referrals, in referral id order. */
  readonly assignments: readonly Assignment[];
  /** Referrals not placed, in referral id order. */
  readonly unassigned: readonly UnassignedReferral[];
  /** The objective reached: the sum over placements of priority × (1 + score). */
  readonly objective: number;
  /** Places each clinician had: the smaller of caseload room and this week's new-client places. */
  readonly capacity: Readonly<Record<string, number>>;
  /**
   * The referrals' tags that no vocabulary knows, by path from the
   * `referrals` argument (`[2, "criteria", "prefer", "problemAreas", 0]`),
   * never by value, as a ranking reports them.
   */
  readonly unknownTags: readonly UnknownTag[];
}

const URGENCY_PRIORITY: Readonly<Record<Urgency, number>> = { routine: 1, soon: 2, urgent: 4 };

/**
 * The more urgent of a referral's own urgency and its criteria's, where
 * both are given: where they disagree, a referral never makes a client
 * less urgent than the criteria say (the library's own cautious reading; a
 * host that triaged the client down changes the criteria too).
 */
function moreUrgent(own: Urgency | undefined, asked: Urgency | undefined): Urgency | undefined {
  if (own === undefined || asked === undefined) return own ?? asked;
  return URGENCY_PRIORITY[own] >= URGENCY_PRIORITY[asked] ? own : asked;
}
/** Severe and complex presentations weigh half as much again (a library default). */
const SEVERE_FACTOR = 1.5;
/** Values are compared as integers in millionths, so the optimum is exact and reproducible. */
const SCALE = 1_000_000;

const Referrals = z
  .array(Referral)
  .max(100_000)
  .superRefine((referrals, ctx) => {
    reportDuplicateIds(ctx, referrals, (referral) => referral.id);
  });

/**
 * Assigns many intake referrals across clinicians at once, maximizing the
 * total fit under each clinician's capacity, exactly. Each placement is worth
 * the referral's priority × (1 + its score): placing a referral counts, a
 * better fit counts more, and priorities (urgent 4, soon 2, routine 1, times
 * 1.5 when severe or complex, unless given) weigh both. Hard constraints are the matcher's. Capacity is the
 * smaller of caseload room and this week's remaining new-client places.
 * Solved as a min-cost flow with integer costs; the result depends only on
 * the ids, never on input order.
 *
 * @param referrals - the referrals, each with criteria or a client
 * @param clinicians - the clinicians who may take them
 * @param options - `now` and `timeZone` (an instant falls on its date in `timeZone` when given, else at its own offset), compacts, matcher options
 * @throws {@link InvalidInputError} when an input is malformed or referral ids repeat
 *
 * @example
 * ```ts
 * import { assignReferrals } from "referwell/match";
 *
 * const clinician = (id: string, problemAreas: string[], places: number) => ({
 *   id,
 *   name: id,
 *   discipline: "counselor",
 *   licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *   problemAreas,
 *   populations: ["adults"],
 *   languages: ["en"],
 *   telehealth: true,
 *   availability: { timeZone: "America/Los_Angeles", slots: [] },
 *   acceptingNewClients: true,
 *   capacity: { caseloadMax: 30, caseloadCurrent: 20, weeklyNewClientLimit: places },
 * });
 * const referral = (id: string, need: string, urgency: "routine" | "urgent" = "routine") => ({
 *   id,
 *   urgency,
 *   criteria: { location: { jurisdiction: "US-OR" }, prefer: { problemAreas: [need] } },
 * });
 * const result = assignReferrals(
 *   [referral("r1", "trauma"), referral("r2", "grief"), referral("r3", "trauma", "urgent")],
 *   [clinician("ben", ["trauma"], 1), clinician("hana", ["grief"], 1)],
 *   { now: "2026-11-23" },
 * );
 * result.assignments.map((a) => `${a.referralId}→${a.clinicianId}`); // => ["r2→hana", "r3→ben"]
 * result.unassigned.map((u) => `${u.referralId}: ${u.reason}`); // => ["r1: capacity"]
 * ```
 */
export function assignReferrals(
  referrals: readonly ReferralInput[],
  clinicians: readonly ClinicianInput[],
  options: AssignmentOptionsInput,
): AssignmentResult {
  const batch = validate(Referrals, referrals, "referrals");
  const people = validate(Clinicians, clinicians, "clinicians");
  const settings = validate(AssignmentOptions, options, "options");
  const directory = validate(Directory, { clinicians: people, compacts: settings.compacts }, "clinicians");
  const compiled = compileDirectory(directory, settings.matcher);
  const today = dayOf(settings.now, settings.timeZone);
  const sorted = [...batch].sort((a, b) => compareText(a.id, b.id));

  const capacity: Record<string, number> = {};
  const places = compiled.clinicians.map((clinician) => {
    // A directory compiled here has no empty places; one would have no room.
    if (clinician === undefined) return 0;
    const room = roomFor(compiled.codes, clinician.index, (clinician.flags & FLAG.acceptingNewClients) !== 0);
    capacity[clinician.id] = room;
    return room;
  });

  const edges: WeightedEdge[] = [];
  const priorities = sorted.map((referral) => {
    if (referral.priority !== undefined) return referral.priority;
    const criteria = referral.criteria;
    const urgency = moreUrgent(referral.urgency, criteria?.urgency) ?? "routine";
    const severity = criteria?.severity ?? referral.client?.needs.severity;
    return URGENCY_PRIORITY[urgency] * (severity === "severe" || severity === "complex" ? SEVERE_FACTOR : 1);
  });
  const queries = sorted.map((referral) => {
    const criteria = referral.criteria ?? clientCriteria(referral.client as NonNullable<Referral["client"]>, today);
    // The urgency that sets the priority caps the wait too.
    return prepareQuery(compiled, criteria, criteria.startDate ?? today, undefined, moreUrgent(referral.urgency, criteria.urgency));
  });
  queries.forEach((query, row) => {
    for (const index of collectCandidates(compiled, query)) {
      const clinician = compiled.clinicians[index];
      if (clinician === undefined) continue;
      const constraints = evaluateConstraints(compiled, clinician, query, "first");
      if (constraints.failed !== undefined) continue;
      // Only the value is kept: holding every eligible pair's scoring until the end costs more in memory than scoring the placed pairs again.
      const scored = scoreOption(compiled, clinician, query, constraints);
      edges.push({
        row,
        column: clinician.index,
        value: Math.max(1, Math.round((priorities[row] as number) * (1 + scored.score) * SCALE)),
      });
    }
  });
  const placed = maxWeightAssignment(sorted.length, places, edges);
  const rowsWithOptions = new Set(edges.map((edge) => edge.row));
  const assignments: Assignment[] = [];
  const unassigned: UnassignedReferral[] = [];
  let objective = 0;
  sorted.forEach((referral, row) => {
    const query = queries[row] as PreparedQuery;
    const clinician = compiled.clinicians[placed[row] ?? -1];
    if (clinician !== undefined) {
      const option = scoreOption(compiled, clinician, query, evaluateConstraints(compiled, clinician, query, "first")).explain();
      assignments.push({ referralId: referral.id, clinicianId: option.clinicianId, priority: priorities[row] as number, option });
      objective += (priorities[row] as number) * (1 + option.score);
      return;
    }
    if (rowsWithOptions.has(row)) {
      unassigned.push({
        referralId: referral.id,
        reason: "capacity",
        text: "Every eligible clinician's places went to referrals that count more.",
      });
    } else {
      unassigned.push({
        referralId: referral.id,
        reason: "no-eligible-clinician",
        text: "No clinician passes every hard constraint.",
        failedConstraints: failedConstraintCounts(compiled, query),
      });
    }
  });
  const unknownTags = findUnknownTags(
    compiled.vocabulary,
    batch.map((referral, index) =>
      referral.criteria === undefined
        ? { path: [index, "client"], client: referral.client as NonNullable<Referral["client"]> }
        : { path: [index, "criteria"], criteria: referral.criteria },
    ),
  );
  return { assignments, unassigned, objective, capacity, unknownTags };
}
