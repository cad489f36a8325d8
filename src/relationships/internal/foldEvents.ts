import type { RelationshipEvent, RelationshipPolicy } from "../schemas.js";
import { foldStep, type RelationshipCore } from "./foldStep.js";

/**
 * Folds events, already in date-then-id order, onto a copy of a core; the
 * core given is left as it was. Colleagues are tracked as sets while folding
 * and their lists sorted once at the end, so a history with many distinct
 * colleagues costs n log n, not a sort per new colleague.
 */
export function foldEvents(core: RelationshipCore, events: readonly RelationshipEvent[], policy: RelationshipPolicy): RelationshipCore {
  let draft: RelationshipCore = {
    ...core,
    stageEvidence: [...core.stageEvidence],
    colleaguesUsed: [...core.colleaguesUsed],
    colleaguesIntroduced: [...core.colleaguesIntroduced],
    counts: { ...core.counts },
    dates: { ...core.dates },
  };
  const seen = { used: new Set(draft.colleaguesUsed), introduced: new Set(draft.colleaguesIntroduced) };
  for (const event of events) draft = foldStep(draft, event, policy, seen);
  draft.colleaguesUsed.sort();
  draft.colleaguesIntroduced.sort();
  return draft;
}
