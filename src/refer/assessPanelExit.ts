import { isVocabulary } from "../model/internal/isVocabulary.js";
import { sharedVocabulary } from "../model/internal/sharedVocabulary.js";
import * as z from "zod";
import { type InsurancePanel, NowOptions, validate, type Vocabulary } from "../model/index.js";
import { addCalendarDays } from "../model/internal/addCalendarDays.js";
import { calendarDays } from "../model/internal/calendarDays.js";
import { compareText } from "../model/internal/compareText.js";
import { dayOf } from "../model/internal/dayOf.js";
import { assessContext } from "./internal/assessContext.js";
import { buildRuleContext } from "./internal/buildRuleContext.js";
import { mergeInstruments } from "./internal/mergeInstruments.js";
import { exitPayers, exitRuleFor } from "./internal/exitRule.js";
import type { PanelExitResult } from "./results.js";
import { leavingPanelRule } from "./rules/leavingPanelRule.js";
import { PanelExit, type PanelExitInput, ReferralCase, ReferralPolicy, type ReferralPolicyInput } from "./schemas.js";

/** The options of {@link assessPanelExit}. */
export interface AssessPanelExitOptions {
  /** When the assessment happens: an instant with its offset, or a calendar date (see `Now`). */
  readonly now: string;
  /**
   * The IANA time zone whose calendar day an instant `now` falls on
   * (`2026-11-23T22:00:00Z` is the 24th in `Australia/Sydney`). Without it,
   * an instant falls on its date at its own offset; a date is that day
   * either way.
   */
  readonly timeZone?: string;
  /** The practice's referral policy. Dated changes are looked for as far as the exit date; ways to pay are judged over the policy's own look-ahead. */
  readonly policy?: ReferralPolicyInput;
  /** A compiled vocabulary; without one, the default is compiled once for the call. */
  readonly vocabulary?: Vocabulary;
}

const ExitOptions = z.strictObject({
  ...NowOptions.shape,
  policy: ReferralPolicy.prefault({}),
  vocabulary: z.custom<Vocabulary>(isVocabulary).optional(),
});

const MAX_LOOK_AHEAD = 3_650;

/** A case's records, none of them: a panel exit holds no scores, sessions or risk ratings. */
const noRecords = (): Omit<ReferralCase, "client" | "clinician"> => CaseRecords.parse({});
const CaseRecords = ReferralCase.omit({ client: true, clinician: true });

/**
 * A clinician or a whole practice leaving payer panels (or going self-pay)
 * on a date: which clients in care lose in-network cover and need a
 * referral, each with an assessment whose criteria ask for the panel being
 * left (seed 002: choose a therapist from the panel that you're leaving;
 * after an exit already past, the networks a client who has left that
 * payer since holds today) and whose alternatives follow the policy
 * (self-pay, superbill, out-of-network billing; after an exit already past,
 * as the cover the client holds today allows). Only losses this exit causes count: a finding
 * dated the exit date that names one of its payers (any payer when going
 * self-pay); a panel that ended earlier, even within the episode, is not
 * this exit's concern. Clients who stay covered (another panel of the
 * clinician takes their insurance) are not listed. Referrals are sorted by
 * client, then clinician.
 *
 * @param input - the exit and the clients in care (see {@link PanelExit})
 * @param options - `now` and `timeZone` (an instant falls on its date in `timeZone` when given, else at its own offset), and optionally `policy` and `vocabulary`
 * @throws {@link InvalidInputError} when the input or the options break a
 * rule (an episode naming an unknown client or clinician, duplicate ids)
 *
 * @example
 * ```ts
 * import type { ClientInput, ClinicianInput } from "referwell";
 * import { assessPanelExit } from "referwell/refer";
 *
 * const clinician: ClinicianInput = {
 *   id: "clin-ana",
 *   name: "Ana Ruiz",
 *   discipline: "psychologist",
 *   practiceId: "harbour",
 *   licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *   populations: ["adults"],
 *   languages: ["en"],
 *   insurancePanels: [
 *     { payerId: "aetna", period: { start: "2021-03-01" } },
 *     { payerId: "regence", period: { start: "2020-01-01" } },
 *   ],
 *   fee: { currency: "USD", minorUnits: 19000 },
 *   availability: { timeZone: "America/Los_Angeles", slots: [] },
 *   acceptingNewClients: true,
 *   capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 * };
 * const client = (id: string, payerId: string): ClientInput => ({
 *   id,
 *   ageGroup: "adult",
 *   residence: { jurisdiction: "US-OR" },
 *   coverage: [{ payerId, period: { start: "2024-01-01" } }],
 *   maxSelfPay: { currency: "USD", minorUnits: 10000 },
 *   needs: { problemAreas: ["depression"] },
 * });
 * const result = assessPanelExit(
 *   {
 *     date: "2027-03-01",
 *     practiceId: "harbour",
 *     payerIds: ["aetna"],
 *     clinicians: [clinician],
 *     clients: [client("cl-01", "aetna"), client("cl-09", "regence")],
 *     episodes: [
 *       { clientId: "cl-09", clinicianId: "clin-ana" },
 *       { clientId: "cl-01", clinicianId: "clin-ana" },
 *     ],
 *   },
 *   { now: "2026-11-23" },
 * );
 * result.referrals.map((referral) => [referral.clientId, referral.payerIds]); // => [["cl-01", ["aetna"]]]
 * result.referrals[0]?.assessment.criteria.require.payment?.payers; // => [{ payerId: "aetna" }]
 * result.referrals[0]?.assessment.urgency; // => "routine"
 * ```
 */
