import type fc from "fast-check";
import type * as z from "zod";
import {
  CareEpisode,
  Client,
  Clinician,
  Compact,
  Directory,
  MatchCriteria,
  Money,
  Payer,
  Period,
  Place,
  Practice,
  Referrer,
  WeeklySchedule,
} from "referwell";
import * as arb from "./model.js";

/** Every model schema with the generator of its valid values. */
export const modelSchemas: ReadonlyArray<readonly [name: string, schema: z.ZodType, arbitrary: fc.Arbitrary<unknown>]> = [
  ["period", Period, arb.period],
  ["money", Money, arb.money],
  ["place", Place, arb.place],
  ["schedule", WeeklySchedule, arb.weeklySchedule],
  ["compact", Compact, arb.compact],
  ["clinician", Clinician, arb.clinician()],
  ["client", Client, arb.client],
  ["referrer", Referrer, arb.referrer],
  ["practice", Practice, arb.practice],
  ["payer", Payer, arb.payer],
  ["episode", CareEpisode, arb.careEpisode],
  ["directory", Directory, arb.directory],
  ["criteria", MatchCriteria, arb.matchCriteria],
];
