/** Cadence: this week's planned touches for each clinician of the practice. */
import { dueTouches, planTouches } from "referwell/cadence";
import { type RelationshipEvent, relationshipState } from "referwell/relationships";
import { groupBy, heading, pad } from "./format.js";
import type { SampleData } from "./load.js";

export function cadenceSection(data: SampleData): void {
  const { referrers, histories, weekOf, directory } = data;
  const events = histories.relationshipEvents as unknown as RelationshipEvent[];
  const states = referrers
    .filter((referrer) => events.some((event) => event.referrerId === referrer.id))
    .map((referrer) =>
      relationshipState(
        events.filter((event) => event.referrerId === referrer.id),
        { now: weekOf, referrerId: referrer.id, referrerKind: referrer.kind },
      ),
    );
  const due = dueTouches(states, { now: weekOf, newMeetingsPerMonth: 2 });
  // Thanksgiving week: Thursday and Friday are holidays; two touches per clinician this week.
  const plan = planTouches(due, {
    from: weekOf,
    weeks: 1,
    timeZone: "America/Los_Angeles",
    holidays: ["2026-11-26", "2026-11-27"],
    capacity: 2,
  });

  heading("This week's touches, per clinician");
  const name = (id: string) => directory.clinicians.find((c) => c.id === id)?.name ?? id;
  const referrer = (id: string | null) =>
    id === null ? "a new contact (monthly meeting goal)" : (referrers.find((r) => r.id === id)?.name ?? id);
  for (const [clinicianId, touches] of groupBy(plan.planned, (touch) => touch.clinicianId ?? "practice")) {
    console.log(clinicianId === "practice" ? "The practice" : name(clinicianId));
    for (const touch of touches)
      console.log(
        `  ${touch.date} ${touch.localTime}  ${pad(touch.reason, 18)} ${pad(referrer(touch.referrerId), 36)} ${touch.suggestedKind}`,
      );
  }
  const later = plan.unplaced.filter((u) => u.reason === "due-after-horizon").length;
  const full = plan.unplaced.filter((u) => u.reason === "no-capacity").map((u) => u.touch.id);
  console.log(
    `${later} touches fall due after this week${full.length > 0 ? `; no room this week for ${full.length}: ${full.join(", ")}` : ""}.`,
  );
}
