/**
 * A seeded generator of large synthetic practices and directories for
 * benchmarks and demos: the same seed always gives the same data, and every
 * value is valid (checked in test/model/synthetic.test.ts). Plain PRNG, not
 * fast-check, so 10,000 clinicians take milliseconds.
 */
import {
  AgeGroup,
  type Client,
  type Clinician,
  type Compact,
  defaultVocabulary,
  type Directory,
  type Practice,
  type Referrer,
  ReferrerKind,
  Weekday,
} from "referwell";

/** mulberry32: a small, fast, seedable PRNG (public domain). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Picker {
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  some<T>(items: readonly T[], min: number, max: number): T[];
  chance(p: number): boolean;
}

function picker(random: () => number): Picker {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return {
    int,
    pick,
    chance: (p) => random() < p,
    some: (items, min, max) => {
      const pool = [...items];
      const count = Math.min(pool.length, int(min, max));
      const out = [];
      for (let i = 0; i < count; i += 1) out.push(pool.splice(int(0, pool.length - 1), 1)[0] as (typeof pool)[number]);
      return out;
    },
  };
}

/** Metro areas the synthetic network clusters around. */
const METROS = [
  { jurisdiction: "US-OR", timeZone: "America/Los_Angeles", lat: 45.52, lon: -122.68 },
  { jurisdiction: "US-WA", timeZone: "America/Los_Angeles", lat: 47.61, lon: -122.33 },
  { jurisdiction: "US-CA", timeZone: "America/Los_Angeles", lat: 37.77, lon: -122.42 },
  { jurisdiction: "US-CO", timeZone: "America/Denver", lat: 39.74, lon: -104.99 },
  { jurisdiction: "US-NY", timeZone: "America/New_York", lat: 40.71, lon: -74.01 },
  { jurisdiction: "US-ID", timeZone: "America/Boise", lat: 43.62, lon: -116.2 },
] as const;

export const SYNTHETIC_PAYERS = [
  "aetna",
  "regence",
  "providence",
  "kaiser",
  "cigna",
  "uhc",
  "medicaid-or",
  "medicare",
  "bcbs",
  "moda",
  "pacificsource",
  "tricare",
];

export const SYNTHETIC_COMPACTS: Compact[] = [
  {
    id: "psypact-apit",
    name: "PSYPACT telepsychology",
    members: ["US-OR", "US-WA", "US-CO", "US-ID", "US-NY"],
    modes: ["telehealth"],
    source: "synthetic",
  },
  {
    id: "counseling-compact",
    name: "Counseling Compact",
    members: ["US-WA", "US-CO", "US-ID"],
    modes: ["telehealth", "in-person"],
    source: "synthetic",
  },
];

