/** Loads and validates the sample practice of examples/data. */
import { readFileSync } from "node:fs";
import { CareEpisode, Client, createVocabulary, Directory, Referrer, validate, type Vocabulary } from "referwell";
import { IntakeRecords, WaitlistEntry } from "referwell/intake";

/** The sample histories, in the shapes the capabilities read. */
export interface Histories {
  episodes: CareEpisode[];
  measurements: { clientId: string; instrument: string; date: string; score: number; items?: number[] }[];
  relationshipEvents: ({ id: string; date: string; type: string; clinicianId: string; referrerId: string } & Record<string, unknown>)[];
  outboundReferrals: { id: string; date: string; clinicianId: string; discipline: string }[];
}

export interface SampleData {
  readonly weekOf: string;
  readonly homePracticeId: string;
  readonly directory: Directory;
  readonly referrers: Referrer[];
  readonly clients: Client[];
  readonly histories: Histories;
  /** The referrals the practice received and sent, one event list each, and the clients waiting for a place. */
  readonly intake: { readonly records: IntakeRecords; readonly waitlist: WaitlistEntry[] };
  readonly vocabulary: Vocabulary;
}

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), "utf8"));

function readHistories(): Histories {
  const raw = read("histories.json") as Histories;
  return { ...raw, episodes: validate(CareEpisode.array(), raw.episodes, "episodes") };
}

function readIntake(): SampleData["intake"] {
  const { inbound, outbound, waitlist } = read("intake.json") as Record<string, unknown>;
  return {
    records: validate(IntakeRecords, { inbound, outbound }, "intake"),
    waitlist: validate(WaitlistEntry.array(), waitlist, "waitlist"),
  };
}

export function loadSampleData(): SampleData {
  return {
    // The sample week starts on Monday 2026-11-23.
    weekOf: "2026-11-23",
    homePracticeId: "harbour",
    directory: validate(Directory, read("directory.json"), "directory"),
    referrers: validate(Referrer.array(), read("referrers.json"), "referrers"),
    clients: validate(Client.array(), read("clients.json"), "clients"),
    histories: readHistories(),
    intake: readIntake(),
    vocabulary: createVocabulary(),
  };
}
