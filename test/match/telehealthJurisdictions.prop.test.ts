import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { telehealthJurisdictions } from "../../src/match/internal/telehealthJurisdictions.js";

// Few jurisdictions, so licences, compacts and the places needing none overlap.
const jurisdiction = fc.constantFrom("US-OR", "US-WA", "US-CA", "US-ID", "GB", "GB-SCT", "AU-NSW");
const compactId = fc.constantFrom("psypact", "counseling", "unknown");

describe("the jurisdictions a clinician may reach by telehealth", () => {
  test.prop([
    fc.array(jurisdiction, { maxLength: 6 }),
    fc.array(compactId, { maxLength: 3 }),
    fc.option(fc.array(jurisdiction, { maxLength: 4 }), { nil: undefined }),
    fc.array(jurisdiction, { maxLength: 5 }),
    fc.array(jurisdiction, { maxLength: 5 }),
  ])(
    "are every licence, compact member and place needing no licence, each once, sorted",
    (licences, compacts, unlicensed, psypact, counseling) => {
      const members = new Map([
        ["psypact", psypact],
        ["counseling", counseling],
      ]);
      const source = {
        licensure: {
          licenses: licences.map((where) => ({ jurisdiction: where })),
          compacts: compacts.map((id) => ({ compactId: id })),
        },
      } as unknown as Parameters<typeof telehealthJurisdictions>[0];
      const every = [...licences, ...compacts.flatMap((id) => members.get(id) ?? []), ...(unlicensed ?? [])];
      expect(telehealthJurisdictions(source, members, unlicensed)).toEqual([...new Set(every)].sort());
    },
  );
});
