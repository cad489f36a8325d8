import { readdirSync, readFileSync } from "node:fs";
import type { Extension, StructureDefinition } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import {
  clientFromFhir,
  clinicianFromFhir,
  defaultCodeMaps,
  FhirExtensions,
  type InvalidInputError,
  isReferwellError,
} from "referwell/fhir";
import { deepFreeze } from "../support/deepFreeze.js";
import { allFhirErrors } from "../support/fhirValidator.js";
import { untyped } from "../support/untyped.js";
import { copy, patientInput, practitionerInput } from "./fixtures.js";

const NOW = "2026-11-23";

/** The error a call throws, as message and issues. */
function failure(call: () => unknown): InvalidInputError {
  try {
    call();
  } catch (error) {
    expect(isReferwellError(error, "invalid-input")).toBe(true);
    return error as InvalidInputError;
  }
  throw new Error("expected an InvalidInputError");
}

describe("clinicianFromFhir", () => {
  it("reads the sample's clinician: licences, discipline, needs, schedule, panels, extensions", () => {
    const { practitioner, roles, options } = practitionerInput("net-rosecity-1");
    const { clinician, notes } = clinicianFromFhir(practitioner, roles, options);
    expect(clinician.discipline).toBe("counselor");
    expect(clinician.problemAreas).toEqual(["trauma", "substance-use"]);
    expect(clinician.licensure.licenses.map((licence) => licence.jurisdiction)).toEqual(["US-OR"]);
    expect(clinician.availability.timeZone).toBe("America/Los_Angeles");
    expect(clinician.acceptingNewClients).toBe(true);
    expect(clinician.insurancePanels.map((panel) => panel.payerId).sort()).toEqual(["cigna", "medicaid-or", "regence"]);
    expect(notes).toEqual([{ path: ["practitionerRoles", 0, "specialty", 2], code: "unknown-code" }]);
  });

  it("names the FHIR element of a bad value by its path, never the value", () => {
    const { practitioner, roles, options } = practitionerInput("net-rosecity-1");
    const bad = copy(practitioner);
    (bad.qualification as { period?: unknown }[])[0] = { ...(bad.qualification?.[0] as object), period: { start: "2019" } };
    const error = failure(() => clinicianFromFhir(bad, roles, options));
    expect(error.message).toBe(
      "Invalid practitioner: 1 issue: practitioner.qualification[0].period.start is not in its format (expected date YYYY-MM-DD)",
    );
  });

  it("refuses a resource of another type, a time on part of a minute, and an unknown Location", () => {
    const { practitioner, roles, options } = practitionerInput("net-rosecity-1");
    expect(failure(() => clinicianFromFhir(untyped({ ...practitioner, resourceType: "Patient" }), roles, options)).issues[0]).toEqual({
      path: ["resourceType"],
      code: "invalid-value",
      expected: "one of [Practitioner]",
    });
    const role = copy(roles[0]);
    if (role?.availableTime?.[0] !== undefined) role.availableTime[0].availableStartTime = "09:00:30";
    expect(failure(() => clinicianFromFhir(practitioner, [untyped(role)], options)).issues[0]?.path).toEqual([
      0,
      "availableTime",
      0,
      "availableStartTime",
    ]);
    expect(failure(() => clinicianFromFhir(practitioner, roles, { ...options, locations: [] })).issues[0]).toMatchObject({
      path: [0, "location", 0, "reference"],
      code: "unknown-reference",
    });
  });

  it("reads no Plan-Net newpatients and no capacity the cautious way, and says so", () => {
    const { practitioner, roles, options } = practitionerInput("net-rosecity-1");
    const bare = roles.map((role) => ({ ...role, extension: (role.extension ?? []).filter((e) => !/newpatients|capacity/.test(e.url)) }));
    const { clinician, notes } = clinicianFromFhir(practitioner, bare, options);
    expect(clinician.acceptingNewClients).toBe(false);
    expect(clinician.capacity).toEqual({ caseloadMax: 0, caseloadCurrent: 0, weeklyNewClientLimit: 0, newClientsThisWeek: 0 });
    expect(notes.map((note) => note.code)).toEqual(["assumed-not-accepting", "assumed-no-capacity", "unknown-code"]);
    // An extension whose codes disagree (two parts, or two codings of one) says nothing of accepting: read as not, noted.
    const coding = (code: string) => ({ system: "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS", code });
    const part = (...codes: string[]) => ({ url: "acceptingPatients", valueCodeableConcept: { coding: codes.map(coding) } });
    const withParts = (...parts: object[]) =>
      bare.map((role) => ({
        ...role,
        extension: [...(role.extension ?? []), { url: FhirExtensions.newPatients, extension: parts } as Extension],
      }));
    const at = (bare[0]?.extension ?? []).length;
    for (const parts of [[part("newpt"), part("nopt")], [part("nopt"), part("newpt")], [part("newpt", "nopt")]]) {
      const read = clinicianFromFhir(practitioner, withParts(...parts), options);
      expect(read.clinician.acceptingNewClients).toBe(false);
      expect(read.notes).toContainEqual({ path: ["practitionerRoles", 0, "extension", at], code: "values-disagree" });
    }
    expect(clinicianFromFhir(practitioner, withParts(part("newpt"), part("newpt")), options).clinician.acceptingNewClients).toBe(true);
  });

  it("reads a capacity, fee or floor given more than once the cautious way, in any order, and notes each value not read", () => {
    const { practitioner, roles, options } = practitionerInput("net-rosecity-1");
    const parts = (values: Record<string, number>) => Object.entries(values).map(([url, value]) => ({ url, valueUnsignedInt: value }));
    const money = (url: string, value: number, currency = "USD"): Extension => untyped({ url, valueMoney: { value, currency } });
    // The role gives 26 / 20 (6 places), 2 / 0 a week (2 left), a 10-day wait and a fee of 150.
    const own = [
      // 10 places left, none this week, a 21-day wait.
      {
        url: FhirExtensions.capacity,
        extension: parts({ caseloadMax: 30, caseloadCurrent: 20, weeklyNewClientLimit: 1, newClientsThisWeek: 1, expectedWaitDays: 21 }),
      },
      money(FhirExtensions.fee, 180),
      money(FhirExtensions.slidingScaleFloor, 80),
      money(FhirExtensions.slidingScaleFloor, 95),
    ];
    const person = copy(practitioner);
    const first = (person.extension ?? []).length;
    person.extension = [...(person.extension ?? []), ...own];
    const { clinician, notes } = clinicianFromFhir(person, roles, options);
    expect(clinician.capacity).toEqual({
      caseloadMax: 26,
      caseloadCurrent: 20,
      weeklyNewClientLimit: 1,
      newClientsThisWeek: 1,
      expectedWaitDays: 21,
    });
    expect([clinician.fee, clinician.slidingScaleFloor]).toEqual([
      { currency: "USD", minorUnits: 18_000 },
      { currency: "USD", minorUnits: 9_500 },
    ]);
    const roleExtension = (url: string) => [
      "practitionerRoles",
      0,
      "extension",
      (roles[0]?.extension ?? []).findIndex((e) => e.url === url),
    ];
    expect(notes.filter((note) => note.code === "values-disagree").map((note) => note.path)).toEqual([
      ["practitioner", "extension", first],
      roleExtension(FhirExtensions.capacity),
      roleExtension(FhirExtensions.fee),
      ["practitioner", "extension", first + 2],
    ]);
    // The same values the other way round (the role's on the Practitioner, its own on the role) read the same.
    const role = copy(roles[0]);
    const theirs = (role?.extension ?? []).filter((e) => /capacity|fee|sliding-scale-floor/.test(e.url));
    const swapped = { ...role, extension: [...(role?.extension ?? []).filter((e) => !theirs.includes(e)), ...own] };
    const other = copy(practitioner);
    other.extension = [...(other.extension ?? []), ...theirs];
    const again = clinicianFromFhir(other, [untyped(swapped)], options).clinician;
    expect([again.capacity, again.fee, again.slidingScaleFloor]).toEqual([clinician.capacity, clinician.fee, clinician.slidingScaleFloor]);
    // As few places left in each (6): the lower maximum counts, whichever gives it.
    const tied = copy(practitioner);
    const capacity = { url: FhirExtensions.capacity, extension: parts({ caseloadMax: 30, caseloadCurrent: 24, weeklyNewClientLimit: 2 }) };
    tied.extension = [...(tied.extension ?? []), capacity];
    expect(clinicianFromFhir(tied, roles, options).clinician.capacity).toMatchObject({ caseloadMax: 26, caseloadCurrent: 20 });
    const roleWithTie = { ...role, extension: [...(role?.extension ?? []).filter((e) => e.url !== FhirExtensions.capacity), capacity] };
    const roleCapacity = theirs.filter((e) => e.url === FhirExtensions.capacity);
    const otherTie = { ...copy(practitioner), extension: [...(practitioner.extension ?? []), ...roleCapacity] };
    expect(clinicianFromFhir(otherTie, [untyped(roleWithTie)], options).clinician.capacity).toMatchObject({
      caseloadMax: 26,
      caseloadCurrent: 20,
    });
    // Two currencies cannot be compared: refused, by path.
    person.extension = [...(practitioner.extension ?? []), money(FhirExtensions.fee, 200, "CAD")];
    const error = failure(() => clinicianFromFhir(person, roles, options));
    expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual([
      [[...roleExtension(FhirExtensions.fee).slice(1), "valueMoney", "currency"], "currency-mismatch"],
    ]);
  });

  it("reads a role's capacity that gives its wait alone as that and no more, and a floor above the fee as the fee", () => {
    const { practitioner, roles, options } = practitionerInput("net-rosecity-1");
    const money = (url: string, value: number): Extension => untyped({ url, valueMoney: { value, currency: "USD" } });
    const person = copy(practitioner);
    const first = (person.extension ?? []).length;
    person.extension = [
      ...(person.extension ?? []),
      { url: FhirExtensions.capacity, extension: [{ url: "expectedWaitDays", valueUnsignedInt: 30 }] },
      money(FhirExtensions.fee, 100),
      money(FhirExtensions.slidingScaleFloor, 60),
    ];
    const role = copy(roles[0]);
    const withFloor = { ...role, extension: [...(role?.extension ?? []), money(FhirExtensions.slidingScaleFloor, 120)] };
    const { clinician, notes } = clinicianFromFhir(person, [untyped(withFloor)], options);
    // The role's caseload and intake (26 / 20, 2 / 0) stand; the longer wait counts.
    expect(clinician.capacity).toEqual({
      caseloadMax: 26,
      caseloadCurrent: 20,
      weeklyNewClientLimit: 2,
      newClientsThisWeek: 0,
      expectedWaitDays: 30,
    });
    // A floor of 120 beside fees of 100 and 150: sessions cost at least the floor, and the fee read is never below it.
    expect([clinician.fee, clinician.slidingScaleFloor]).toEqual([
      { currency: "USD", minorUnits: 15_000 },
      { currency: "USD", minorUnits: 12_000 },
    ]);
    const roleCapacity = (role?.extension ?? []).findIndex((e) => e.url === FhirExtensions.capacity);
    expect(notes.filter((note) => note.code === "values-disagree").map((note) => note.path)).toEqual([
      ["practitionerRoles", 0, "extension", roleCapacity],
      ["practitioner", "extension", first + 1],
      ["practitioner", "extension", first + 2],
    ]);
    // With the role's fee of 150 gone, the floor of 120 is above every fee: the fee is read as 120.
    const noFee = { ...withFloor, extension: withFloor.extension.filter((e) => e.url !== FhirExtensions.fee) };
    const raised = clinicianFromFhir(person, [untyped(noFee)], options);
    expect([raised.clinician.fee, raised.clinician.slidingScaleFloor]).toEqual([
      { currency: "USD", minorUnits: 12_000 },
      { currency: "USD", minorUnits: 12_000 },
    ]);
    expect(raised.notes.filter((note) => note.code === "values-disagree").map((note) => note.path)).toContainEqual([
      "practitioner",
      "extension",
      first + 1,
    ]);
  });

  it("refuses a floor above the fee on one element, or in another currency, by path; reads a part left out the cautious way", () => {
    const { practitioner, roles, options } = practitionerInput("net-rosecity-1");
    const money = (url: string, value: number, currency = "USD"): Extension => untyped({ url, valueMoney: { value, currency } });
    const role = copy(roles[0]);
    const at = (role?.extension ?? []).length;
    const withFloor = (floor: Extension) => [untyped({ ...role, extension: [...(role?.extension ?? []), floor] })];
    const refused = (floor: Extension) =>
      failure(() => clinicianFromFhir(practitioner, withFloor(floor), options)).issues.map((issue) => [issue.path, issue.code]);
    // The role's own fee is 150.
    expect(refused(money(FhirExtensions.slidingScaleFloor, 160))).toEqual([[[0, "extension", at, "valueMoney"], "floor-above-fee"]]);
    expect(refused(money(FhirExtensions.slidingScaleFloor, 90, "EUR"))).toEqual([
      [[0, "extension", at, "valueMoney", "currency"], "currency-mismatch"],
    ]);
    // A caseload maximum without its current count is full; capacities that name no caseload leave no room, and say so.
    const capacity = (parts: Record<string, number>): Extension =>
      untyped({ url: FhirExtensions.capacity, extension: Object.entries(parts).map(([url, value]) => ({ url, valueUnsignedInt: value })) });
    const others = (role?.extension ?? []).filter((e) => e.url !== FhirExtensions.capacity);
    const read = (...given: Extension[]) =>
      clinicianFromFhir(practitioner, [untyped({ ...role, extension: [...others, ...given] })], options);
    expect(read(capacity({ caseloadMax: 30, weeklyNewClientLimit: 2 })).clinician.capacity).toEqual({
      caseloadMax: 30,
      caseloadCurrent: 30,
      weeklyNewClientLimit: 2,
      newClientsThisWeek: 0,
    });
    const waitOnly = read(capacity({ expectedWaitDays: 7 }));
    expect(waitOnly.clinician.capacity).toEqual({
      caseloadMax: 0,
      caseloadCurrent: 0,
      weeklyNewClientLimit: 0,
      newClientsThisWeek: 0,
      expectedWaitDays: 7,
    });
    expect(waitOnly.notes).toContainEqual({ path: ["practitionerRoles"], code: "assumed-no-capacity" });
    // A floor above a fee of its own element is refused whatever another element gives, in either order.
    const bare = { ...role, extension: (role?.extension ?? []).filter((e) => !/fee|floor/.test(e.url)) };
    const paying = (...given: Extension[]) => untyped({ ...bare, extension: [...bare.extension, ...given] });
    const contradicting = paying(money(FhirExtensions.fee, 150), money(FhirExtensions.slidingScaleFloor, 160));
    const besides = [
      paying(money(FhirExtensions.fee, 200)),
      paying(money(FhirExtensions.fee, 150)),
      paying(money(FhirExtensions.slidingScaleFloor, 160)),
    ];
    for (const other of besides) {
      for (const both of [
        [contradicting, other],
        [other, contradicting],
      ]) {
        expect(failure(() => clinicianFromFhir(practitioner, untyped(both), options)).issues.map((issue) => issue.code)).toEqual([
          "floor-above-fee",
        ]);
      }
    }
  });

  it("reads a part given more than once in one capacity the cautious way, and notes each value not read", () => {
    const { practitioner, roles, options } = practitionerInput("net-rosecity-1");
    const role = copy(roles[0]);
    const others = (role?.extension ?? []).filter((e) => e.url !== FhirExtensions.capacity);
    const parts: [string, number][] = [
      ["caseloadMax", 30],
      ["caseloadCurrent", 20],
      ["caseloadMax", 25],
      ["weeklyNewClientLimit", 2],
      ["caseloadCurrent", 22],
      ["weeklyNewClientLimit", 3],
      ["expectedWaitDays", 14],
      ["expectedWaitDays", 7],
    ];
    const capacity = { url: FhirExtensions.capacity, extension: parts.map(([url, value]) => ({ url, valueUnsignedInt: value })) };
    const { clinician, notes } = clinicianFromFhir(practitioner, [untyped({ ...role, extension: [...others, capacity] })], options);
    // The lower limits, the higher counts and the longer wait: 3 places left, 2 new clients this week, 14 days.
    expect(clinician.capacity).toEqual({
      caseloadMax: 25,
      caseloadCurrent: 22,
      weeklyNewClientLimit: 2,
      newClientsThisWeek: 0,
      expectedWaitDays: 14,
    });
    const at = ["practitionerRoles", 0, "extension", others.length, "extension"];
    expect(notes.filter((note) => note.code === "values-disagree").map((note) => note.path)).toEqual(
      [0, 1, 5, 7].map((part) => [...at, part]),
    );
  });

  it("refuses a capacity part above what the clinician record allows at its FHIR path, and reads one at the most", () => {
    const { practitioner, roles, options } = practitionerInput("net-rosecity-1");
    const role = copy(roles[0]);
    const others = (role?.extension ?? []).filter((e) => e.url !== FhirExtensions.capacity);
    const parts = {
      caseloadMax: 10_000,
      caseloadCurrent: 10_000,
      weeklyNewClientLimit: 1_000,
      newClientsThisWeek: 1_000,
      expectedWaitDays: 3_650,
    };
    const withParts = (given: Record<string, number>) => {
      const capacity = {
        url: FhirExtensions.capacity,
        extension: Object.entries(given).map(([url, value]) => ({ url, valueUnsignedInt: value })),
      };
      return [untyped({ ...role, extension: [...others, capacity] })];
    };
    expect(clinicianFromFhir(practitioner, withParts(parts), options).clinician.capacity).toEqual(parts);
    Object.keys(parts).forEach((key, index) => {
      const error = failure(() =>
        clinicianFromFhir(practitioner, withParts({ ...parts, [key]: parts[key as keyof typeof parts] + 1 }), options),
      );
      expect([error.input, error.issues.map((issue) => [issue.path, issue.code])]).toEqual([
        "practitionerRoles",
        [[[0, "extension", others.length, "extension", index, "valueUnsignedInt"], "too-big"]],
      ]);
    });
  });

  it("reads the outcome profile, every rating of a domain kept but a repeat, and a licence's number", () => {
    const { practitioner, roles, options } = practitionerInput("net-rosecity-1");
    const outcome = (parts: Record<string, unknown>) => ({
      url: FhirExtensions.outcome,
      extension: Object.entries(parts).map(([url, value]) => ({ url, ...(value as object) })),
    });
    const person = copy(practitioner);
    person.extension = [
      ...(person.extension ?? []),
      outcome({ problemArea: { valueString: "trauma" }, rating: { valueCode: "effective" }, cases: { valueUnsignedInt: 41 } }),
      outcome({
        problemArea: { valueString: "substance-use" },
        rating: { valueCode: "ineffective" },
        cases: { valueUnsignedInt: 18 },
        asOf: { valueDate: "2026-09-30" },
        source: { valueString: "Practice outcome audit" },
      }),
    ];
    (person.qualification ?? [])[0] = { ...(person.qualification?.[0] as object), identifier: [{ value: "C-10422" }] } as never;
    const { clinician } = clinicianFromFhir(person, roles, options);
    expect(clinician.outcomes).toEqual([
      { problemArea: "trauma", rating: "effective", cases: 41 },
      { problemArea: "substance-use", rating: "ineffective", cases: 18, asOf: "2026-09-30", source: "Practice outcome audit" },
    ]);
    expect(clinician.licensure.licenses[0]?.number).toBe("C-10422");
    expect(allFhirErrors(person)).toEqual([]);
    // A second rating of a domain that disagrees is kept, for the matcher to weigh; the same rating on the same cases is not.
    const twice = copy(person);
    const againIneffective = outcome({
      problemArea: { valueString: "trauma" },
      rating: { valueCode: "ineffective" },
      cases: { valueUnsignedInt: 30 },
    });
    const datedAgain = outcome({
      problemArea: { valueString: "trauma" },
      rating: { valueCode: "ineffective" },
      cases: { valueUnsignedInt: 30 },
      asOf: { valueDate: "2026-10-01" },
    });
    twice.extension = [...(person.extension ?? []), againIneffective, againIneffective, datedAgain];
    expect(clinicianFromFhir(twice, roles, options).clinician.outcomes?.map((each) => [each.problemArea, each.rating])).toEqual([
      ["trauma", "effective"],
      ["substance-use", "ineffective"],
      ["trauma", "ineffective"],
    ]);
    const broken = copy(person);
    broken.extension = [
      outcome({ problemArea: { valueString: "trauma" }, rating: { valueCode: "great" } }),
      ...(practitioner.extension ?? []),
    ];
    expect(failure(() => clinicianFromFhir(broken, roles, options)).issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["extension.0.extension.1.valueCode", "invalid-value"],
      ["extension.0.extension.cases", "required"],
    ]);
    // One outcome rated twice, or counted twice, with different values has no one reading: the repeat is refused, in
    // either order; the same value again reads as once.
    const part = (url: string, value: object) => ({ url, ...value });
    const withParts = (...parts: object[]) => {
      const rated = copy(practitioner);
      rated.extension = [{ url: FhirExtensions.outcome, extension: parts } as Extension, ...(practitioner.extension ?? [])];
      return rated;
    };
    const area = part("problemArea", { valueString: "trauma" });
    const cases = part("cases", { valueUnsignedInt: 40 });
    const [effective, ineffective] = [part("rating", { valueCode: "effective" }), part("rating", { valueCode: "ineffective" })];
    for (const [first, second] of [
      [effective, ineffective],
      [ineffective, effective],
    ]) {
      const error = failure(() => clinicianFromFhir(withParts(area, first as object, cases, second as object), roles, options));
      expect(error.issues).toEqual([{ path: ["extension", 0, "extension", 3, "valueCode"], code: "too-big", expected: "at most 1 item" }]);
    }
    const recounted = failure(() =>
      clinicianFromFhir(withParts(area, effective, cases, part("cases", { valueUnsignedInt: 4 })), roles, options),
    );
    expect(recounted.issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["extension.0.extension.3.valueUnsignedInt", "too-big"],
    ]);
    expect(clinicianFromFhir(withParts(area, effective, cases, effective), roles, options).clinician.outcomes).toEqual([
      { problemArea: "trauma", rating: "effective", cases: 40 },
    ]);
  });

  it("takes the host's code map entries before the defaults", () => {
    const { practitioner, roles, options } = practitionerInput("net-rosecity-1");
    const mapped = clinicianFromFhir(practitioner, roles, {
      ...options,
      codeMaps: { problemAreas: [{ system: "http://snomed.info/sct", code: "47505003", tag: "complex-trauma", source: "host" }] },
    });
    expect(mapped.clinician.problemAreas[0]).toBe("complex-trauma");
  });
});

