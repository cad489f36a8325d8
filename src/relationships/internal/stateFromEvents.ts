import type { ReferrerKind } from "../../model/enums.js";
import type { IsoDate } from "../../model/scalars.js";
import type { RelationshipEvent, RelationshipPolicy } from "../schemas.js";
import type { RelationshipState } from "../stateSchemas.js";
import { deriveState } from "./deriveState.js";
import { emptyCore } from "./emptyCore.js";
import { foldEvents } from "./foldEvents.js";
import { rememberState } from "./madeStates.js";
import { sortEvents } from "./sortEvents.js";

/** The state validated events of one referrer give on a day: folded by date then id, each id once; frozen, and remembered as made here. */
export function stateFromEvents(
  events: readonly RelationshipEvent[],
  referrerId: string,
  asOf: IsoDate,
  policy: RelationshipPolicy,
  referrerKind: ReferrerKind | null,
): RelationshipState {
  const sorted = sortEvents(events);
  const core = foldEvents(emptyCore(referrerId), sorted, policy);
  return rememberState(deriveState({ ...core, events: sorted }, asOf, policy, referrerKind));
}
