import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClinicianInput, DirectoryInput } from "referwell";
import { isReferwellError } from "referwell";
import { createMatcher, directoryRows, directoryTables, filterToSql, hardConstraintFilter, type MatchRequestInput } from "referwell/match";
import { type Database, loadRows, openDatabase } from "../support/pglite.js";

const SCHEMA = "referwell_unit";
const NOW = "2026-03-02";
let db: Database;

beforeAll(async () => {
  db = await openDatabase(SCHEMA);
});
afterAll(async () => {
  await db.close();
});

const clinician = (id: string, changes: Partial<ClinicianInput> = {}): ClinicianInput => ({
  id,
  name: id,
  discipline: "psychologist",
  licensure: { licenses: [{ jurisdiction: "US-OR" }] },
  problemAreas: ["depression"],
  populations: ["adults"],
  languages: ["en"],
  telehealth: true,
  availability: { timeZone: "America/Los_Angeles", slots: [] },
  acceptingNewClients: true,
  capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
  ...changes,
});

/** The ids the database returns for a request, after checking they are the matcher's eligible ones. */
async function agreed(directory: DirectoryInput, request: MatchRequestInput, now = NOW): Promise<string[]> {
  await loadRows(db, directoryRows(directory), SCHEMA);
  const { text, values } = filterToSql(hardConstraintFilter(request, { now }), { schema: SCHEMA });
  const ids = (await db.query(text, values)).rows.map((row) => row["id"] as string).sort();
  const matcher = createMatcher(directory);
  const eligible = (directory.clinicians as ClinicianInput[])
    .filter((c) => matcher.explain(request, c.id, { now }).eligible)
    .map((c) => c.id);
  expect(ids).toEqual(eligible.sort());
  return ids;
}

const TAP = {
  id: "tap",
  name: "PSYPACT temporary in-person practice",
  members: ["US-OR", "US-WA"],
  modes: ["in-person" as const],
  rules: { home: "declared" as const, maxDaysPerYear: 30 },
  source: "test",
};
const COUNSELING = {
  id: "counseling",
  name: "Counseling Compact",
  members: ["US-OR", "US-WA", "US-ID"],
  modes: ["in-person" as const, "telehealth" as const],
  rules: { grant: "per-jurisdiction" as const, home: "declared" as const },
  source: "test",
};
const office = (jurisdiction: string) => [{ id: `${jurisdiction}-office`, jurisdiction, point: { lat: 45.6, lon: -122.6 } }];

