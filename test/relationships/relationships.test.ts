import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { InvalidInputError, type Referrer } from "referwell";
import { intakeMeasures } from "referwell/intake";
import {
  assessNetwork,
  findLateralOpportunities,
  type RelationshipEvent,
  type RelationshipPolicyInput,
  relationshipState,
  suggestNextActions,
} from "referwell/relationships";

let n = 0;
const ev = (date: string, type: string, more: object = {}): RelationshipEvent =>
  ({ id: `e${String((n += 1)).padStart(3, "0")}`, date, type, clinicianId: "clin-ana", referrerId: "ref-1", ...more }) as RelationshipEvent;
const state = (events: RelationshipEvent[], now = "2026-11-23", more: object = {}) =>
  relationshipState(events, { now, referrerId: "ref-1", ...more });
const codes = (events: RelationshipEvent[], now = "2026-11-23") => suggestNextActions(state(events, now), { now }).map((a) => a.code);

describe("lifecycle", () => {
  it("prospect → contacted → met → nurturing → active → dormant → closed, and revived", () => {
    expect(state([]).lifecycle).toBe("prospect");
    const outreach = ev("2026-10-01", "outreach-sent");
    expect(state([outreach]).lifecycle).toBe("contacted");
    const meeting = ev("2026-10-10", "meeting-held", { fit: true });
    expect(state([outreach, meeting]).lifecycle).toBe("met");
    const coffee = ev("2026-10-20", "touch", { kind: "coffee" });
    expect(state([outreach, meeting, coffee]).lifecycle).toBe("nurturing");
    expect(state([outreach, meeting, coffee]).lifecycleSince).toBe("2026-10-20");
    const referral = ev("2026-11-01", "referral-received", { addressedTo: "point-person" });
    expect(state([outreach, meeting, coffee, referral]).lifecycle).toBe("active");
    expect(state([outreach, meeting, coffee, referral], "2027-04-30").lifecycle).toBe("active");
    // 180 days after the last activity it is still active; the day after, dormant.
    expect(state([outreach, meeting, coffee, referral], "2027-05-01").lifecycle).toBe("dormant");
    expect(state([outreach, meeting, coffee, referral], "2027-05-01").lifecycleSince).toBe("2027-05-01");
    const recentCoffee = ev("2027-02-01", "touch", { kind: "coffee" });
    expect(state([outreach, meeting, coffee, referral, recentCoffee], "2027-05-01").lifecycle).toBe("nurturing");
    const closed = ev("2026-11-10", "relationship-closed", { reason: "moved" });
    expect(state([outreach, meeting, closed]).closed).toEqual({ date: "2026-11-10", reason: "moved" });
    expect(state([outreach, meeting, closed]).lifecycle).toBe("closed");
    expect(state([outreach, meeting, closed, ev("2026-11-20", "relationship-revived")]).lifecycle).toBe("met");
  });

  it("shows in console.log and util.inspect as the plain object its JSON is, lists included", () => {
    const s = state([ev("2026-10-01", "outreach-sent"), ev("2026-10-10", "meeting-held", { fit: true })]);
    const shown = inspect(s, { depth: 4 });
    expect(shown).not.toContain("Getter");
    expect(shown).toBe(inspect(JSON.parse(JSON.stringify(s)), { depth: 4 }));
    expect(Object.keys(s)).toEqual(Object.keys(JSON.parse(JSON.stringify(s))));
    // Nested, it is shown to the depth asked for, as the plain object would be (lines may break at other places).
    const words = (text: string) => text.replace(/\s+/g, " ");
    for (const depth of [0, 1, 2, 5, null])
      expect(words(inspect({ logged: { state: s } }, { depth }))).toBe(
        words(inspect({ logged: { state: JSON.parse(JSON.stringify(s)) } }, { depth })),
      );
  });

  it("a meeting that is not a fit does not nurture", () => {
    const s = state([ev("2026-10-10", "meeting-held", { fit: false }), ev("2026-10-20", "touch", { kind: "email" })]);
    expect(s.lifecycle).toBe("met");
    expect(s.fit).toBe(false);
  });
});

