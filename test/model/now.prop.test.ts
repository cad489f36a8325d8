/**
 * One `now` everywhere: every function that takes a time reads the same day
 * from it. An instant falls on its date at its own offset, or, with a
 * `timeZone`, on its date there; so passing the instant or that date gives
 * the same result, capability by capability. Where the day decides a
 * disclosure (consent), an instant without a zone is read the cautious way:
 * it discloses no more than the date it was written on.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { calendarDateOf, type ClientInput, type ClinicianInput } from "referwell";
import { dueTouches, planTouches } from "referwell/cadence";
import { composeUpdate, type ConsentInput, evaluateConsent } from "referwell/consent";
import { assignReferrals, createMatcher, scoreMatch } from "referwell/match";
import { assessPanelExit, assessReferral, createRuleContext } from "referwell/refer";
import {
  assessNetwork,
  findLateralOpportunities,
  type RelationshipEventInput,
  relationshipState,
  suggestNextActions,
} from "referwell/relationships";
import { wallClock } from "../support/wallClock.js";

const DAY_MS = 86_400_000;
const shift = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const two = (n: number): string => String(n).padStart(2, "0");

/** Zones on both sides of UTC, with half-hour offsets and daylight saving north and south. */
const ZONES = [
  "America/Los_Angeles",
  "America/New_York",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Pacific/Honolulu",
];

/** An instant near any hour of a day in 2026–2027, written at an offset from −12:00 to +14:00. */
const moment = fc
  .record({
    days: fc.integer({ min: 0, max: 729 }),
    minutes: fc.integer({ min: 0, max: 1439 }),
    quarters: fc.integer({ min: -48, max: 56 }),
    zone: fc.constantFrom(...ZONES),
  })
  .map(({ days, minutes, quarters, zone }) => {
    const date = shift("2026-01-01", days);
    const offset = Math.abs(quarters) * 15;
    const sign = quarters < 0 ? "-" : "+";
    const instant = `${date}T${two(Math.floor(minutes / 60))}:${two(minutes % 60)}:00${sign}${two(Math.floor(offset / 60))}:${two(offset % 60)}`;
    return { date, instant, zone };
  });

interface Clock {
  readonly now: string;
  readonly timeZone?: string;
}

// Fixtures dated around `day`, the instant's own date, so every result depends on the day read.
const clinician = (day: string): ClinicianInput => ({
  id: "clin-ana",
  name: "Ana Ruiz",
  discipline: "psychologist",
  practiceId: "harbour",
  licensure: { licenses: [{ jurisdiction: "US-OR" }] },
  problemAreas: ["depression"],
  populations: ["adults"],
  languages: ["en"],
  insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01", end: shift(day, 1) } }],
  fee: { currency: "USD", minorUnits: 19000 },
  availability: { timeZone: "America/Los_Angeles", slots: [{ day: "tue", start: "09:00", end: "17:00" }] },
  acceptingNewClients: true,
  capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
});
const client = (day: string): ClientInput => ({
  id: "cl-01",
  ageGroup: "adult",
  residence: { jurisdiction: "US-OR" },
  plannedMoves: [{ date: shift(day, 20), to: { jurisdiction: "US-WA" } }],
  coverage: [{ payerId: "aetna", period: { start: "2024-01-01", end: day } }],
  needs: { problemAreas: ["depression"] },
});
// For the matcher: cover that continues, with a panel that ends on the day, so the next day the clinician is out of network.
const matchClinician = (day: string): ClinicianInput => ({
  ...clinician(day),
  insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01", end: day } }],
});
const matchClient = (day: string): ClientInput => ({ ...client(day), coverage: [{ payerId: "aetna", period: { start: "2024-01-01" } }] });
const referralCase = (day: string) => ({ client: client(day), clinician: clinician(day), episode: { start: shift(day, -300) } });
const event = (id: string, date: string, type: string, more: object = {}) =>
  ({ id, date, type, clinicianId: "clin-ana", referrerId: "gp-1", ...more }) as RelationshipEventInput;

const state = (day: string) =>
  relationshipState(
    [
      event("e1", shift(day, -200), "meeting-held", { fit: true }),
      event("e2", shift(day, -61), "referral-received", { addressedTo: "point-person" }),
      event("e3", shift(day, -60), "touch", { kind: "coffee" }),
    ],
    { now: shift(day, -30) },
  );
const consents = (day: string): ConsentInput[] => [
  {
    id: "cons-01",
    clientId: "cl-01",
    status: "active",
    kind: "general",
    signed: shift(day, -100),
    period: { start: shift(day, -100), end: day },
    recipients: [{ referrerId: "gp-1" }],
    purposes: ["COC"],
    categories: ["acknowledgement", "attendance"],
  },
];

