import { deepFreeze } from "../../model/internal/deepFreeze.js";
import { Id } from "../../model/scalars.js";
import { dayOf } from "../../model/internal/dayOf.js";
import type { MatchCriteria } from "../../model/criteria.js";
import { clientCriteria } from "../../model/internal/clientCriteria.js";
import { validate } from "../../model/validate.js";
import { findUnknownTags } from "../../model/internal/findUnknownTags.js";
import type { UnknownTag } from "../../model/unknownTag.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import { clinicianById } from "./clinicianById.js";
import { candidateIds } from "./candidateIds.js";
import { collectCandidates } from "./collectCandidates.js";
import { updateDirectory } from "./updateDirectory.js";
import type { DirectoryIds } from "../../model/internal/danglingReferences.js";
import { evaluateConstraints } from "./evaluateConstraints.js";
import { findPassTo } from "./findPassTo.js";
import { bestOf } from "./bestOf.js";
import { prepareQuery } from "./prepareQuery.js";
import { recommend } from "./recommend.js";
import { MatcherChanges, MatchRequest, type MatchRequestInput, RankOptions, type RankOptionsInput } from "../schemas.js";
import { type ScoredCandidate, scoreOption } from "./scoreOption.js";
import type { RankResult } from "../types.js";
import { compareText } from "../../model/internal/compareText.js";
import type { Matcher } from "../createMatcher.js";

/** What a directory whose tags are all known has of them: one frozen empty list. */
const NO_UNKNOWN_TAGS: readonly UnknownTag[] = Object.freeze([]);

/** Best score first; ties by clinician id, so the order never depends on the directory's. */
const byScore = (a: ScoredCandidate, b: ScoredCandidate): number => b.score - a.score || compareText(a.clinicianId, b.clinicianId);

function prepare(
  directory: CompiledDirectory,
  requestInput: MatchRequestInput,
  optionsInput: RankOptionsInput,
): { request: MatchRequest; rankOptions: RankOptions; query: PreparedQuery; unknownTags: UnknownTag[] } {
  const request = validate(MatchRequest, requestInput, "request");
  const rankOptions = validate(RankOptions, optionsInput, "options");
  const today = dayOf(rankOptions.now, rankOptions.timeZone);
  const criteria: MatchCriteria = request.criteria ?? clientCriteria(request.client as NonNullable<MatchRequest["client"]>, today);
  const query = prepareQuery(directory, criteria, criteria.startDate ?? today, request.practiceId);
  const unknownTags = findUnknownTags(directory.vocabulary, [
    request.criteria === undefined
      ? { path: ["client"], client: request.client as NonNullable<MatchRequest["client"]> }
      : { path: ["criteria"], criteria: request.criteria },
  ]);
  return { request, rankOptions, query, unknownTags };
}

type Prepared = ReturnType<typeof prepare>;

/** Scores the clinicians at the given indexes that pass every hard constraint, best first, and says what to offer. */
function rankAmong(
  compiled: CompiledDirectory,
  { request, rankOptions, query, unknownTags }: Prepared,
  indexes: readonly number[],
): RankResult {
  const ranked: ScoredCandidate[] = [];
  for (const index of indexes) {
    const clinician = compiled.clinicians[index];
    if (clinician === undefined) continue;
    const constraints = evaluateConstraints(compiled, clinician, query, "first");
    if (constraints.failed === undefined) ranked.push(scoreOption(compiled, clinician, query, constraints));
  }
  let passTo: RankResult["passTo"];
  const margin = rankOptions.recommendation?.margin ?? compiled.options.margin;
  const minimumOptions = rankOptions.recommendation?.minimumOptions ?? compiled.options.minimumOptions;
  const preferredOptions = rankOptions.recommendation?.preferredOptions ?? compiled.options.preferredOptions;
  const pointPersonId = request.pointPersonId;
  const pointPerson = pointPersonId === undefined ? undefined : clinicianById(compiled, pointPersonId);
  if (pointPersonId !== undefined && pointPerson !== undefined && request.practiceId !== undefined) {
    const own = evaluateConstraints(compiled, pointPerson, query, "all");
    const option = ranked.find((candidate) => candidate.clinicianId === pointPersonId);
    // Only the best colleague but the point person can take the referral.
    const colleagues = ranked.filter((candidate) => candidate.colleague && candidate.clinicianId !== pointPersonId);
    passTo = findPassTo(bestOf(colleagues, 1, byScore), pointPersonId, { failures: own.failures, option }, margin);
  }
  // Only the options shown and those a recommendation names are put in order (at least two, for the lead).
  const best = bestOf(ranked, Math.max(rankOptions.limit, minimumOptions, preferredOptions, 2), byScore);
  return {
    startDate: query.startDate,
    options: best.slice(0, rankOptions.limit).map((candidate) => candidate.explain()),
    eligibleCount: ranked.length,
    recommendation: recommend(best, { margin, minimumOptions, preferredOptions }),
    ...(passTo === undefined ? {} : { passTo }),
    unknownTags,
  };
}

