/**
 * An independent, deliberately plain statement of the matcher's hard
 * constraints, for properties to check the matcher against.
 */
import {
  checkLicensure,
  type Clinician,
  type Compact,
  createVocabulary,
  type MatchCriteria,
  normalizeTag,
  type VocabularyList,
} from "referwell";

const vocabulary = createVocabulary();
const lang = (tag: string) => tag.split("-")[0]?.toLowerCase();

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

export function hardConstraintViolations(
  criteria: MatchCriteria,
  c: Clinician,
  compacts: readonly Compact[],
  startDate: string,
  defaultRadiusKm = 40,
): string[] {
  const out: string[] = [];
  const r = criteria.require;
  const has = (list: VocabularyList, mine: readonly string[], wanted: readonly string[]) =>
    wanted.every((w) => mine.some((m) => vocabulary.canonical(list, m) === vocabulary.canonical(list, w)));
  if (r.excludeClinicianIds.includes(c.id) || (c.practiceId !== undefined && r.excludePracticeIds.includes(c.practiceId)))
    out.push("excluded");
  if (!c.acceptingNewClients) out.push("accepting");
  if (c.capacity.caseloadCurrent >= c.capacity.caseloadMax || c.capacity.newClientsThisWeek >= c.capacity.weeklyNewClientLimit)
    out.push("capacity");
  const served = c.populations.some((p) => vocabulary.canonical("populations", p) === "adults")
    ? [...c.populations, "older-adults"]
    : c.populations;
  // The outcome veto (default policy): any ineffective rating on at least 15 cases with the primary need, whatever else it is rated.
  const primary = criteria.prefer.problemAreas[0];
  const onPrimary = (c.outcomes ?? []).filter(
    (o) => primary !== undefined && vocabulary.canonical("problemAreas", o.problemArea) === vocabulary.canonical("problemAreas", primary),
  );
  if (onPrimary.some((o) => o.rating === "ineffective" && o.cases >= 15)) out.push("outcome");
  if (!has("populations", served, r.populations)) out.push("population");
  if (!has("problemAreas", c.problemAreas, r.problemAreas)) out.push("problem-area");
  if (!has("modalities", c.modalities, r.modalities)) out.push("modality");
  if (!r.languages.every((w) => c.languages.some((m) => lang(m) === lang(w)))) out.push("language");
  if (
    r.disciplines.length > 0 &&
    !r.disciplines.some((d) => vocabulary.canonical("disciplines", d) === vocabulary.canonical("disciplines", c.discipline))
  )
    out.push("discipline");
  // A preference the client says is a must; an unknown clinician age never meets a range.
  const p = criteria.prefer;
  const norm = normalizeTag;
  const must = (name: string, met: () => boolean) => (p.must ?? []).includes(name as never) && !met();
  if (
    must("populations", () => has("populations", served, p.populations ?? [])) ||
    must("cultures", () => (p.cultures ?? []).every((w) => (c.cultures ?? []).some((m) => norm(m) === norm(w)))) ||
    must("faiths", () => (p.faiths ?? []).every((w) => (c.faiths ?? []).some((m) => norm(m) === norm(w)))) ||
    must("clinicianAge", () => {
      if (p.clinicianAge === undefined) return true;
      if (c.birthYear === undefined) return false;
      const age = Number(startDate.slice(0, 4)) - c.birthYear;
      return age >= (p.clinicianAge.min ?? 0) && age <= (p.clinicianAge.max ?? 999);
    }) ||
    must("interpreter", () => p.interpreter === undefined || c.worksWithInterpreters === true)
  )
    out.push("preference");
  if (r.levelOfCare !== undefined && !(c.levelsOfCare ?? ["outpatient"]).includes(r.levelOfCare)) out.push("level-of-care");
  // Default wait caps: urgent 2 calendar days; soon 10 business days, stepped one day at a time from the start date.
  let soonDays = 0;
  for (let business = 0; business < 10;) {
    soonDays += 1;
    const weekday = new Date(Date.parse(`${startDate}T00:00:00Z`) + soonDays * 86_400_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) business += 1;
  }
  const caps = [r.maxWaitDays, criteria.urgency === "urgent" ? 2 : criteria.urgency === "soon" ? soonDays : undefined].filter(
    (cap) => cap !== undefined,
  );
  if (c.capacity.expectedWaitDays !== undefined && caps.some((cap) => (c.capacity.expectedWaitDays as number) > cap)) out.push("wait");
  if (r.payment !== undefined) {
    // In network on every day of the course (12 weeks by default), a day at a time; a plan-limited panel needs the client's plan.
    const weeks = criteria.expectedWeeks ?? 12;
    const days = Array.from({ length: Math.max(1, weeks * 7) }, (_, i) =>
      new Date(Date.parse(`${startDate}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
    );
    const inNetwork = r.payment.payers.some((payer) =>
      days.every((day) =>
        c.insurancePanels.some(
          (p) =>
            payer.payerId === p.payerId &&
            p.period.start <= day &&
            (p.period.end === undefined || day <= p.period.end) &&
            (p.plans === undefined || (payer.planId !== undefined && p.plans.includes(payer.planId))),
        ),
      ),
    );
    const budget = r.payment.maxSelfPay;
    const affordable =
      budget !== undefined &&
      c.fee !== undefined &&
      c.fee.currency === budget.currency &&
      (c.fee.minorUnits <= budget.minorUnits || (c.slidingScaleFloor !== undefined && c.slidingScaleFloor.minorUnits <= budget.minorUnits));
    if (!inNetwork && !affordable) out.push("payment");
  }
  const where = criteria.location;
  const radius = r.travelRadiusKm ?? defaultRadiusKm;
  // Telehealth: a day at a time over the course, licensed where the client is on each day a stretch there begins.
  const courseDays = Array.from({ length: Math.max(1, (criteria.expectedWeeks ?? 12) * 7) }, (_, i) =>
    new Date(Date.parse(`${startDate}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );
  const placesOn = (day: string): string[] => {
    const staying = (criteria.stays ?? []).filter((s) => s.period.start <= day && (s.period.end === undefined || day <= s.period.end));
    return staying.length === 0 ? [where.jurisdiction] : staying.map((s) => s.place.jurisdiction);
  };
  const tele =
    r.modes.includes("telehealth") &&
    c.telehealth &&
    courseDays.every((day, i) =>
      placesOn(day).every(
        (place) =>
          (i > 0 && placesOn(courseDays[i - 1] as string).includes(place)) ||
          checkLicensure(c, { jurisdiction: place, mode: "telehealth", on: day }, compacts).authorized,
      ),
    );
  const inPerson =
    r.modes.includes("in-person") &&
    c.locations.some(
      (office) =>
        (where.point === undefined
          ? office.jurisdiction === where.jurisdiction || office.jurisdiction.startsWith(`${where.jurisdiction}-`)
          : km(where.point, office.point) <= radius) &&
        checkLicensure(c, { jurisdiction: office.jurisdiction, mode: "in-person", on: startDate }, compacts).authorized,
    );
  if (!tele && !inPerson) out.push("care-mode");
  return out;
}