describe("clientFromFhir", () => {
  it("reads the sample's client: age group, residence with its point, coverage, needs and severity", () => {
    const { patient, coverages, conditions } = patientInput();
    const { client, notes } = clientFromFhir(patient, coverages, conditions, { now: NOW });
    expect(client).toMatchObject({
      id: "cl-02",
      ageGroup: "adult",
      residence: { jurisdiction: "US-OR" },
      needs: { problemAreas: ["trauma"], severity: "moderate" },
    });
    expect(client.coverage.map((coverage) => coverage.payerId)).toEqual(["regence", "cigna"]);
    expect(notes).toEqual([]);
  });

  it("reads a later address as a planned move, and skips an old one", () => {
    const { patient, coverages, conditions } = patientInput();
    const moving = {
      ...patient,
      address: [
        { use: "old" as const, state: "CA", country: "US" },
        { use: "home" as const, state: "OR", country: "US", period: { end: "2027-01-14" } },
        { use: "home" as const, state: "WA", country: "US", period: { start: "2027-01-15" } },
      ],
    };
    const { client } = clientFromFhir(moving, coverages, conditions, { now: NOW });
    expect(client.residence).toEqual({ jurisdiction: "US-OR" });
    expect(client.plannedMoves).toEqual([{ date: "2027-01-15", to: { jurisdiction: "US-WA" } }]);
  });

  it("reads a temporary address with a period as a stay, and one without as before", () => {
    const { patient, coverages, conditions } = patientInput();
    const student = {
      ...patient,
      address: [
        { use: "home" as const, state: "OR", country: "US" },
        { use: "temp" as const, state: "WA", country: "US", period: { start: "2026-09-20", end: "2026-12-12" } },
        { use: "temp" as const, state: "CA", country: "US", period: { start: "2026-01-05", end: "2026-03-20" } },
      ],
    };
    const { client } = clientFromFhir(student, coverages, conditions, { now: NOW });
    expect(client.residence).toEqual({ jurisdiction: "US-OR" });
    // The stay in force counts; the one that ended is gone.
    expect(client.stays).toEqual([{ place: { jurisdiction: "US-WA" }, period: { start: "2026-09-20", end: "2026-12-12" } }]);
    const onlyTemp = { ...patient, address: [{ use: "temp" as const, state: "WA", country: "US" }] };
    expect(clientFromFhir(onlyTemp, coverages, conditions, { now: NOW }).client).toMatchObject({
      residence: { jurisdiction: "US-WA" },
      stays: [],
    });
  });

  it("tells a partial birth date by both its ends", () => {
    const { patient, coverages, conditions } = patientInput();
    expect(clientFromFhir({ ...patient, birthDate: "1988" }, coverages, conditions, { now: NOW }).client.ageGroup).toBe("adult");
    // Born in 2008: 17 or 18 on 2026-11-23, so the year cannot say.
    expect(failure(() => clientFromFhir({ ...patient, birthDate: "2008" }, coverages, conditions, { now: NOW })).issues).toEqual([
      { path: ["birthDate"], code: "invalid", expected: "a date that tells the age group" },
    ]);
  });

  it("reports an unknown code and skips a resolved condition; with no need left, it is an issue", () => {
    const { patient, coverages } = patientInput();
    const condition = (code: string, clinical = "active") => ({
      resourceType: "Condition" as const,
      subject: { reference: "Patient/cl-02" },
      clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: clinical }] },
      code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code }] },
    });
    const read = clientFromFhir(patient, coverages, [condition("F99"), condition("F32.1", "resolved"), condition("F41.1")], { now: NOW });
    expect(read.client.needs.problemAreas).toEqual(["anxiety"]);
    expect(read.notes).toEqual([
      { path: ["conditions", 1, "clinicalStatus"], code: "inactive" },
      { path: ["conditions", 0, "code"], code: "unknown-code", system: "http://hl7.org/fhir/sid/icd-10-cm" },
    ]);
    expect(failure(() => clientFromFhir(patient, coverages, [condition("F99")], { now: NOW })).issues[0]?.code).toBe(
      "primary-need-missing",
    );
  });

  it("a condition whose codings map to different needs gives every one, the first coding's first, and says so", () => {
    const { patient, coverages } = patientInput();
    const icd = (code: string) => ({ system: "http://hl7.org/fhir/sid/icd-10-cm", code });
    const condition = (...codes: string[]) => ({
      resourceType: "Condition" as const,
      subject: { reference: "Patient/cl-02" },
      code: { coding: codes.map(icd) },
    });
    // Depression and suicidal ideation in one concept: the risk is a need, never dropped for the first coding's.
    const read = clientFromFhir(patient, coverages, [condition("F32.1", "R45.851"), condition("F41.1")], { now: NOW });
    expect(read.client.needs.problemAreas).toEqual(["depression", "suicidality", "anxiety"]);
    expect(read.notes).toEqual([{ path: ["conditions", 0, "code"], code: "codings-disagree" }]);
    // Codings that agree (two codes for one need) say nothing.
    const agreeing = clientFromFhir(patient, coverages, [condition("F32.1", "F32.2")], { now: NOW });
    expect([agreeing.client.needs.problemAreas, agreeing.notes]).toEqual([["depression"], []]);
  });

  it("refuses a coverage of another patient", () => {
    const { patient, coverages, conditions } = patientInput();
    const other = { ...(coverages[0] as object), beneficiary: { reference: "Patient/someone-else" } };
    const error = failure(() => clientFromFhir(patient, [untyped(other)], conditions, { now: NOW }));
    expect(error.input).toBe("coverages");
    expect(error.issues[0]).toMatchObject({ path: [0, "beneficiary", "reference"], code: "unknown-reference" });
  });
});

