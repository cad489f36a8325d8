import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { calendarDays } from "../../model/internal/calendarDays.js";
import { describeDate } from "../../model/internal/describeDate.js";
import { IsoDate, type PayerRef, type Urgency, type Vocabulary } from "../../model/index.js";
import { validate } from "../../model/validate.js";
import type { RuleContext } from "../createRuleContext.js";
import type { Instrument, ReferralCase, ReferralPolicy } from "../schemas.js";
import { checkScoreRanges } from "./checkScoreRanges.js";
import { describeMoney } from "./describeMoney.js";
import { episodeRecords } from "./episodeRecords.js";
import { findNetworkChange } from "./findNetworkChange.js";
import { inNetworkOn } from "./inNetworkOn.js";
import { paymentWays } from "./paymentWays.js";
import { progressOf } from "./progressOf.js";
import { pairedProgressOf } from "./pairedProgressOf.js";
import { readSafety } from "./readSafety.js";
import { scoresByInstrument } from "./scoresByInstrument.js";

/** What a context is built with once the options are read: the day, the policy with its defaults, every instrument, a vocabulary. */
export interface ContextSettings {
  readonly now: IsoDate;
  readonly policy: ReferralPolicy;
  readonly instruments: readonly Instrument[];
  readonly vocabulary: Vocabulary;
  /**
   * How many days ahead dated changes are looked for when that is more than
   * the policy's look-ahead: `assessPanelExit` reaches an exit beyond it.
   * The policy's own look-ahead still says how long ways to pay must hold.
   */
  readonly reachDays?: number;
}

/** The last instruments indexed, as a copy: every case of a host's run usually has the same ones, the built-in instruments. */
let lastIndexed: { readonly instruments: readonly Instrument[]; readonly byId: ReadonlyMap<string, Instrument> } | undefined;

/** The instruments by id; the same instruments (the same objects, in the same order) as last time give the same index. */
function instrumentsById(instruments: readonly Instrument[]): ReadonlyMap<string, Instrument> {
  const last = lastIndexed?.instruments;
  const same =
    last !== undefined && last.length === instruments.length && last.every((instrument, index) => instrument === instruments[index]);
  if (!same || lastIndexed === undefined) {
    lastIndexed = { instruments: [...instruments], byId: new Map(instruments.map((instrument) => [instrument.id, instrument])) };
  }
  return lastIndexed.byId;
}

/**
 * The rule context of a case already validated: scores checked against
 * their instruments, then the facts every rule reads derived once. Shared by
 * `createRuleContext`, which validates the case first, and
 * `assessPanelExit`, which validates a whole panel exit once.
 */
export function buildRuleContext(parsed: ReferralCase, settings: ContextSettings): RuleContext {
  const { now, policy, instruments, vocabulary } = settings;
  const instrumentById = instrumentsById(instruments);
  checkScoreRanges(parsed.measurements, instrumentById);

  const { client, clinician } = parsed;
  const episodeStart = parsed.episode?.start;
  const horizon = addCalendarDays(now, Math.max(policy.lookAheadDays, settings.reachDays ?? 0));
  const inEpisode = (date: string): boolean => date <= now && (episodeStart === undefined || date >= episodeStart);
  const records = episodeRecords(parsed, inEpisode);
  const hardship = parsed.hardship?.reported;

  // The clinician's tags, as codes, once: every rule that compares tags reads these.
  const treated = new Set(clinician.problemAreas.map((tag) => vocabulary.canonical("problemAreas", tag)));
  const offered = new Set(clinician.modalities.map((tag) => vocabulary.canonical("modalities", tag)));

  const inNetwork = (date: string): PayerRef[] => inNetworkOn(client, clinician, date);
  const inNetworkToday = inNetwork(now);
  const urgencyOf = (date: string): Urgency => {
    const days = calendarDays(now, date);
    return days <= policy.urgentWithinDays ? "urgent" : days <= policy.soonWithinDays ? "soon" : "routine";
  };
  const network = { now, horizon, episodeStart, client, clinician, policy, inNetworkOn: inNetwork, inNetworkToday, urgencyOf };
  const { loss: networkLoss, gap: networkGap } = findNetworkChange(network);
  const scoresBy = scoresByInstrument(records.measurements, inEpisode);
  const instrument = (id: string): Instrument | undefined => instrumentById.get(id);
  const progress = progressOf(instruments, scoresBy, policy.progress.deterioration);
  const pairedProgress = pairedProgressOf(progress, policy.progress.paired);
  const { measurements, risk } = records;
  const safety = readSafety({ now, episodeStart, client, measurements, risk, instrument, vocabulary, policy: policy.safety });

  // Every key always present, in one order: rules read contexts of one shape, which keeps their property reads fast.
  return {
    now,
    horizon,
    client,
    clinician,
    episodeStart,
    ...records,
    hardshipReported: hardship === undefined || !inEpisode(hardship) ? undefined : hardship,
    compacts: parsed.compacts,
    safety,
    policy,
    instruments,
    vocabulary,
    instrument,
    series: (instrumentId) => scoresBy.get(instrumentId) ?? [],
    progress,
    pairedProgress,
    treats: (problemArea) => treated.has(vocabulary.canonical("problemAreas", problemArea)),
    offers: (modality) => offered.has(vocabulary.canonical("modalities", modality)),
    inNetworkOn: inNetwork,
    inNetworkToday,
    networkLoss,
    networkGap,
    urgencyOf,
    paymentAlternatives: (payers, on = now, until) => {
      // A host's rule may pass any string: a day that is not one is refused by name, as input is, never read as a date.
      const from = validate(IsoDate, on, "on");
      const to = until === undefined ? addCalendarDays(from, policy.lookAheadDays) : validate(IsoDate, until, "until");
      return paymentWays({ policy, client, clinician }, payers, from, to).alternatives;
    },
    describeDate,
    describeMoney,
  };
}