export function assessPanelExit(input: PanelExitInput, options: AssessPanelExitOptions): PanelExitResult {
  const settings = validate(ExitOptions, options, "options");
  const { policy, vocabulary: given } = settings;
  const now = dayOf(settings.now, settings.timeZone);
  const exit = validate(PanelExit, input, "panelExit");
  const vocabulary = given ?? sharedVocabulary();
  const lastDay = addCalendarDays(exit.date, -1);
  // The exit is looked for however far off it is; the policy's look-ahead still says how long ways to pay must hold.
  const reachDays = Math.min(MAX_LOOK_AHEAD, Math.max(policy.lookAheadDays, calendarDays(now, exit.date)));
  // Sets, not lists: a look-up per clinician and per panel would otherwise scan every id named.
  const named = new Set(exit.clinicianIds);
  const payers = exit.payerIds === undefined ? undefined : new Set(exit.payerIds);
  const ends = (panel: InsurancePanel): boolean => payers === undefined || payers.has(panel.payerId);
  // A panel that ends with the exit: cut at the last day in network, or dropped if it would only start later.
  const cut = (panel: InsurancePanel): InsurancePanel[] => {
    if (!ends(panel)) return [panel];
    if (panel.period.start > lastDay) return [];
    const end = panel.period.end !== undefined && panel.period.end < lastDay ? panel.period.end : lastDay;
    return [{ ...panel, period: { start: panel.period.start, end } }];
  };
  // Each leaving clinician as they will be after the exit, cut once: a clinician sees many clients.
  const leaving = new Map(
    exit.clinicians
      .filter((clinician) => named.has(clinician.id) || (exit.practiceId !== undefined && clinician.practiceId === exit.practiceId))
      .map((clinician) => [clinician.id, { ...clinician, insurancePanels: clinician.insurancePanels.flatMap(cut) }]),
  );
  const clients = new Map(exit.clients.map((client) => [client.id, client]));
  const episodes = [...exit.episodes].sort((a, b) => compareText(a.clientId, b.clientId) || compareText(a.clinicianId, b.clinicianId));

  const exitRule = exitRuleFor(exit);
  const context = { now, policy, reachDays, instruments: mergeInstruments([]), vocabulary };

  const referrals: PanelExitResult["referrals"] = [];
  const continuing: PanelExitResult["continuing"] = [];
  for (const episode of episodes) {
    const clinician = leaving.get(episode.clinicianId);
    const client = clients.get(episode.clientId);
    if (clinician === undefined || client === undefined) continue;
    // Every part was validated with the panel exit; the cut panels are ranges within valid ones.
    const parts: ReferralCase = {
      ...noRecords(),
      client,
      clinician,
      ...(episode.start === undefined ? {} : { episode: { start: episode.start } }),
    };
    const assessment = assessContext([exitRule], buildRuleContext(parts, context));
    if (assessment.refer) {
      referrals.push({ clientId: client.id, clinicianId: clinician.id, payerIds: exitPayers(assessment.findings), assessment });
      continue;
    }
    const way = assessment.notices.find((notice) => notice.code === leavingPanelRule.id);
    if (way === undefined) continue;
    const { notices } = assessment;
    continuing.push({ clientId: client.id, clinicianId: clinician.id, payerIds: exitPayers(notices), ways: way.alternatives, notices });
  }
  return { date: exit.date, selfPay: exit.payerIds === undefined, referrals, continuing };
}
