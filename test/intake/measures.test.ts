import { describe, expect, it } from "vitest";
import { type InboundEventInput, intakeMeasures, type OutboundEventInput } from "referwell/intake";
import { isReferwellError, type InvalidInputError } from "referwell";

const received = (referralId: string, date: string, referrerId = "ref-gp-01", urgency = "routine"): InboundEventInput =>
  ({
    id: `${referralId}-r`,
    referralId,
    date,
    type: "received",
    referrerId,
    addressedTo: "practice",
    clinicianId: "clin-ana",
    urgency,
  }) as InboundEventInput;
const event = (referralId: string, suffix: string, date: string, fields: object): InboundEventInput =>
  ({ id: `${referralId}-${suffix}`, referralId, date, ...fields }) as InboundEventInput;
const sent = (referralId: string, date: string, referrerId?: string): OutboundEventInput => ({
  id: `${referralId}-s`,
  referralId,
  date,
  type: "sent",
  clinicianId: "clin-ana",
  toClinicianId: "clin-osei",
  optionsGiven: 2,
  ...(referrerId === undefined ? {} : { referrerId }),
});
const NOVEMBER = { now: "2026-11-30", period: { start: "2026-11-01", end: "2026-11-30" } };

describe("intakeMeasures", () => {
  it("counts the referrals received in the period, per referrer and for the practice", () => {
    const measures = intakeMeasures(
      {
        inbound: [
          [
            received("a", "2026-11-02"),
            event("a", "c", "2026-11-03", { type: "contacted" }),
            event("a", "v", "2026-11-10", { type: "first-visit-attended" }),
          ],
          [received("b", "2026-11-02", "ref-np-02"), event("b", "c", "2026-11-09", { type: "contacted" })],
          // Received in the period, still pending today: counted as received, not decided.
          [received("c", "2026-11-30")],
          // Received before the period: only its note in the period counts.
          [received("d", "2026-10-20"), event("d", "u", "2026-11-02", { type: "referrer-updated", milestone: "received" })],
        ],
        outbound: [
          [sent("o1", "2026-11-05", "ref-np-02"), { id: "o1-c", referralId: "o1", date: "2026-11-12", type: "client-connected" }],
          [sent("o2", "2026-11-06")],
          [sent("o3", "2026-10-06")],
        ],
      },
      NOVEMBER,
    );
    expect(measures.period).toEqual({ start: "2026-11-01", end: "2026-11-30" });
    expect(measures.practice).toEqual({
      received: 3,
      contactedWithinStandard: { met: 1, decided: 2, percent: 50 },
      medianBusinessDaysToFirstContact: 3,
      medianDaysToFirstVisit: 8,
      firstVisits: 1,
      conversionToFirstVisit: 0.333,
      loopClosureNotesSent: 1,
      outboundSent: 2,
      handOffsCompleted: 1,
    });
    expect(measures.byReferrer.map(({ referrerId, received: count, outboundSent }) => [referrerId, count, outboundSent])).toEqual([
      ["ref-gp-01", 2, 0],
      ["ref-np-02", 1, 1],
    ]);
  });

  it("reads an empty record as nothing to measure", () => {
    const measures = intakeMeasures({}, { now: "2026-11-30", period: { start: "2026-11-01" } });
    expect(measures.period).toEqual({ start: "2026-11-01", end: "2026-11-30" });
    expect(measures.practice.contactedWithinStandard.percent).toBeNull();
    expect(measures.practice.conversionToFirstVisit).toBeNull();
    expect(measures.byReferrer).toEqual([]);
  });

  it("names a referral whose events cannot belong together by its place under records", () => {
    let caught: unknown;
    try {
      intakeMeasures({ inbound: [[received("a", "2026-11-02")], [event("b", "c", "2026-11-03", { type: "contacted" })]] }, NOVEMBER);
    } catch (error) {
      caught = error;
    }
    expect(isReferwellError(caught, "invalid-input")).toBe(true);
    expect((caught as InvalidInputError).issues).toEqual([{ path: ["inbound", 1], code: "required", expected: expect.any(String) }]);
    expect((caught as InvalidInputError).input).toBe("records");
  });
});
