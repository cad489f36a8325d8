/**
 * A waitlist of 2,000 clients reviewed against a directory of 10,000
 * clinicians (the aim: at most 1 s).
 *
 * Beside it, in the same run, a baseline a host might write with the same
 * matcher: the entries validated with the same schema, sorted urgency first,
 * then by time waited, each client ranked (ten options) and offered the first
 * clinician of the practice with a place left, else referred out past their
 * maximum wait. It does less than reviewWaitlist: no preferred clinicians, no
 * positions or expected waits, no explanations. The matcher is compiled once,
 * before timing; the durations are reported, never asserted.
 */
import * as z from "zod";
import { bench, describe } from "vitest";
import { criteriaFromClient } from "referwell";
import { reviewWaitlist, WaitlistEntry, type WaitlistEntryInput } from "referwell/intake";
import { createMatcher } from "referwell/match";
import { SYNTHETIC_NOW, syntheticClients, syntheticDirectory } from "../arbitraries/synthetic.js";

const directory = syntheticDirectory({ seed: 7, clinicians: 10_000 });
const matcher = createMatcher(directory);
const practiceId = "prac-3";
const URGENCIES = ["routine", "soon", "urgent"] as const;
const waitlist: WaitlistEntryInput[] = syntheticClients({ seed: 8, count: 2_000 }).map((client, index) => ({
  id: `w-${index}`,
  dateAdded: `2026-10-${String(1 + (index % 28)).padStart(2, "0")}`,
  urgency: URGENCIES[index % 3] as (typeof URGENCIES)[number],
  criteria: criteriaFromClient(client, { startDate: SYNTHETIC_NOW }),
  maxWaitDays: 30 + (index % 30),
}));

const Entries = z.array(WaitlistEntry);
const order = { urgent: 0, soon: 1, routine: 2 } as const;
function baseline(): number {
  const entries = Entries.parse(waitlist).sort(
    (a, b) => order[a.urgency] - order[b.urgency] || (a.dateAdded < b.dateAdded ? -1 : a.dateAdded > b.dateAdded ? 1 : 0),
  );
  const taken = new Set<string>();
  let offers = 0;
  for (const entry of entries) {
    const { options } = matcher.rank({ criteria: entry.criteria, practiceId }, { now: SYNTHETIC_NOW, limit: 10 });
    const chosen = options.find((option) => option.colleague && !taken.has(option.clinicianId));
    if (chosen !== undefined) {
      taken.add(chosen.clinicianId);
      offers += 1;
    }
  }
  return offers;
}

describe("a waitlist of 2,000 clients against 10,000 clinicians", () => {
  bench("rank each, first place left (baseline)", () => void baseline(), { time: 0, iterations: 3, warmupIterations: 1 });
  bench("reviewWaitlist", () => void reviewWaitlist(waitlist, matcher, { now: SYNTHETIC_NOW, practiceId }), {
    time: 0,
    iterations: 3,
    warmupIterations: 1,
  });
});
