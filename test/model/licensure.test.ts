import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkLicensure, Clinician, type Compact } from "referwell";
import { licensureFor, licensureRules, type LicensureRules } from "../../src/model/internal/licensureFor.js";

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

/** A few regulations for England, Scotland or the UK, two disciplines in two spellings, often repeating a place and discipline. */
const regulationList = fc.array(
  fc.record({
    jurisdiction: fc.constantFrom("GB", "GB-ENG", "GB-SCT"),
    discipline: fc.constantFrom("counselor", "Counselor", "psychologist"),
    licenceRequired: fc.boolean(),
    source: fc.constant("test"),
  }),
  { maxLength: 5 },
);
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

describe("compacts with their rules", () => {
  const real: Compact[] = [
    {
      id: "psypact-apit",
      name: "PSYPACT APIT",
      members: ["US-OR", "US-WA", "US-CO"],
      modes: ["telehealth"],
      rules: { grant: "every-member", home: "declared", deliverFromHome: true },
      source: "test",
    },
    {
      id: "psypact-tap",
      name: "PSYPACT TAP",
      members: ["US-OR", "US-WA", "US-CO"],
      modes: ["in-person"],
      rules: { grant: "every-member", home: "declared", deliverFromHome: false, maxDaysPerYear: 30 },
      source: "test",
    },
    {
      id: "counseling",
      name: "Counseling Compact",
      members: ["US-OR", "US-WA", "US-ID"],
      modes: ["telehealth", "in-person"],
      rules: { grant: "per-jurisdiction", home: "declared", deliverFromHome: false },
      source: "test",
    },
    {
      id: "swlc",
      name: "Social Work Licensure Compact",
      members: ["US-OR", "US-WA", "US-MO"],
      modes: ["telehealth", "in-person"],
      rules: { grant: "every-member", home: "declared", deliverFromHome: false },
      source: "test",
    },
  ];
  const psychologist = clinician({
    licenses: [{ jurisdiction: "US-OR" }],
    compacts: [
      { compactId: "psypact-apit", home: "US-OR" },
      { compactId: "psypact-tap", home: "US-OR", daysUsed: [{ jurisdiction: "US-WA", year: 2026, days: 30 }] },
    ],
  });

  it("PSYPACT APIT: telepsychology only while the psychologist is in the home state", () => {
    expect(checkLicensure(psychologist, { jurisdiction: "US-WA", mode: "telehealth", on }, real)).toEqual({
      authorized: true,
      via: "compact",
      compactId: "psypact-apit",
    });
    expect(checkLicensure(psychologist, { jurisdiction: "US-WA", mode: "telehealth", on, clinicianIn: "US-OR" }, real).authorized).toBe(
      true,
    );
    expect(checkLicensure(psychologist, { jurisdiction: "US-WA", mode: "telehealth", on, clinicianIn: "US-CO" }, real).authorized).toBe(
      false,
    );
  });

  it("PSYPACT TAP: 30 days a year per remote state", () => {
    expect(checkLicensure(psychologist, { jurisdiction: "US-WA", mode: "in-person", on }, real).authorized).toBe(false);
    expect(checkLicensure(psychologist, { jurisdiction: "US-CO", mode: "in-person", on }, real).authorized).toBe(true);
    // A new year starts the count again.
    expect(checkLicensure(psychologist, { jurisdiction: "US-WA", mode: "in-person", on: "2027-01-04" }, real).authorized).toBe(true);
  });

  it("PSYPACT TAP: the days listed on every privilege under the compact count toward the one limit", () => {
    const tap = (days: number, period?: { start: string; end?: string }) => ({
      compactId: "psypact-tap",
      home: "US-OR",
      daysUsed: [{ jurisdiction: "US-WA", year: 2026, days }],
      ...(period === undefined ? {} : { period }),
    });
    const where = { jurisdiction: "US-WA", mode: "in-person", on } as const;
    const holding = (...compacts: object[]) => clinician({ licenses: [{ jurisdiction: "US-OR" }], compacts });
    // A renewed record beside the one it replaced, 20 days on each: 40 of 30 are used.
    expect(
      checkLicensure(holding(tap(20, { start: "2025-01-01", end: "2026-06-30" }), tap(20, { start: "2026-07-01" })), where, real)
        .authorized,
    ).toBe(false);
    expect(checkLicensure(holding(tap(20), tap(20)), where, real).authorized).toBe(false);
    expect(checkLicensure(holding(tap(14), tap(15)), where, real).authorized).toBe(true);
    // Days under another compact do not count.
    expect(checkLicensure(holding(tap(14), { ...tap(29), compactId: "psypact-apit" }), where, real).authorized).toBe(true);
  });

  it("a declared home must be where the licence is held", () => {
    const moved = clinician({ licenses: [{ jurisdiction: "US-CO" }], compacts: [{ compactId: "psypact-apit", home: "US-OR" }] });
    expect(checkLicensure(moved, { jurisdiction: "US-WA", mode: "telehealth", on }, real).authorized).toBe(false);
  });

  it("Counseling Compact: one privilege per remote state, tied to the home state", () => {
    const counsellor = (privilege: object) =>
      clinician({ licenses: [{ jurisdiction: "US-OR" }], compacts: [{ compactId: "counseling", home: "US-OR", ...privilege }] });
    expect(
      checkLicensure(counsellor({ jurisdictions: ["US-WA"] }), { jurisdiction: "US-WA", mode: "in-person", on }, real).authorized,
    ).toBe(true);
    expect(
      checkLicensure(counsellor({ jurisdictions: ["US-WA"] }), { jurisdiction: "US-ID", mode: "telehealth", on }, real).authorized,
    ).toBe(false);
    // No privilege listed for any state: nothing.
    expect(checkLicensure(counsellor({}), { jurisdiction: "US-WA", mode: "telehealth", on }, real).authorized).toBe(false);
  });

  it("Social Work Licensure Compact: a multistate licence valid in every member state", () => {
    const worker = clinician({ licenses: [{ jurisdiction: "US-MO" }], compacts: [{ compactId: "swlc", home: "US-MO" }] });
    for (const jurisdiction of ["US-OR", "US-WA"])
      expect(checkLicensure(worker, { jurisdiction, mode: "in-person", on }, real).authorized).toBe(true);
    expect(checkLicensure(worker, { jurisdiction: "US-CA", mode: "telehealth", on }, real).authorized).toBe(false);
  });

  it("pre-licensed clinicians hold no compact privileges, and practise only with a supervisor of record", () => {
    const associate = (supervisorId?: string) =>
      clinician({
        status: "pre-licensed",
        ...(supervisorId === undefined ? {} : { supervisorId }),
        licenses: [{ jurisdiction: "US-OR", title: "LPC Associate" }],
        compacts: [{ compactId: "counseling", home: "US-OR", jurisdictions: ["US-WA"] }],
      });
    expect(checkLicensure(associate("sup-1"), { jurisdiction: "US-OR", mode: "telehealth", on }, real).authorized).toBe(true);
    expect(checkLicensure(associate("sup-1"), { jurisdiction: "US-WA", mode: "telehealth", on }, real).authorized).toBe(false);
    expect(checkLicensure(associate(), { jurisdiction: "US-OR", mode: "telehealth", on }, real).authorized).toBe(false);
  });

  it("a UK counsellor on an accredited register needs no licence where none is required", () => {
    const counsellor = Clinician.parse({
      ...base,
      discipline: "counselor",
      licensure: { licenses: [{ jurisdiction: "GB", title: "MBACP (Accred)", register: "BACP" }] },
    });
    const unregistered = Clinician.parse({ ...base, discipline: "counselor", licensure: {} });
    const regulations = [
      { jurisdiction: "GB", discipline: "counselor", licenceRequired: false, source: "test" },
      { jurisdiction: "GB", discipline: "psychologist", licenceRequired: true, source: "test" },
    ];
    expect(checkLicensure(counsellor, { jurisdiction: "GB-ENG", mode: "telehealth", on }, [], regulations).authorized).toBe(true);
    expect(checkLicensure(unregistered, { jurisdiction: "GB-ENG", mode: "telehealth", on }, [], regulations)).toEqual({
      authorized: true,
      via: "not-required",
      jurisdiction: "GB-ENG",
    });
    // A psychologist must be registered (HCPC): no registration, no practice.
    expect(checkLicensure(clinician({}), { jurisdiction: "GB-ENG", mode: "telehealth", on }, [], regulations).authorized).toBe(false);
  });

  it("where two regulations for the same jurisdiction and discipline disagree, a licence is required, in either order", () => {
    const unregistered = Clinician.parse({ ...base, discipline: "counselor", licensure: {} });
    const free = { jurisdiction: "GB", discipline: "counselor", licenceRequired: false, source: "test" };
    const required = { ...free, licenceRequired: true };
    const where = { jurisdiction: "GB-ENG", mode: "telehealth", on } as const;
    expect(checkLicensure(unregistered, where, [], [free, required]).authorized).toBe(false);
    expect(checkLicensure(unregistered, where, [], [required, free]).authorized).toBe(false);
    expect(checkLicensure(unregistered, where, [], [free, { ...free, discipline: "Counselor", source: "again" }]).authorized).toBe(true);
    // A rule for the place itself still wins over its country's, whatever the country's rules say.
    expect(checkLicensure(unregistered, where, [], [required, free, { ...free, jurisdiction: "GB-ENG" }]).authorized).toBe(true);
  });

  test.prop([regulationList, fc.constantFrom("GB-ENG", "GB", "GB-SCT"), fc.constantFrom("counselor", "psychologist")], { numRuns: 300 })(
    "an unlicensed clinician may practise exactly where every rule of the nearest level says no licence is needed",
    (regulations, jurisdiction, discipline) => {
      const unlicensed = Clinician.parse({ ...base, discipline, licensure: {} });
      const mine = regulations.filter((rule) => rule.discipline.toLowerCase() === discipline);
      const own = mine.filter((rule) => rule.jurisdiction === jurisdiction);
      const nearest = own.length > 0 ? own : mine.filter((rule) => rule.jurisdiction === jurisdiction.slice(0, 2));
      const expected = nearest.length > 0 && nearest.every((rule) => !rule.licenceRequired);
      const check = checkLicensure(unlicensed, { jurisdiction, mode: "telehealth", on }, [], regulations);
      expect(check.authorized).toBe(expected);
    },
  );

  it("a declared home is held by a licence for its whole country", () => {
    const pact: Compact[] = [
      {
        id: "pact",
        name: "A compact across borders",
        members: ["GB-ENG", "IE"],
        modes: ["telehealth"],
        rules: { grant: "every-member", home: "declared", deliverFromHome: false },
        source: "test",
      },
    ];
    const where = { jurisdiction: "IE", mode: "telehealth", on } as const;
    const holder = (jurisdiction: string) => clinician({ licenses: [{ jurisdiction }], compacts: [{ compactId: "pact", home: "GB-ENG" }] });
    expect(checkLicensure(holder("GB"), where, pact)).toEqual({ authorized: true, via: "compact", compactId: "pact" });
    expect(checkLicensure(holder("GB-ENG"), where, pact).authorized).toBe(true);
    expect(checkLicensure(holder("FR"), where, pact).authorized).toBe(false);
  });

  it("costs a lookup per privilege, not a scan of the compacts", () => {
    const many: Compact[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `c${i}`,
      name: `Compact ${i}`,
      members: Array.from({ length: 500 }, (_, j) => `US-${String(j).padStart(3, "0")}`),
      modes: ["telehealth"],
      source: "test",
    }));
    const busy = clinician({
      licenses: [{ jurisdiction: "US-001" }],
      compacts: Array.from({ length: 50 }, (_, i) => ({ compactId: `c${i * 20}` })),
    });
    expect(checkLicensure(busy, { jurisdiction: "US-499", mode: "telehealth", on }, many)).toEqual({
      authorized: true,
      via: "compact",
      compactId: "c0",
    });
  });
});

