import { createHash } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Id } from "referwell";
import { dueTouches, toICalendar } from "referwell/cadence";
import { relationshipState } from "referwell/relationships";

/** The UID an id should get: SHA-256 of its UTF-16BE code units, by Node's own implementation. */
const expectedUid = (id: string) => `${createHash("sha256").update(Buffer.from(id, "utf16le").swap16()).digest("hex")}@referwell.invalid`;
const planned = (id: string) => ({
  id,
  referrerId: "ref-1",
  clinicianId: "clin-a",
  reason: "cadence" as const,
  dueDate: "2026-11-20",
  overdueDays: 0,
  suggestedKind: "coffee" as const,
  value: 2,
  explanation: "x",
  date: "2026-11-24",
  localTime: "10:00",
  timeZone: "UTC",
  start: "2026-11-24T10:00:00Z",
  end: "2026-11-24T10:30:00Z",
});
const uids = (ids: readonly string[]) =>
  (
    toICalendar({ planned: ids.map(planned) }, { now: "2026-11-23T08:00:00Z" })
      .replace(/\r\n /g, "")
      .match(/^UID:.*$/gm) ?? []
  ).map((line) => line.slice(4));
/** Any UTF-16 code unit, lone surrogates and control characters included. */
const anyId = fc
  .string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), minLength: 1, maxLength: 40 })
  .filter((id) => Id.safeParse(id).success);

describe("UIDs", () => {
  test.prop([
    fc.uniqueArray(fc.oneof(anyId, fc.constantFrom("probe\rA", "probe\nA", "probe\r\nA", "probeA", "probe\u0001A")), {
      minLength: 1,
      maxLength: 12,
    }),
  ])("injective and stable: distinct ids give distinct UIDs, each the SHA-256 of its id, of hex digits only", (ids) => {
    const written = uids(ids);
    expect(new Set(written).size).toBe(ids.length);
    expect([...written].sort()).toEqual(ids.map(expectedUid).sort());
    for (const uid of written) expect(uid).toMatch(/^[0-9a-f]{64}@referwell\.invalid$/);
  });

  it("gives three UIDs to probe\\rA, probe\\nA and probeA", () => {
    expect(new Set(uids(["probe\rA", "probe\nA", "probeA"])).size).toBe(3);
  });

  test.prop([fc.array(fc.stringMatching(/^ZQX[0-9]{6}$/), { minLength: 1, maxLength: 5 })])(
    "no client or episode identifier in any field of a due touch or the calendar written from it",
    (episodes) => {
      const state = relationshipState(
        [
          {
            id: "e1",
            date: "2026-05-01",
            type: "referral-received",
            addressedTo: "point-person",
            clinicianId: "clin-a",
            referrerId: "ref-1",
          },
          { id: "e2", date: "2026-05-02", type: "touch", kind: "thank-you", clinicianId: "clin-a", referrerId: "ref-1" },
        ],
        { now: "2026-11-23" },
      );
      const mutualClients = episodes.map((episodeId, index) => ({
        referrerId: "ref-1",
        episodeId,
        clinicianId: index % 2 === 0 ? "clin-a" : "clin-b",
        consentAllowsNote: true,
        since: "2026-05-01",
        lastNoteSent: "2026-09-20",
      }));
      const due = dueTouches([state], { now: "2026-11-23", mutualClients });
      expect(due.some((touch) => touch.reason === "progress-note")).toBe(true);
      expect(JSON.stringify(due)).not.toMatch(/ZQX/);
      const ics = toICalendar({ planned: due.map((touch) => ({ ...planned(touch.id), ...touch })) }, { now: "2026-11-23T08:00:00Z" });
      expect(ics).not.toMatch(/ZQX/);
    },
  );
});
