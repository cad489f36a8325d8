import type { Clinician } from "../../model/clinician.js";
import { normalizeTag } from "../../model/normalizeTag.js";
import type { ClinicianCodes } from "./clinicianCodes.js";
import { addCode, addValue, endList, endSegment, packedOutcome, startSegment } from "./clinicianCodes.js";
import { packSlot } from "./packedSlot.js";
import type { ClinicianContext, CompiledClinician } from "./compiled.js";
import { deepFreeze } from "../../model/internal/deepFreeze.js";
import { findUnknownTags } from "../../model/internal/findUnknownTags.js";
import { levelOfCareBit } from "./levelOfCareBit.js";
import { type ResolvedList, type ResolvedTag, resolvedTag } from "./resolvedTag.js";
import { writePanels } from "./packedPanels.js";
import { writeCapacity } from "./packedCapacity.js";
import { writeFees } from "./packedFees.js";
import { mostSegmentEntries } from "./mostSegmentEntries.js";
import { clinicianFlags } from "./clinicianFlags.js";
import { compileOffices } from "./compiledOffices.js";

/** One frozen empty list for every clinician without compact privileges, outcomes, cultures, faiths or levels of care listed (most have no privilege), not an array each. */
const NONE = Object.freeze([]) as unknown as never[];

/** Outpatient care alone, for a clinician who lists no level of care. */
const OUTPATIENT_ONLY = levelOfCareBit("outpatient");

/** Adds the code `tag` reads as in `list` (see `resolvedTag`); gives what it read as. */
function addTag(codes: ClinicianCodes, context: ClinicianContext, list: ResolvedList, tag: string): ResolvedTag {
  const read = resolvedTag(context.tags, context.vocabulary, list, tag);
  addCode(codes, read.code);
  return read;
}

/** Adds the code of each of `tags` in `list`, and ends the list; gives whether the vocabulary knows them all. */
function writeTags(
  codes: ClinicianCodes,
  context: ClinicianContext,
  list: "problemAreas" | "modalities" | "languages" | "cultures" | "faiths",
  tags: readonly string[],
): boolean {
  let known = true;
  for (let at = 0; at < tags.length; at += 1) known = addTag(codes, context, list, tags[at] as string).known && known;
  endList(codes, list);
  return known;
}

/** {@link writeTags} for the populations, where a clinician who sees adults is taken to see older adults too (few list both; a repeat is dropped). */
function writePopulations(codes: ClinicianCodes, context: ClinicianContext, populations: readonly string[]): boolean {
  let adults = false;
  let known = true;
  for (let at = 0; at < populations.length; at += 1) {
    const read = addTag(codes, context, "populations", populations[at] as string);
    adults ||= read.code === "adults";
    known &&= read.known;
  }
  if (adults) addCode(codes, "older-adults");
  endList(codes, "populations");
  return known;
}

/**
 * Writes a clinician's lists into the pool at `index`, list by list
 * straight into it: this runs for every clinician of a directory, and a
 * list built only to be copied would be garbage. Nothing here throws for a
 * validated clinician ({@link mostSegmentEntries} holds every list at the
 * schema's largest, which a test checks) but past the layout's limits, where
 * a directory being compiled is dropped whole and a change to a matcher is
 * refused before it starts; so no segment of a matcher is left half written
 * with codes numbered that nothing uses. Gives whether the vocabulary knows every
 * tag written (its discipline aside): exactly when `findUnknownTags` finds
 * none of them, with nothing built for the many clinicians whose tags are all known.
 */
function writeSegment(source: Clinician, index: number, context: ClinicianContext, codes: ClinicianCodes): boolean {
  const outcomes = source.outcomes ?? NONE;
  startSegment(codes, index, mostSegmentEntries(source));
  let known = writePopulations(codes, context, source.populations);
  known = writeTags(codes, context, "problemAreas", source.problemAreas) && known;
  known = writeTags(codes, context, "modalities", source.modalities) && known;
  known = writeTags(codes, context, "languages", source.languages) && known;
  writeTags(codes, context, "cultures", source.cultures ?? NONE);
  writeTags(codes, context, "faiths", source.faiths ?? NONE);
  for (let at = 0; at < outcomes.length; at += 1)
    known = addTag(codes, context, "problemAreas", outcomes[at]?.problemArea as string).known && known;
  endList(codes, "outcomes");
  writePanels(codes, source.insurancePanels, "panelPayers");
  writePanels(codes, source.insurancePanels, "panelPlans");
  for (let at = 0; at < outcomes.length; at += 1)
    addValue(codes, packedOutcome(outcomes[at] as NonNullable<Clinician["outcomes"]>[number]));
  endList(codes, "outcomeRatings");
  const { slots } = source.availability;
  for (let at = 0; at < slots.length; at += 1) addValue(codes, packSlot(slots[at] as (typeof slots)[number]));
  endList(codes, "slots");
  writePanels(codes, source.insurancePanels, "panels");
  writeCapacity(codes, source.capacity);
  writeFees(codes, source);
  endSegment(codes);
  return known;
}

/**
 * One validated clinician at its place in the directory: its canonical code
 * lists, insurance panels, capacity and fees written into the directory's `codes` at
 * `index` (which must be empty), and the fields the matcher reads as they
 * are and its unknown tags kept on the compiled clinician.
 */
export function compileClinician(source: Clinician, index: number, context: ClinicianContext, codes: ClinicianCodes): CompiledClinician {
  const { vocabulary } = context;
  const discipline = resolvedTag(context.tags, vocabulary, "disciplines", source.discipline);
  const tagsKnown = writeSegment(source, index, context, codes) && discipline.known;
  const levels = source.levelsOfCare;
  let levelsOfCare = levels === undefined ? OUTPATIENT_ONLY : 0;
  if (levels !== undefined)
    for (let at = 0; at < levels.length; at += 1) levelsOfCare |= levelOfCareBit(levels[at] as (typeof levels)[number]);
  // Most clinicians' tags are all known: the list of unknown ones is built only for the others.
  const unknownTags = tagsKnown ? NONE : findUnknownTags(vocabulary, [{ path: [], clinician: source }]);
  // Every field present, so all compiled clinicians share one shape.
  return {
    index,
    id: source.id,
    practiceId: source.practiceId,
    licensure: source.licensure.compacts.length === 0 ? { ...source.licensure, compacts: NONE } : source.licensure,
    offices: compileOffices(source.locations),
    timeZone: source.availability.timeZone,
    flags: clinicianFlags(source),
    birthYear: source.birthYear,
    unknownTags: unknownTags.length === 0 ? undefined : deepFreeze(unknownTags),
    discipline: discipline.code,
    levelsOfCare,
    gender: source.gender === undefined ? undefined : normalizeTag(source.gender),
  };
}
