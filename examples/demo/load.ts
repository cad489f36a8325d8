/** Loads and validates the sample practice of examples/data. */
import { readFileSync } from "node:fs";
import { Client, createVocabulary, Directory, Referrer, validate, type Vocabulary } from "referwell";

/** An episode of care: a client with a clinician, or waiting for intake. */
export interface Episode {
  clientId: string;
  clinicianId?: string;
  start: string;
  status: "active" | "intake";
}

/** The sample histories, in the shapes the capabilities read. */
export interface Histories {
  episodes: Episode[];
  measurements: { clientId: string; instrument: string; date: string; score: number }[];
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
  readonly vocabulary: Vocabulary;
}

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), "utf8"));

export function loadSampleData(): SampleData {
  return {
    // The sample week starts on Monday 2026-11-23.
    weekOf: "2026-11-23",
    homePracticeId: "harbour",
    directory: validate(Directory, read("directory.json"), "directory"),
    referrers: validate(Referrer.array(), read("referrers.json"), "referrers"),
    clients: validate(Client.array(), read("clients.json"), "clients"),
    histories: read("histories.json") as Histories,
    vocabulary: createVocabulary(),
  };
}