/** Each capability's entries that take a time, run on fixtures dated around `day`. */
const capabilities: {
  name: string;
  zoneRequired?: boolean;
  /** What it discloses, for a capability that reads an instant without a zone on every day it may be (the cautious reading). */
  discloses?: (result: unknown) => readonly string[];
  run: (clock: Clock, day: string) => unknown;
}[] = [
  { name: "calendarDateOf", run: ({ now, ...options }) => calendarDateOf(now, options) },
  { name: "refer: assessReferral", run: (clock, day) => assessReferral(referralCase(day), clock) },
  {
    name: "refer: createRuleContext",
    run: (clock, day) => {
      const { now, horizon, inNetworkToday, networkLoss, networkGap } = createRuleContext(referralCase(day), clock);
      return { now, horizon, inNetworkToday, networkLoss, networkGap };
    },
  },
  {
    name: "refer: assessPanelExit",
    run: (clock, day) =>
      assessPanelExit(
        {
          date: shift(day, 1),
          practiceId: "harbour",
          payerIds: ["aetna"],
          clinicians: [{ ...clinician(day), insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01" } }] }],
          clients: [{ ...client(day), coverage: [{ payerId: "aetna", period: { start: "2024-01-01" } }] }],
          episodes: [{ clientId: "cl-01", clinicianId: "clin-ana" }],
        },
        clock,
      ),
  },
  {
    name: "match: rank",
    run: (clock, day) => createMatcher({ clinicians: [matchClinician(day)] }).rank({ client: matchClient(day) }, clock),
  },
  { name: "match: scoreMatch", run: (clock, day) => scoreMatch({ client: matchClient(day) }, matchClinician(day), clock) },
  {
    name: "match: assignReferrals",
    run: (clock, day) => assignReferrals([{ id: "r1", client: matchClient(day) }], [matchClinician(day)], clock),
  },
  {
    name: "consent: evaluateConsent",
    discloses: (result) => ((result as { decision: string }).decision === "permit" ? ["permit"] : []),
    run: (clock, day) =>
      evaluateConsent(
        consents(day),
        { client: "cl-01", recipient: { referrerId: "gp-1" }, purpose: "COC", category: "attendance", at: clock.now },
        clock.timeZone === undefined ? {} : { timeZone: clock.timeZone },
      ),
  },
  {
    name: "consent: composeUpdate",
    discloses: (result) => (result as { included: readonly string[] }).included,
    run: (clock, day) =>
      composeUpdate({
        kind: "progress",
        client: { id: "cl-01", displayName: "Jordan" },
        recipient: { referrerId: "gp-1", name: "Dr Lin" },
        purpose: "COC",
        facts: [{ id: "f1", clientId: "cl-01", category: "attendance", recorded: shift(day, -3), text: "Attended 6 of 6 sessions." }],
        consents: consents(day),
        ...clock,
      }),
  },
  { name: "relationships: relationshipState", run: (clock, day) => relationshipState(state(day).events, clock) },
  { name: "relationships: suggestNextActions", run: (clock, day) => suggestNextActions(state(day), clock) },
  {
    name: "relationships: assessNetwork",
    run: (clock, day) => assessNetwork([{ id: "gp-1", name: "Dr Lin", kind: "gp" }], [state(day)], { monthlyNewMeetings: 2 }, clock),
  },
  {
    name: "relationships: findLateralOpportunities",
    run: (clock, day) =>
      findLateralOpportunities(
        [1, 2].map((n) => ({ id: `o${n}`, date: shift(day, -364 - n + 2), clinicianId: "clin-ana", discipline: "dietitian" })),
        [],
        [],
        { ...clock, minReferrals: 2 },
      ),
  },
  {
    name: "cadence: dueTouches",
    run: (clock, day) =>
      dueTouches([state(day)], {
        ...clock,
        mutualClients: [
          { referrerId: "gp-1", episodeId: "ep-1", clinicianId: "clin-ana", consentAllowsNote: true, since: shift(day, -30) },
        ],
      }),
  },
  {
    name: "cadence: planTouches",
    zoneRequired: true,
    run: (clock, day) =>
      planTouches(
        [0, 1, 2].map((n) => ({
          id: `t${n}`,
          referrerId: "gp-1",
          clinicianId: "clin-ana",
          reason: "cadence",
          dueDate: shift(day, n - 1),
          overdueDays: 0,
          suggestedKind: "coffee",
          value: 2,
          explanation: "About every 60 days.",
        })),
        {
          from: clock.now,
          timeZone: clock.timeZone ?? "UTC",
          weeks: 1,
          capacity: 5,
          workingDays: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        },
      ),
  },
];

describe.each(capabilities.filter((capability) => capability.zoneRequired !== true && capability.discloses === undefined))(
  "$name",
  ({ run }) => {
    test.prop([moment])("own offset: an instant gives the result of the date it was written on", ({ date, instant }) => {
      expect(run({ now: instant }, date)).toEqual(run({ now: date }, date));
    });
  },
);

describe.each(capabilities.filter((capability) => capability.discloses !== undefined))("$name", ({ run, discloses }) => {
  test.prop([moment])("cautious without a zone: an instant discloses no more than the date it was written on", ({ date, instant }) => {
    const read = discloses as (result: unknown) => readonly string[];
    const written = new Set(read(run({ now: date }, date)));
    for (const item of read(run({ now: instant }, date))) expect(written.has(item)).toBe(true);
  });
});

describe.each(capabilities)("$name", ({ run }) => {
  test.prop([moment])("time zone: an instant gives the result of the date it falls on in the zone", ({ date, instant, zone }) => {
    expect(run({ now: instant, timeZone: zone }, date)).toEqual(run({ now: wallClock(instant, zone).date, timeZone: zone }, date));
  });
});
