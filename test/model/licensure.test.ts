import { describe, expect, it } from "vitest";
import { checkLicensure, Clinician, type Compact } from "referwell";

const base = {
  id: "clin-1",
  name: "Test Clinician",
  discipline: "psychologist",
  populations: ["adults"],
  languages: ["en"],
  availability: { timeZone: "America/Los_Angeles", slots: [] },
  acceptingNewClients: true,
  capacity: { caseloadMax: 20, caseloadCurrent: 10, weeklyNewClientLimit: 2 },
};

const compacts: Compact[] = [
  { id: "psypact-apit", name: "PSYPACT APIT", members: ["US-OR", "US-WA", "US-CO"], modes: ["telehealth"], source: "test" },
  { id: "counseling", name: "Counseling Compact", members: ["US-OR", "US-ID"], modes: ["telehealth", "in-person"], source: "test" },
];

const clinician = (licensure: unknown) => Clinician.parse({ ...base, licensure });
const on = "2026-11-23";

describe("checkLicensure", () => {
  it("a licence in force for the jurisdiction authorizes either mode", () => {
    const c = clinician({ licenses: [{ jurisdiction: "US-OR" }] });
    expect(checkLicensure(c, { jurisdiction: "US-OR", mode: "telehealth", on }, [])).toEqual({
      authorized: true,
      via: "license",
      jurisdiction: "US-OR",
    });
    expect(checkLicensure(c, { jurisdiction: "US-OR", mode: "in-person", on }, []).authorized).toBe(true);
    expect(checkLicensure(c, { jurisdiction: "US-WA", mode: "telehealth", on }, []).authorized).toBe(false);
  });

  it("a country licence covers its subdivisions, not the other way round", () => {
    expect(
      checkLicensure(clinician({ licenses: [{ jurisdiction: "GB" }] }), { jurisdiction: "GB-SCT", mode: "telehealth", on }, []).authorized,
    ).toBe(true);
    expect(
      checkLicensure(clinician({ licenses: [{ jurisdiction: "GB-SCT" }] }), { jurisdiction: "GB", mode: "telehealth", on }, []).authorized,
    ).toBe(false);
    expect(
      checkLicensure(clinician({ licenses: [{ jurisdiction: "US-OR" }] }), { jurisdiction: "US-ORX", mode: "telehealth", on }, [])
        .authorized,
    ).toBe(false);
  });

  it("a licence counts on the days of its period, ends included", () => {
    const c = clinician({ licenses: [{ jurisdiction: "US-OR", period: { start: "2026-01-01", end: "2026-11-23" } }] });
    expect(checkLicensure(c, { jurisdiction: "US-OR", mode: "telehealth", on: "2026-11-23" }, []).authorized).toBe(true);
    expect(checkLicensure(c, { jurisdiction: "US-OR", mode: "telehealth", on: "2026-11-24" }, []).authorized).toBe(false);
    expect(checkLicensure(c, { jurisdiction: "US-OR", mode: "telehealth", on: "2025-12-31" }, []).authorized).toBe(false);
  });

  it("a compact privilege authorizes only its members and its modes", () => {
    const c = clinician({ licenses: [{ jurisdiction: "US-OR" }], compacts: [{ compactId: "psypact-apit" }] });
    expect(checkLicensure(c, { jurisdiction: "US-CO", mode: "telehealth", on }, compacts)).toEqual({
      authorized: true,
      via: "compact",
      compactId: "psypact-apit",
    });
    expect(checkLicensure(c, { jurisdiction: "US-CO", mode: "in-person", on }, compacts).authorized).toBe(false);
    expect(checkLicensure(c, { jurisdiction: "US-ID", mode: "telehealth", on }, compacts).authorized).toBe(false);
  });

  it("a privilege outside its period, or naming an unknown compact, authorizes nothing", () => {
    const lapsed = clinician({
      licenses: [{ jurisdiction: "US-OR" }],
      compacts: [{ compactId: "psypact-apit", period: { start: "2020-01-01", end: "2025-12-31" } }],
    });
    expect(checkLicensure(lapsed, { jurisdiction: "US-WA", mode: "telehealth", on }, compacts).authorized).toBe(false);
    const dangling = clinician({ licenses: [{ jurisdiction: "US-OR" }], compacts: [{ compactId: "nope" }] });
    expect(checkLicensure(dangling, { jurisdiction: "US-WA", mode: "telehealth", on }, compacts).authorized).toBe(false);
  });

  it("a privilege needs a home licence in force in a member jurisdiction", () => {
    const noHome = clinician({ licenses: [], compacts: [{ compactId: "psypact-apit" }] });
    expect(checkLicensure(noHome, { jurisdiction: "US-WA", mode: "telehealth", on }, compacts).authorized).toBe(false);
    const outsideHome = clinician({ licenses: [{ jurisdiction: "US-CA" }], compacts: [{ compactId: "psypact-apit" }] });
    expect(checkLicensure(outsideHome, { jurisdiction: "US-WA", mode: "telehealth", on }, compacts).authorized).toBe(false);
    const lapsedHome = clinician({
      licenses: [{ jurisdiction: "US-OR", period: { start: "2020-01-01", end: "2026-06-30" } }],
      compacts: [{ compactId: "psypact-apit" }],
    });
    expect(checkLicensure(lapsedHome, { jurisdiction: "US-WA", mode: "telehealth", on }, compacts).authorized).toBe(false);
  });

  it("a privilege limited to some jurisdictions covers only those", () => {
    const c = clinician({ licenses: [{ jurisdiction: "US-OR" }], compacts: [{ compactId: "counseling", jurisdictions: ["US-ID"] }] });
    const wider = [
      ...compacts,
      {
        id: "counseling",
        name: "Counseling Compact",
        members: ["US-OR", "US-ID", "US-WA"],
        modes: ["telehealth" as const],
        source: "test",
      },
    ];
    expect(checkLicensure(c, { jurisdiction: "US-ID", mode: "telehealth", on }, wider).authorized).toBe(true);
    expect(checkLicensure(c, { jurisdiction: "US-WA", mode: "telehealth", on }, wider).authorized).toBe(false);
  });

  it("prefers a licence over a compact when both apply", () => {
    const c = clinician({ licenses: [{ jurisdiction: "US-WA" }], compacts: [{ compactId: "psypact-apit" }] });
    expect(checkLicensure(c, { jurisdiction: "US-WA", mode: "telehealth", on }, compacts)).toMatchObject({ via: "license" });
  });
});