describe("the SQL keeps the matcher's rules", () => {
  it("joins a renewal that starts the day after a panel ends, not one after a gap", async () => {
    const panels = (renewal: string) => [
      { payerId: "aetna", period: { start: "2024-01-01", end: "2026-06-30" } },
      { payerId: "aetna", period: { start: renewal } },
    ];
    const directory = {
      clinicians: [
        clinician("next-day", { insurancePanels: panels("2026-07-01") }),
        clinician("gap", { insurancePanels: panels("2026-07-15") }),
      ],
    };
    const request = {
      criteria: {
        location: { jurisdiction: "US-OR" },
        expectedWeeks: 40,
        require: { modes: ["telehealth" as const], payment: { payers: [{ payerId: "aetna" }] } },
      },
    };
    expect(await agreed(directory, request)).toEqual(["next-day"]);
  });

  it("counts a plan-limited panel only for a client whose plan it lists", async () => {
    const directory = {
      clinicians: [clinician("gold-only", { insurancePanels: [{ payerId: "aetna", plans: ["gold"], period: { start: "2024-01-01" } }] })],
    };
    const request = (planId?: string) => ({
      criteria: {
        location: { jurisdiction: "US-OR" },
        require: {
          modes: ["telehealth" as const],
          payment: { payers: [{ payerId: "aetna", ...(planId === undefined ? {} : { planId }) }] },
        },
      },
    });
    expect(await agreed(directory, request("gold"))).toEqual(["gold-only"]);
    expect(await agreed(directory, request("silver"))).toEqual([]);
    expect(await agreed(directory, request())).toEqual([]);
  });

  it("stops temporary in-person practice once the year's 30 days are used, and only in that jurisdiction and year", async () => {
    const tap = (days: number, jurisdiction = "US-WA", year = 2026) =>
      clinician(`tap-${days}-${jurisdiction}-${year}`, {
        locations: office("US-WA"),
        telehealth: false,
        licensure: {
          licenses: [{ jurisdiction: "US-OR" }],
          compacts: [{ compactId: "tap", home: "US-OR", daysUsed: [{ jurisdiction, year, days }] }],
        },
      });
    const directory = { compacts: [TAP], clinicians: [tap(29), tap(30), tap(30, "US-OR"), tap(30, "US-WA", 2025), tap(30, "US")] };
    const request = {
      criteria: { location: { jurisdiction: "US-WA", point: { lat: 45.6, lon: -122.6 } }, require: { modes: ["in-person" as const] } },
    };
    expect(await agreed(directory, request)).toEqual(["tap-29-US-WA-2026", "tap-30-US-OR-2026", "tap-30-US-WA-2025"]);
    // The days of every privilege under the compact count together, a record that authorizes nothing included.
    const split = (id: string, second: number, period?: { start: string; end: string }) =>
      clinician(id, {
        locations: office("US-WA"),
        telehealth: false,
        licensure: {
          licenses: [{ jurisdiction: "US-OR" }],
          compacts: [
            { compactId: "tap", home: "US-OR", daysUsed: [{ jurisdiction: "US-WA", year: 2026, days: 15 }] },
            {
              compactId: "tap",
              home: "US-OR",
              daysUsed: [{ jurisdiction: "US-WA", year: 2026, days: second }],
              ...(period === undefined ? {} : { period }),
            },
          ],
        },
      });
    const renewed = {
      compacts: [TAP],
      clinicians: [split("under", 14), split("over", 15), split("lapsed-over", 15, { start: "2025-01-01", end: "2025-12-31" })],
    };
    expect(await agreed(renewed, request)).toEqual(["under"]);
    // Days under another limited compact do not count; days on a record that grants nothing do.
    const OTHER = { ...TAP, id: "tap-other", name: "Another compact with a yearly limit" };
    const PER_PLACE = {
      ...TAP,
      id: "tap-per-place",
      name: "A limited compact granting per place",
      rules: { ...TAP.rules, grant: "per-jurisdiction" as const },
    };
    type Privilege = NonNullable<ClinicianInput["licensure"]["compacts"]>[number];
    const holding = (id: string, compacts: Privilege[]) =>
      clinician(id, { locations: office("US-WA"), telehealth: false, licensure: { licenses: [{ jurisdiction: "US-OR" }], compacts } });
    const days = (compactId: string, count: number, more: Partial<Privilege> = {}): Privilege => ({
      compactId,
      home: "US-OR",
      daysUsed: [{ jurisdiction: "US-WA", year: 2026, days: count }],
      ...more,
    });
    const mixed = {
      compacts: [TAP, OTHER, PER_PLACE],
      clinicians: [
        holding("own-days-only", [days("tap", 0), days("tap-other", 30)]),
        holding("grants-nothing-counts", [days("tap-per-place", 15, { jurisdictions: ["US-WA"] }), days("tap-per-place", 15)]),
      ],
    };
    expect(await agreed(mixed, request)).toEqual(["own-days-only"]);
  });

  it("reads a per-jurisdiction privilege only where it grants, and only while the declared home licence is in force", async () => {
    const counsellor = (id: string, grants: string[] | undefined, homeUntil?: string) =>
      clinician(id, {
        discipline: "counselor",
        licensure: {
          licenses: [{ jurisdiction: "US-OR", ...(homeUntil === undefined ? {} : { period: { start: "2020-01-01", end: homeUntil } }) }],
          compacts: [{ compactId: "counseling", home: "US-OR", ...(grants === undefined ? {} : { jurisdictions: grants }) }],
        },
      });
    const directory = {
      compacts: [COUNSELING],
      clinicians: [
        counsellor("wa", ["US-WA"]),
        counsellor("id", ["US-ID"]),
        counsellor("none", undefined),
        counsellor("lapsed", ["US-WA"], "2026-01-31"),
      ],
    };
    const request = { criteria: { location: { jurisdiction: "US-WA" }, require: { modes: ["telehealth" as const] } } };
    expect(await agreed(directory, request)).toEqual(["wa"]);
  });

  it("reads a client placed only by country as reaching the offices in its subdivisions", async () => {
    const directory = {
      clinicians: [
        clinician("portland", { telehealth: false, locations: office("US-OR") }),
        clinician("london", { telehealth: false, locations: office("GB-ENG"), licensure: { licenses: [{ jurisdiction: "GB" }] } }),
      ],
    };
    const request = { criteria: { location: { jurisdiction: "US" }, require: { modes: ["in-person" as const] } } };
    expect(await agreed(directory, request)).toEqual(["portland"]);
  });

  it("vetoes on any ineffective rating of the primary need with enough cases, however the area's ratings disagree", async () => {
    const rated = (id: string, ...outcomes: [string, "effective" | "neutral" | "ineffective", number][]) =>
      clinician(id, { outcomes: outcomes.map(([problemArea, rating, cases]) => ({ problemArea, rating, cases })) });
    const clinicians = [
      rated("counted-first", ["depression", "ineffective", 40], ["depression", "ineffective", 3]),
      rated("counted-last", ["depression", "effective", 90], ["mdd", "ineffective", 15]),
      rated("too-few", ["depression", "ineffective", 14], ["depression", "effective", 30]),
      rated("elsewhere", ["anxiety", "ineffective", 40]),
    ];
    const request = { criteria: { location: { jurisdiction: "US-OR" }, prefer: { problemAreas: ["depression"] } } };
    expect(await agreed({ clinicians }, request)).toEqual(["elsewhere", "too-few"]);
  });

  it("follows the client's stays: telehealth must be licensed for every place over the course", async () => {
    const directory = {
      clinicians: [
        clinician("or-only"),
        clinician("or-and-wa", { licensure: { licenses: [{ jurisdiction: "US-OR" }, { jurisdiction: "US-WA" }] } }),
      ],
    };
    const request = {
      criteria: {
        location: { jurisdiction: "US-OR" },
        stays: [{ place: { jurisdiction: "US-WA" }, period: { start: "2026-04-01", end: "2026-04-20" } }],
        require: { modes: ["telehealth" as const] },
      },
    };
    expect(await agreed(directory, request)).toEqual(["or-and-wa"]);
  });
});

