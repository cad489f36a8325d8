import * as z from "zod";
import { MAX_EVENTS, RelationshipState } from "../stateSchemas.js";

/**
 * States as the network reads them: every field is checked but the event
 * log, which only folding reads, so a whole state passes as it is.
 */
export const StoredStates = z
  .array(RelationshipState.omit({ events: true }).extend({ events: z.array(z.unknown()).max(MAX_EVENTS).optional() }))
  .max(100_000);