describe("stages (seed 001)", () => {
  it("1 with the point person, 2 when trying a colleague, 3 by breadth across colleagues", () => {
    const first = ev("2026-01-10", "referral-received", { addressedTo: "point-person" });
    const s1 = state([first]);
    expect([s1.stage, s1.pointPersonId]).toEqual([1, "clin-ana"]);
    const toDev = ev("2026-03-10", "referral-received", { addressedTo: "colleague", clinicianId: "clin-dev" });
    expect(state([first, toDev]).stage).toBe(2);
    const more = [
      ev("2026-05-10", "referral-received", { addressedTo: "colleague", clinicianId: "clin-ben" }),
      ev("2026-06-10", "referral-received", { addressedTo: "colleague", clinicianId: "clin-elif" }),
    ];
    const s3 = state([first, toDev, ...more]);
    expect(s3.stage).toBe(3);
    expect(s3.stageEvidence.map((e) => e.reason)).toEqual(["first-referral", "referral-to-colleague", "colleague-breadth"]);
    expect(s3.daysInStage).toEqual({ 1: 59, 2: 92, 3: 166 });
    expect(s3.signals.breadth).toBe(4);
  });

  it("policy: breadth alone need not reach stage 3, and stages may fall back when dormant", () => {
    const referrals = ["clin-dev", "clin-ben", "clin-elif"].map((c, i) =>
      ev(`2026-0${i + 2}-01`, "referral-received", { addressedTo: "colleague", clinicianId: c }),
    );
    expect(
      state([ev("2026-01-01", "referral-received", { addressedTo: "point-person" }), ...referrals], "2026-11-23", {
        policy: { stage3DistinctColleagues: 5 },
      }).stage,
    ).toBe(2);
    const practice = ev("2025-01-01", "referral-received", { addressedTo: "practice" });
    expect(state([practice], "2026-11-23").stage).toBe(3);
    expect(state([practice], "2026-11-23", { policy: { allowFallback: true } }).stage).toBe(1);
  });

  it("a changed point person takes over", () => {
    expect(state([ev("2026-01-01", "outreach-sent"), ev("2026-02-01", "point-person-changed", { to: "clin-dev" })]).pointPersonId).toBe(
      "clin-dev",
    );
  });
});

describe("collaboration and signals (seed 004)", () => {
  it("names the kind of collaboration; reciprocity is a signal, not a ledger", () => {
    expect(state([ev("2026-10-01", "referral-received", { addressedTo: "point-person" })]).collaboration).toBe("obvious");
    expect(state([ev("2026-10-01", "referral-sent")]).collaboration).toBe("lateral");
    expect(state([ev("2026-10-01", "touch", { kind: "talk-given" })]).collaboration).toBe("knowledge-for-referrals");
    expect(
      state([ev("2026-10-01", "referral-received", { addressedTo: "point-person" })], "2026-11-23", {
        referrerKind: "therapist-same-specialty",
      }).collaboration,
    ).toBe("competition");
    const mutual = state([ev("2026-10-01", "referral-received", { addressedTo: "point-person" }), ev("2026-10-05", "referral-sent")]);
    expect(mutual.signals.reciprocity).toBe("mutual");
    expect(mutual.signals.recencyDays).toBe(49);
  });
});