describe("values are bound, never written into the SQL", () => {
  const hostile = [
    "x' OR '1'='1",
    "'); DROP TABLE referwell_unit.referwell_clinicians; --",
    "$1",
    "\\'; SELECT pg_sleep(1); --",
    'a"b',
    "é\u0000",
  ];

  it("sends hostile strings from every field of a request to the parameters only, and the query still runs", async () => {
    const directory = { clinicians: [clinician("ana")] };
    await loadRows(db, directoryRows(directory), SCHEMA);
    const compile = (text: string) => {
      const filter = hardConstraintFilter(
        {
          criteria: {
            location: { jurisdiction: "US-OR" },
            require: {
              modes: ["telehealth", "in-person"],
              populations: [text],
              problemAreas: [text],
              modalities: [text],
              disciplines: [text],
              excludeClinicianIds: [text],
              excludePracticeIds: [text],
              payment: { payers: [{ payerId: text, planId: text }] },
            },
            prefer: { cultures: [text], faiths: [text], must: ["cultures", "faiths"] },
          },
        },
        { now: NOW },
      );
      return filterToSql(filter, { schema: SCHEMA });
    };
    const benign = compile("benign");
    for (const text of hostile.filter((value) => !value.includes("\u0000"))) {
      const query = compile(text);
      // The text is the benign request's, word for word: the value is only among the parameters.
      expect(query.text).toBe(benign.text);
      expect(query.values.flat()).toContain(text);
      expect((await db.query(query.text, query.values)).rows).toEqual([]);
    }
    // The table is still there, with its row.
    expect((await db.query(`SELECT id FROM ${SCHEMA}.referwell_clinicians`)).rows).toEqual([{ id: "ana" }]);
  });

  it("stores hostile ids and codes from a directory as data and finds them again", async () => {
    const id = hostile[1] as string;
    const directory = { clinicians: [clinician(id, { problemAreas: [hostile[0] as string], practiceId: hostile[2] as string })] };
    const request = {
      criteria: { location: { jurisdiction: "US-OR" }, require: { modes: ["telehealth" as const], problemAreas: [hostile[0] as string] } },
    };
    expect(await agreed(directory, request)).toEqual([id]);
    const excluded = {
      criteria: { ...request.criteria, require: { ...request.criteria.require, excludePracticeIds: [hostile[2] as string] } },
    };
    expect(await agreed(directory, excluded)).toEqual([]);
  });
});

describe("bad input", () => {
  it("rejects a schema that is not a plain identifier, naming the field and never the value", () => {
    for (const call of [
      () => directoryTables({ schema: "x; DROP TABLE y" }),
      () => filterToSql({ startDate: NOW, courseEnd: NOW, constraints: [] }, { schema: "Public" }),
    ]) {
      let error: unknown;
      try {
        call();
      } catch (caught) {
        error = caught;
      }
      expect(isReferwellError(error)).toBe(true);
      expect((error as { issues: { path: unknown[]; expected: string }[] }).issues[0]).toMatchObject({
        path: ["schema"],
        expected: "lower-case SQL identifier of up to 63 letters, digits and underscores",
      });
      expect(String((error as Error).message)).not.toMatch(/DROP|Public/);
    }
  });

  it("rejects an unknown predicate or field by path, and a filter nested too deep", () => {
    const filter = (where: unknown) => ({ startDate: NOW, courseEnd: NOW, constraints: [{ constraint: "accepting", where }] });
    const issue = (where: unknown) => {
      try {
        filterToSql(filter(where) as never);
      } catch (error) {
        return (error as { issues: { path: unknown[]; code: string }[] }).issues[0];
      }
      return undefined;
    };
    expect(issue({ op: "is-true", field: "name; DROP TABLE x" })?.path.slice(0, 3)).toEqual(["constraints", 0, "where"]);
    expect(issue({ and: [{ op: "sql", text: "TRUE" }] })?.path.slice(0, 3)).toEqual(["constraints", 0, "where"]);
    let deep: unknown = { and: [] };
    for (let level = 0; level < 40; level += 1) deep = { not: deep };
    expect(issue(deep)).toMatchObject({ code: "too-big", path: ["constraints", 0, "where", ...Array(32).fill("not")] });
  });

  it("compiles a filter that went through JSON to the same query", () => {
    const filter = hardConstraintFilter(
      {
        criteria: {
          location: { jurisdiction: "US-OR", point: { lat: 45.5, lon: -122.6 } },
          require: { modes: ["in-person"], travelRadiusKm: 25 },
        },
      },
      { now: NOW },
    );
    expect(filterToSql(JSON.parse(JSON.stringify(filter)))).toEqual(filterToSql(filter));
  });
});