const DISCIPLINES = [
  "psychologist",
  "clinical-social-worker",
  "counselor",
  "marriage-family-therapist",
  "psychiatric-nurse-practitioner",
  "dietitian",
];
const codes = (list: keyof typeof defaultVocabulary) => defaultVocabulary[list].map((entry) => entry.code);
const PROBLEM_AREAS = codes("problemAreas");
const MODALITIES = codes("modalities");
const LANGUAGES = ["en", "en", "en", "es", "vi", "zh", "ru", "ar", "ko", "tl"];

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const dateOf = (days: number) => new Date(Date.UTC(2020, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);

export interface SyntheticOptions {
  readonly seed: number;
  readonly clinicians: number;
  /** Clinicians per practice on average; defaults to 6. */
  readonly practiceSize?: number;
}

/** A directory of synthetic practices and clinicians around a few metro areas. */
export function syntheticDirectory(options: SyntheticOptions): Directory {
  const p = picker(seededRandom(options.seed));
  const practiceCount = Math.max(1, Math.round(options.clinicians / (options.practiceSize ?? 6)));
  const practices: Practice[] = Array.from({ length: practiceCount }, (_, i) => {
    const metro = p.pick(METROS);
    return { id: `prac-${i}`, name: `Practice ${i}`, timeZone: metro.timeZone, jurisdictions: [metro.jurisdiction] };
  });
  const clinicians: Clinician[] = Array.from({ length: options.clinicians }, (_, i) => {
    const practice = p.pick(practices);
    const metro = METROS.find((m) => m.jurisdiction === practice.jurisdictions[0]) ?? METROS[0];
    const fee = p.int(90, 260) * 100;
    const slots = p.some(Weekday.options.slice(0, 6), 2, 5).map((day) => {
      const start = p.int(7, 14) * 60;
      return { day, start: hhmm(start), end: hhmm(start + p.int(3, 8) * 60) };
    });
    const problemAreas = p.some(PROBLEM_AREAS, 2, 7);
    const caseloadMax = p.int(15, 35);
    const clinician: Clinician = {
      id: `clin-${i}`,
      name: `Clinician ${i}`,
      discipline: p.pick(DISCIPLINES),
      credentials: [],
      practiceId: practice.id,
      licensure: {
        licenses: [{ jurisdiction: metro.jurisdiction }, ...(p.chance(0.2) ? [{ jurisdiction: p.pick(METROS).jurisdiction }] : [])],
        compacts: p.chance(0.25) ? [{ compactId: p.pick(SYNTHETIC_COMPACTS).id }] : [],
      },
      problemAreas,
      modalities: p.some(MODALITIES, 1, 5),
      populations: p.some(["children", "adolescents", "adults", "older-adults", "couples", "families"], 1, 3),
      languages: [...new Set(["en", ...(p.chance(0.3) ? [p.pick(LANGUAGES)] : [])])],
      gender: p.pick(["woman", "woman", "man", "non-binary"]),
      insurancePanels: p.some(SYNTHETIC_PAYERS, 0, 4).map((payerId) => ({ payerId, period: { start: dateOf(p.int(0, 1500)) } })),
      fee: { currency: "USD", minorUnits: fee },
      ...(p.chance(0.4) ? { slidingScaleFloor: { currency: "USD", minorUnits: Math.round(fee * 0.5) } } : {}),
      locations: p.chance(0.8)
        ? [
            {
              id: `loc-${i}`,
              jurisdiction: metro.jurisdiction,
              point: { lat: metro.lat + p.int(-300, 300) / 1000, lon: metro.lon + p.int(-300, 300) / 1000 },
            },
          ]
        : [],
      telehealth: p.chance(0.7),
      availability: { timeZone: practice.timeZone, slots },
      acceptingNewClients: p.chance(0.8),
      capacity: {
        caseloadMax,
        caseloadCurrent: p.int(Math.floor(caseloadMax / 2), caseloadMax + 2),
        weeklyNewClientLimit: p.int(0, 4),
        newClientsThisWeek: p.int(0, 2),
        expectedWaitDays: p.int(0, 60),
      },
      ...(p.chance(0.5)
        ? {
            outcomes: problemAreas.slice(0, 3).map((problemArea) => ({
              problemArea,
              rating: p.pick(["effective", "neutral", "neutral", "ineffective"] as const),
              cases: p.int(0, 80),
            })),
          }
        : {}),
    };
    return clinician;
  });
  return { practices, clinicians, payers: SYNTHETIC_PAYERS.map((id) => ({ id, name: id.toUpperCase() })), compacts: SYNTHETIC_COMPACTS };
}

/** Synthetic clients around the same metro areas. */
export function syntheticClients(options: { readonly seed: number; readonly count: number }): Client[] {
  const p = picker(seededRandom(options.seed));
  return Array.from({ length: options.count }, (_, i) => {
    const metro = p.pick(METROS);
    const timeZone = metro.timeZone;
    return {
      id: `client-${i}`,
      ageGroup: p.pick(AgeGroup.options),
      careFormat: p.pick(["individual", "individual", "individual", "couple", "family"] as const),
      residence: {
        jurisdiction: metro.jurisdiction,
        point: { lat: metro.lat + p.int(-200, 200) / 1000, lon: metro.lon + p.int(-200, 200) / 1000 },
      },
      plannedMoves: p.chance(0.05) ? [{ date: dateOf(p.int(2500, 2700)), to: { jurisdiction: p.pick(METROS).jurisdiction } }] : [],
      stays: [],
      coverage: p.chance(0.75) ? [{ payerId: p.pick(SYNTHETIC_PAYERS), period: { start: dateOf(p.int(0, 2000)) } }] : [],
      ...(p.chance(0.5) ? { maxSelfPay: { currency: "USD", minorUnits: p.int(60, 200) * 100 } } : {}),
      needs: { problemAreas: p.some(PROBLEM_AREAS, 1, 3), severity: p.pick(["mild", "moderate", "severe", "complex"] as const) },
      preferences: {
        modalities: p.chance(0.3) ? p.some(MODALITIES, 1, 2) : [],
        clinicianGenders: p.chance(0.2) ? [p.pick(["woman", "man"])] : [],
        languages: p.chance(0.15) ? [p.pick(LANGUAGES)] : [],
        mode: p.pick(["in-person", "telehealth", "either", "either"] as const),
        travelRadiusKm: p.int(5, 60),
        schedule: { timeZone, slots: p.some(Weekday.options.slice(0, 6), 1, 3).map((day) => ({ day, start: "16:00", end: "20:00" })) },
      },
      conflicts: [],
    };
  });
}

/** Synthetic referrers of every kind. */
export function syntheticReferrers(options: { readonly seed: number; readonly count: number }): Referrer[] {
  const p = picker(seededRandom(options.seed));
  return Array.from({ length: options.count }, (_, i) => ({
    id: `ref-${i}`,
    name: `Referrer ${i}`,
    kind: p.pick(ReferrerKind.options),
    specialties: p.some(PROBLEM_AREAS, 0, 2),
    contacts: [{ channel: "email" as const, value: `referrer-${i}@example.org`, preferred: true }],
  }));
}

/** The day synthetic referral cases are assessed on. */
export const SYNTHETIC_NOW = "2026-11-23";

const dayOffset = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/** A referral case as JSON: one synthetic client with a synthetic clinician, and their measurements, sessions and records. */
export interface SyntheticReferralCase {
  client: Client;
  clinician: Clinician;
  episode: { start: string };
  measurements: { instrument: string; date: string; score: number }[];
  sessions: { date: string; clinicianExhausted: boolean }[];
  disagreements: { recorded: string; about: "modality" | "goals" | "pace"; resolved: boolean }[];
  hardship?: { reported: string };
  compacts: Compact[];
}

/**
 * Synthetic clients in care with synthetic clinicians, assessed on
 * SYNTHETIC_NOW: coverage that changes, panels that end, moves, conflicts,
 * score series that improve, stall or worsen, low alliance and exhausting
 * sessions, each at a rate that makes every trigger fire on some cases.
 */
export function syntheticReferralCases(options: { readonly seed: number; readonly count: number }): SyntheticReferralCase[] {
  const p = picker(seededRandom(options.seed));
  const { clinicians } = syntheticDirectory({ seed: options.seed, clinicians: 400 });
  const clients = syntheticClients({ seed: options.seed + 1, count: options.count });
  const series = (instrument: string, start: string, count: number, max: number, first: number, step: number) =>
    Array.from({ length: count }, (_, week) => ({
      instrument,
      date: dayOffset(start, week * 7),
      score: Math.max(0, Math.min(max, Math.round(first + step * week + p.int(-2, 2)))),
    }));
  return clients.map((base) => {
    const template = p.pick(clinicians);
    const start = dayOffset(SYNTHETIC_NOW, -p.int(30, 400));
    const payer = base.coverage[0]?.payerId;
    const clinician: Clinician = {
      ...template,
      problemAreas:
        p.chance(0.85) && base.needs.problemAreas[0] !== undefined
          ? [...new Set([base.needs.problemAreas[0], ...template.problemAreas])]
          : template.problemAreas,
      insurancePanels: [
        ...template.insurancePanels.filter((panel) => panel.payerId !== payer),
        ...(payer !== undefined && p.chance(0.8)
          ? [
              {
                payerId: payer,
                period: p.chance(0.06) ? { start: "2020-01-01", end: dayOffset(SYNTHETIC_NOW, p.int(-60, 100)) } : { start: "2020-01-01" },
              },
            ]
          : []),
      ],
    };
    const changed = payer !== undefined && p.chance(0.08);
    const changeOn = dayOffset(SYNTHETIC_NOW, p.int(-90, 60));
    const client: Client = {
      ...base,
      coverage: changed
        ? [
            { payerId: payer, period: { start: "2020-01-01", end: dayOffset(changeOn, -1) } },
            { payerId: p.pick(SYNTHETIC_PAYERS.filter((id) => id !== payer)), period: { start: changeOn } },
          ]
        : base.coverage,
      plannedMoves: p.chance(0.08)
        ? [{ date: dayOffset(SYNTHETIC_NOW, p.int(-20, 140)), to: { jurisdiction: p.pick(METROS).jurisdiction } }]
        : [],
      conflicts: p.chance(0.04)
        ? [{ clinicianId: clinician.id, kind: p.pick(["dual-relationship", "conflict-of-interest", "other"] as const) }]
        : [],
    };
    const measurements = [
      ...(p.chance(0.6) ? series("PHQ-9", start, p.int(1, 12), 27, p.int(5, 24), p.pick([-1.5, -1, -0.5, 0, 0, 0.8])) : []),
      ...(p.chance(0.4) ? series("GAD-7", start, p.int(1, 12), 21, p.int(4, 19), p.pick([-1, -0.5, 0, 0, 0.6])) : []),
      ...(p.chance(0.35) ? series("SRS", start, p.int(1, 8), 40, p.int(28, 40), p.pick([-0.5, 0, 0.3])) : []),
    ];
    return {
      client,
      clinician,
      episode: { start },
      measurements,
      sessions: p.chance(0.3)
        ? Array.from({ length: p.int(1, 6) }, (_, i) => ({
            date: dayOffset(SYNTHETIC_NOW, -7 * (i + 1)),
            clinicianExhausted: p.chance(0.5),
          }))
        : [],
      disagreements: p.chance(0.05)
        ? [
            {
              recorded: dayOffset(SYNTHETIC_NOW, -p.int(1, 60)),
              about: p.pick(["modality", "goals", "pace"] as const),
              resolved: p.chance(0.3),
            },
          ]
        : [],
      ...(p.chance(0.03) ? { hardship: { reported: dayOffset(SYNTHETIC_NOW, -p.int(1, 30)) } } : {}),
      compacts: SYNTHETIC_COMPACTS,
    };
  });
}