describe("next actions", () => {
  it("thank after a referral, until a thank-you is logged", () => {
    const referral = ev("2026-11-18", "referral-received", { addressedTo: "point-person" });
    expect(codes([referral])).toContain("thank-referrer");
    expect(codes([referral, ev("2026-11-19", "touch", { kind: "thank-you" })])).not.toContain("thank-referrer");
  });

  it("follow up after a fit meeting, close a non-fit politely, follow up outreach", () => {
    expect(codes([ev("2026-11-17", "meeting-held", { fit: true })])).toEqual(["follow-up-meeting"]);
    expect(suggestNextActions(state([ev("2026-11-17", "meeting-held", { fit: true })]), { now: "2026-11-23" })[0]?.dueDate).toBe(
      "2026-11-24",
    );
    expect(codes([ev("2026-06-20", "meeting-held", { fit: false })])).toEqual(["close-politely"]);
    expect(codes([ev("2026-11-09", "outreach-sent")])).toEqual(["follow-up-outreach"]);
  });

  it("introduce a colleague after referrals to the point person; present the practice at stage 2", () => {
    const twice = [
      ev("2026-05-01", "referral-received", { addressedTo: "point-person" }),
      ev("2026-07-01", "referral-received", { addressedTo: "point-person" }),
      ev("2026-07-02", "touch", { kind: "thank-you" }),
    ];
    expect(codes(twice)).toContain("introduce-colleague");
    expect(codes([...twice, ev("2026-08-01", "colleague-introduced", { colleagueId: "clin-dev" })])).not.toContain("introduce-colleague");
    const stage2 = [
      ...twice,
      ev("2026-09-01", "referral-received", { addressedTo: "colleague", clinicianId: "clin-dev" }),
      ev("2026-09-02", "touch", { kind: "thank-you" }),
    ];
    expect(codes(stage2)).toContain("present-the-practice");
    expect(codes([...stage2, ev("2026-09-10", "touch", { kind: "practice-overview" })])).not.toContain("present-the-practice");
  });

  it("nurture every two months; revive when dormant; nothing while snoozed", () => {
    const fit = [ev("2026-01-10", "meeting-held", { fit: true }), ev("2026-08-01", "touch", { kind: "coffee" })];
    const nurture = suggestNextActions(state(fit), { now: "2026-11-23" }).find((a) => a.code === "nurture");
    // Two calendar months, as seed 003 says it: 1 August → 1 October, not 60 days (30 September).
    expect(nurture?.dueDate).toBe("2026-10-01");
    expect(nurture?.overdueDays).toBe(53);
    expect(nurture?.reason).toMatch(/^Touch base about every 2 months:/);
    expect(codes(fit, "2027-03-01")).toEqual(["revive"]);
    expect(codes([...fit, ev("2026-11-01", "snoozed", { until: "2026-12-31" })])).toEqual([]);
  });

  it("due in the owner's calendar: an instant read in the owner's zone (Sydney at 20:00 UTC on 1 March is 2 March)", () => {
    const received = state([ev("2026-02-28", "referral-received", { addressedTo: "point-person" })], "2026-02-28");
    const thanks = (options: { now: string; timeZone?: string }) =>
      suggestNextActions(received, options).find((a) => a.code === "thank-referrer");
    expect(thanks({ now: "2026-03-01T20:00:00Z", timeZone: "Australia/Sydney" })).toMatchObject({ dueDate: "2026-03-02", overdueDays: 0 });
    expect(thanks({ now: "2026-03-01T20:00:00Z", timeZone: "America/Los_Angeles" })?.overdueDays).toBe(-1);
    expect(thanks({ now: "2026-03-01T20:00:00Z" })?.overdueDays).toBe(-1);
  });

  it("follow-ups and snoozes in days, weeks or calendar months; month ends clamp", () => {
    const meeting = [ev("2026-01-31", "meeting-held", { fit: true })];
    const followUp = (policy: RelationshipPolicyInput) =>
      suggestNextActions(relationshipState(meeting, { now: "2026-01-31", policy }), { now: "2026-01-31" }).find(
        (a) => a.code === "follow-up-meeting",
      )?.dueDate;
    expect(followUp({})).toBe("2026-02-07");
    expect(followUp({ followUpAfterMeetingDays: { weeks: 2 } })).toBe("2026-02-14");
    expect(followUp({ followUpAfterMeetingDays: { months: 1 } })).toBe("2026-02-28");
    expect(followUp({ followUpAfterMeetingDays: 0 })).toBe("2026-01-31");
    // Snoozed for a month from 31 January: through 27 February, back on 28 February.
    const snoozed = relationshipState([...meeting, ev("2026-01-31", "snoozed", { for: { months: 1 } })], { now: "2026-02-01" });
    expect(snoozed.snoozedUntil).toBe("2026-02-27");
    expect(() => relationshipState([ev("2026-01-31", "snoozed", {})], { now: "2026-02-01" })).toThrow(
      "events[0].until must give exactly one of the alternatives",
    );
  });
});

