import { describe, expect, it } from "vitest";
import type { ClinicianInput, DirectoryInput } from "referwell";
import { createMatcher } from "referwell/match";
import { validate } from "../../src/model/validate.js";
import { Clinician } from "../../src/model/clinician.js";
import { mostSegmentEntries } from "../../src/match/internal/mostSegmentEntries.js";
import { CODE_KINDS, VALUE_KINDS } from "../../src/match/internal/clinicianCodes.js";
import { POOL_LIMIT } from "../../src/match/internal/matcherLimits.js";

const list = <T>(length: number, item: (i: number) => T): T[] => Array.from({ length }, (_, i) => item(i));
/** Three letters from a number, for language tags and the like. */
const letters = (i: number): string => String.fromCharCode(97 + ((i / 676) % 26), 97 + ((i / 26) % 26), 97 + (i % 26));
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const time = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** A clinician with every list the matcher packs at the schema's largest, and a fee with a sliding-scale floor. */
const largest: ClinicianInput = {
  id: "clin-largest",
  name: "Clinician",
  discipline: "psychologist",
  licensure: { licenses: [{ jurisdiction: "US-OR" }] },
  populations: ["adults", ...list(49, (i) => `population ${i}`)],
  problemAreas: list(200, (i) => `area ${i}`),
  modalities: list(200, (i) => `modality ${i}`),
  languages: ["en", ...list(29, (i) => letters(i))],
  cultures: list(50, (i) => `culture ${i}`),
  faiths: list(20, (i) => `faith ${i}`),
  outcomes: list(200, (i) => ({ problemArea: `area ${i}`, rating: "effective" as const, cases: 1_000_000 - i })),
  insurancePanels: list(500, (i) => ({
    payerId: `payer-${i}`,
    plans: list(200, (plan) => `plan-${i}-${plan}`),
    period: { start: "2020-01-01" },
  })),
  availability: {
    timeZone: "America/Los_Angeles",
    slots: list(200, (i) => ({ day: WEEKDAYS[i % 7] as (typeof WEEKDAYS)[number], start: time(5 * i), end: time(5 * i + 5) })),
  },
  telehealth: true,
  acceptingNewClients: true,
  capacity: { caseloadMax: 10_000, caseloadCurrent: 0, weeklyNewClientLimit: 1_000, newClientsThisWeek: 0, expectedWaitDays: 3_650 },
  fee: { currency: "USD", minorUnits: Number.MAX_SAFE_INTEGER },
  slidingScaleFloor: { currency: "USD", minorUnits: 1 },
};

describe("a clinician with every list at the schema's largest", () => {
  it("takes 103,161 entries of the pool at most beyond its header: about 41,600 such clinicians fit the pool of 2³² − 1", () => {
    const most = mostSegmentEntries(validate(Clinician, largest, "clinician"));
    expect(most).toBe(103_161);
    const header = CODE_KINDS.length + VALUE_KINDS.length;
    expect(header).toBe(14);
    expect(Math.floor(POOL_LIMIT / (header + most))).toBe(41_627);
  });

  it("compiles, and the matcher reads back each list it packed", () => {
    const directory: DirectoryInput = {
      payers: list(500, (i) => ({ id: `payer-${i}`, name: "Payer" })),
      clinicians: [largest],
    };
    const matcher = createMatcher(directory);
    const now = { now: "2026-11-23" };
    const request = (payerId: string, plan: string | undefined) => ({
      client: {
        id: "cl-1",
        ageGroup: "adult" as const,
        residence: { jurisdiction: "US-OR" },
        coverage: [{ payerId, ...(plan === undefined ? {} : { planId: plan }), period: { start: "2026-01-01" } }],
        needs: { problemAreas: ["area 199"] },
        preferences: { languages: [letters(28)], modalities: ["modality 199"] },
      },
    });
    const explained = matcher.explain(request("payer-499", "plan-499-199"), "clin-largest", now);
    expect(explained.failures).toEqual([]);
    expect(explained.eligible).toBe(true);
    expect(explained.option?.payment).toEqual({ via: "insurance", payerId: "payer-499" });
    // A plan the last panel does not list leaves the clinician out of network there.
    expect(matcher.explain(request("payer-499", "plan-0-0"), "clin-largest", now).option?.payment.via).not.toBe("insurance");
  });
});
