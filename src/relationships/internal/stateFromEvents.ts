import type { ReferrerKind } from "../../model/enums.js";
import type { IsoDate } from "../../model/scalars.js";
import type { RelationshipEvent, RelationshipPolicy } from "../schemas.js";
import type { RelationshipState } from "../stateSchemas.js";
import { NO_DAYS } from "./deriveState.js";
import { emptyCore } from "./emptyCore.js";
import { madeState } from "./madeStates.js";
import { type CoreFields, emptyLine, extendLine, fieldsOf } from "./relationshipLine.js";
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
  const line = emptyLine();
  let fields: CoreFields = fieldsOf(emptyCore(referrerId));
  let settledDays = NO_DAYS;
  for (const event of sorted) ({ fields, settledDays } = extendLine(line, fields, settledDays, event, policy));
  return madeState(line, fields, settledDays, asOf, policy, referrerKind);
}