describe("the network (seed 003) and lateral opportunities (seed 004), on the sample practice", () => {
  const data = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/data/${name}`, import.meta.url), "utf8"));
  const referrers: Referrer[] = data("referrers.json");
  const histories = data("histories.json");
  const byReferrer = new Map<string, RelationshipEvent[]>();
  for (const event of histories.relationshipEvents) byReferrer.set(event.referrerId, [...(byReferrer.get(event.referrerId) ?? []), event]);
  const states = [...byReferrer].map(([referrerId, events]) =>
    relationshipState(events, { now: "2026-11-23", referrerId, referrerKind: referrers.find((r) => r.id === referrerId)?.kind }),
  );

  it("measures the mix against the goals and names the gaps", () => {
    const network = assessNetwork(referrers, states, {}, { now: "2026-11-23" });
    const goal = (name: string) => network.goals.filter((g) => g.goal === name);
    expect(goal("other-specialty-therapists")[0]?.current).toBe(1);
    expect(goal("other-specialty-therapists")[0]?.met).toBe(false);
    expect(goal("health-professionals").map((g) => [g.text, g.met])).toEqual([
      ["Health professionals (gp): 1 established.", true],
      ["Health professionals (paediatrician): 1 established.", true],
      ["Health professionals (gynaecologist): 1 established.", true],
      ["Health professionals (psychiatrist): 0 established.", false],
    ]);
    expect(goal("health-professionals")[3]?.candidates).toEqual(["ref-psy-01", "ref-psy-02", "ref-psy-03"]);
    expect(network.monthlyMeetings).toEqual({ month: "2026-11", target: 2, held: 1, remaining: 1 });
    expect(network.gaps.length).toBeGreaterThan(0);
  });

  it("reads intake's measures per referrer: a client not contacted in time, or a referrer told nothing, is a gap", () => {
    const { inbound, outbound } = data("intake.json");
    const measures = intakeMeasures({ inbound, outbound }, { now: "2026-11-23", period: { start: "2026-11-01", end: "2026-11-30" } });
    const network = assessNetwork(referrers, states, {}, { now: "2026-11-23", intake: measures.byReferrer });
    expect(network.followThrough.map((entry) => [entry.referrerId, entry.concerns])).toEqual([
      ["ref-gp-01", []],
      ["ref-gp-02", []],
      ["ref-paed-01", []],
      ["ref-same-01", ["no-update-sent"]],
      ["ref-th-03", ["first-contact-missed", "no-update-sent"]],
    ]);
    const late = network.followThrough.find((entry) => entry.referrerId === "ref-th-03");
    expect(late?.text).toBe("Referrals from Dr Yuki Tanaka: 1 received, 0 of 1 contacted within the standard, 0 seen, 0 updates sent.");
    expect(network.gaps).toContain(late?.text);
    expect(network.gaps.filter((gap) => gap.startsWith("Referrals from"))).toHaveLength(2);
    expect(assessNetwork(referrers, states, {}, { now: "2026-11-23" }).followThrough).toEqual([]);
  });

  it("finds the disciplines the practice keeps referring to without a relationship", () => {
    const found = findLateralOpportunities(histories.outboundReferrals, referrers, states, { now: "2026-11-23" });
    expect(found.map((o) => [o.discipline, o.referrals])).toEqual([
      ["dietitian", 4],
      ["occupational-therapist", 2],
      ["psychiatrist", 2],
    ]);
    expect(found[0]?.evidence).toEqual(["out-001", "out-002", "out-003", "out-004"]);
    expect(found.find((o) => o.discipline === "occupational-therapist")?.candidates).toEqual(["ref-oth-01"]);
  });

  it("rejects events of another referrer, naming where", () => {
    expect(() =>
      relationshipState([ev("2026-01-01", "outreach-sent"), { ...ev("2026-01-02", "outreach-sent"), referrerId: "ref-2" }], {
        now: "2026-11-23",
      }),
    ).toThrow(InvalidInputError);
  });
});

describe("fixes for reading states on another day", () => {
  it("a revival starts afresh: an old non-fit meeting no longer asks to close", () => {
    const events = [
      ev("2025-01-10", "meeting-held", { fit: false }),
      ev("2025-01-20", "relationship-closed", { reason: "not-a-fit" }),
      ev("2026-11-01", "relationship-revived"),
    ];
    expect(codes(events)).not.toContain("close-politely");
    expect(state(events).fit).toBeNull();
  });

  it("with fallback, a stage lost while dormant is earned again only by a referral", () => {
    const events = [ev("2025-01-10", "referral-received", { addressedTo: "practice" }), ev("2025-12-01", "touch", { kind: "coffee" })];
    const s = state(events, "2025-12-02", { policy: { allowFallback: true } });
    expect(s.stage).toBe(1);
    expect(s.stageEvidence.map((e) => e.reason)).toEqual(["first-referral", "referral-to-practice", "fell-back"]);
  });

  it("the network and lateral opportunities read each state as of now", () => {
    const referrers: Referrer[] = [{ id: "ref-1", name: "Dr Lin", kind: "gp", specialties: [], contacts: [] }];
    const old = state([ev("2026-01-05", "referral-received", { addressedTo: "point-person" })], "2026-01-10");
    const gp = (at: string) => assessNetwork(referrers, [old], {}, { now: at }).goals.find((g) => g.text.includes("(gp)"))?.met;
    expect(gp("2026-02-01")).toBe(true);
    expect(gp("2027-06-01")).toBe(false);
  });

  it("a referrer's kind and an outbound referral's referrer count as a relationship", () => {
    const psychiatrist: Referrer = { id: "ref-psy", name: "Dr Osei", kind: "psychiatrist", specialties: [], contacts: [] };
    const active = relationshipState(
      [
        {
          id: "p1",
          date: "2026-10-01",
          type: "referral-received",
          clinicianId: "clin-a",
          referrerId: "ref-psy",
          addressedTo: "point-person",
        } as RelationshipEvent,
      ],
      { now: "2026-11-23" },
    );
    const sent = [
      { id: "o1", date: "2026-06-03", clinicianId: "clin-a", discipline: "psychiatrist" },
      { id: "o2", date: "2026-08-26", clinicianId: "clin-b", discipline: "psychiatrist" },
    ];
    expect(findLateralOpportunities(sent, [psychiatrist], [active], { now: "2026-11-23" })).toEqual([]);
    expect(findLateralOpportunities(sent, [psychiatrist], [], { now: "2026-11-23" })[0]?.candidates).toEqual(["ref-psy"]);
  });
});