describe("code maps", () => {
  it("every entry names its source, and no exact code maps to two tags", () => {
    const seen = new Map<string, string>();
    for (const entry of [...defaultCodeMaps.problemAreas, ...defaultCodeMaps.disciplines]) {
      expect(entry.source.length).toBeGreaterThan(0);
      const key = `${entry.system}|${entry.code}|${entry.match}`;
      expect(seen.get(key) ?? entry.tag, key).toBe(entry.tag);
      seen.set(key, entry.tag);
    }
  });
});

describe("referwell's extension definitions", () => {
  const dir = new URL("../../fhir/", import.meta.url);
  const definitions = readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => JSON.parse(readFileSync(new URL(name, dir), "utf8")) as StructureDefinition);

  it("define every referwell extension the adapter uses, each a valid StructureDefinition", () => {
    const ours = Object.values(FhirExtensions).filter((url) => url.startsWith("https://referwell.github.io/"));
    expect(definitions.map((definition) => definition.url).sort()).toEqual([...ours].sort());
    for (const definition of definitions) expect(allFhirErrors(definition), definition.id).toEqual([]);
  });
});

describe("inputs are never changed", () => {
  it("the readers read frozen FHIR as they read it unfrozen", () => {
    const { practitioner, roles, options } = practitionerInput("net-rosecity-1");
    const { patient, coverages, conditions } = patientInput();
    const frozen = deepFreeze(copy({ practitioner, roles, options, patient, coverages, conditions }));
    expect(clinicianFromFhir(frozen.practitioner, frozen.roles, frozen.options)).toEqual(clinicianFromFhir(practitioner, roles, options));
    expect(clientFromFhir(frozen.patient, frozen.coverages, frozen.conditions, { now: NOW })).toEqual(
      clientFromFhir(patient, coverages, conditions, { now: NOW }),
    );
  });
});