// Gathered once per state of the directory and shared by every reader of the matcher, so frozen.
function directoryUnknownTags(compiled: CompiledDirectory): readonly UnknownTag[] {
  // Most directories' tags are all known: then reading them after each change costs nothing, not a walk of the directory.
  if (compiled.unknownTagHolders === 0) return NO_UNKNOWN_TAGS;
  const found: UnknownTag[] = [];
  let position = 0;
  const { byId } = compiled;
  for (let index = byId.first; index !== -1; index = byId.after[index] as number) {
    const { unknownTags } = compiled.clinicians[index] as CompiledClinician;
    for (const tag of unknownTags ?? []) found.push({ ...tag, path: ["clinicians", position, ...tag.path] });
    position += 1;
  }
  return deepFreeze(found);
}

/**
 * The matcher over a compiled directory: what `createMatcher` and
 * `createMatcherAsync` return once the directory is validated and compiled.
 * `references` are the directory's practice, payer and compact ids, which
 * `update` checks changed clinicians against.
 */
export function matcherOver(compiled: CompiledDirectory, references: DirectoryIds): Matcher {
  let directoryTags: readonly UnknownTag[] | undefined;

  return {
    get size() {
      return compiled.byId.size;
    },
    get unknownTags() {
      directoryTags ??= directoryUnknownTags(compiled);
      return directoryTags;
    },
    update(changesInput) {
      updateDirectory(compiled, validate(MatcherChanges, changesInput, "changes"), references);
      directoryTags = undefined;
    },
    rank(requestInput, optionsInput) {
      const prepared = prepare(compiled, requestInput, optionsInput);
      return rankAmong(compiled, prepared, collectCandidates(compiled, prepared.query));
    },
    rankCandidates(requestInput, candidatesInput, optionsInput) {
      const prepared = prepare(compiled, requestInput, optionsInput);
      const indexes = new Set<number>();
      for (const id of candidateIds(candidatesInput)) {
        const clinician = clinicianById(compiled, id);
        if (clinician !== undefined) indexes.add(clinician.index);
      }
      // In index order, as rank evaluates them.
      return rankAmong(
        compiled,
        prepared,
        [...indexes].sort((a, b) => a - b),
      );
    },
    explain(requestInput, clinicianIdInput, optionsInput) {
      const clinicianId = validate(Id, clinicianIdInput, "clinicianId");
      const { query, unknownTags } = prepare(compiled, requestInput, optionsInput);
      const clinician = clinicianById(compiled, clinicianId);
      if (clinician === undefined) return { clinicianId, known: false, eligible: false, failures: [], unknownTags };
      const constraints = evaluateConstraints(compiled, clinician, query, "all");
      if (constraints.failures.length > 0) {
        return { clinicianId, known: true, eligible: false, failures: constraints.failures, unknownTags };
      }
      return {
        clinicianId,
        known: true,
        eligible: true,
        failures: [],
        option: scoreOption(compiled, clinician, query, constraints).explain(),
        unknownTags,
      };
    },
  };
}
