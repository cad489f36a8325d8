/**
 * Cadence on the sample practice: what is due, a four-week plan within each
 * clinician's weekly capacity, and an .ics file to import into a calendar.
 *
 *   npx tsx --tsconfig examples/tsconfig.run.json examples/cadence.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Referrer } from "referwell";
import { dueTouches, planTouches, toICalendar } from "referwell/cadence";
import { type RelationshipEvent, relationshipState } from "referwell/relationships";

const read = (name: string) => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8"));
const referrers: Referrer[] = read("referrers.json");
const { relationshipEvents } = read("histories.json") as { relationshipEvents: RelationshipEvent[] };
const now = "2026-11-23";

const states = referrers
  .filter((referrer) => relationshipEvents.some((event) => event.referrerId === referrer.id))
  .map((referrer) =>
    relationshipState(
      relationshipEvents.filter((event) => event.referrerId === referrer.id),
      { now, referrerId: referrer.id, referrerKind: referrer.kind },
    ),
  );

const due = dueTouches(states, { now, newMeetingsPerMonth: 2 });
const plan = planTouches(due, {
  from: now,
  weeks: 4,
  timeZone: "America/Los_Angeles",
  holidays: ["2026-11-26", "2026-11-27", "2026-12-25"],
  capacity: 2,
});
for (const touch of plan.planned)
  console.log(
    `${touch.date} ${touch.localTime} ${touch.clinicianId ?? "practice"}: ${touch.reason} with ${touch.referrerId ?? "a new contact"} (${touch.suggestedKind})`,
  );
for (const { touch, reason } of plan.unplaced) console.log(`not placed: ${touch.id} (${reason})`);

const ics = toICalendar(plan, { now: "2026-11-23T08:00:00Z", names: referrers.map((r) => ({ id: r.id, name: r.name })) });
mkdirSync(new URL("./out/", import.meta.url), { recursive: true });
writeFileSync(new URL("./out/touches.ics", import.meta.url), ics);
console.log(`\nWrote examples/out/touches.ics (${plan.planned.length} events).`);