describe("growth check: a licensure check is linear in the clinician's licences and privileges", () => {
  // Work is counted, not timed: every membership test and every look-up of the compacts a jurisdiction belongs to is
  // one unit. The worst case makes every privilege reach its home-licence test and fail it, so nothing stops early.
  function workFor(licences: number, privileges: number): number {
    const counter = { units: 0 };
    class CountedSet<T> extends Set<T> {
      override has(value: T): boolean {
        counter.units += 1;
        return super.has(value);
      }
    }
    class CountedMap<K, V> extends Map<K, V> {
      override get(key: K): V | undefined {
        counter.units += 1;
        return super.get(key);
      }
    }
    const target = "US-ZZ";
    const many: Compact[] = Array.from({ length: privileges }, (_, i) => ({
      id: `c${i}`,
      name: `Compact ${i}`,
      members: [target, `US-M${i}`],
      modes: ["telehealth"],
      source: "test",
    }));
    const rules = licensureRules(many);
    const counted: LicensureRules = {
      ...rules,
      compacts: new CountedMap([...rules.compacts].map(([id, entry]) => [id, { ...entry, members: new CountedSet(entry.members) }])),
      memberOf: new CountedMap(rules.memberOf),
    };
    // Licences in force, none of them in a member state: no privilege has its home licence.
    const held = clinician({
      licenses: Array.from({ length: licences }, (_, i) => ({ jurisdiction: `US-L${i}` })),
      compacts: many.map((compact) => ({ compactId: compact.id })),
    });
    expect(licensureFor(held, { jurisdiction: target, mode: "telehealth", on }, counted)).toEqual({ authorized: false });
    return counter.units;
  }

  it("doubling the licences and the privileges at most about doubles the work", () => {
    const before = workFor(50, 25);
    const after = workFor(100, 50);
    expect(before).toBeGreaterThan(100);
    // Linear doubles it; a scan of the licences for each privilege would quadruple it.
    expect(after / before).toBeLessThan(2.5);
  });
});
