import type { IsoDate } from "../../model/index.js";
import { licensureFor } from "../../model/internal/licensureFor.js";
import type { RuleContext } from "../createRuleContext.js";
import type { Alternative } from "../results.js";

/** Whether and how the clinician can keep seeing a client who moves to `to`, checked on `on`. */
export interface MoveContinuation {
  /** The ways to continue the clinician is authorized for (telehealth is offered even to a client who attends in person). */
  readonly alternatives: Alternative[];
  /** Whether one of them is a way the client attends. */
  readonly fits: boolean;
  /** Ways the client attends that the clinician provides there but is not authorized for. */
  readonly unauthorized: readonly CareWay[];
  /** Ways the client attends that the clinician does not provide there: no telehealth, or no office there. */
  readonly missing: readonly CareWay[];
  /** The basis for telehealth when the client attends only in person. */
  readonly byVideo?: string;
}

type Basis = NonNullable<Alternative["basis"]>;
type CareWay = "telehealth" | "in-person";

/** One way to continue after the move, with the clinician's basis for it. */
function continueBy(mode: "telehealth" | "in-person", to: string, by: string, basis: Basis): Alternative {
  return mode === "telehealth"
    ? {
        kind: "continue-by-telehealth",
        summary: `Continue by telehealth: authorized in ${to} by ${by}.`,
        explanation: "I can keep seeing you by video after you move.",
        basis,
      }
    : {
        kind: "continue-in-person",
        summary: `Continue in person at a location in ${to}: authorized by ${by}.`,
        explanation: "I also see clients in person near where you're moving, so we could keep meeting.",
        basis,
      };
}

/**
 * Telehealth follows where the client is, so continuing needs a licence
 * there or a compact privilege, and a clinician who offers no telehealth
 * cannot continue by video; in person, an office there too.
 */
export function continuationAfterMove(context: RuleContext, to: string, on: IsoDate): MoveContinuation {
  const { clinician } = context;
  const attends = context.client.preferences.mode;
  const alternatives: Alternative[] = [];
  const unauthorized: CareWay[] = [];
  const missing: CareWay[] = [];
  let fits = false;
  let byVideo: string | undefined;
  for (const mode of ["telehealth", "in-person"] as const) {
    const accepted = attends === "either" || attends === mode;
    // Telehealth is still offered to a client who attends in person: it is how care can follow a move.
    if (!accepted && mode !== "telehealth") continue;
    const provides = mode === "telehealth" ? clinician.telehealth : clinician.locations.some((location) => location.jurisdiction === to);
    if (!provides) {
      if (accepted) missing.push(mode);
      continue;
    }
    const licensure = licensureFor(clinician, { jurisdiction: to, mode, on }, context.compacts);
    if (!licensure.authorized) {
      if (accepted) unauthorized.push(mode);
      continue;
    }
    // No regulations are passed here, so "not-required" cannot come back: every basis is a licence or a compact.
    const basis: Basis =
      licensure.via === "compact"
        ? { via: "compact", compactId: licensure.compactId }
        : { via: "license", jurisdiction: licensure.jurisdiction };
    const by = basis.via === "license" ? `a licence for ${basis.jurisdiction}` : `the ${basis.compactId} privilege`;
    if (accepted) fits = true;
    else byVideo = by;
    alternatives.push(continueBy(mode, to, by, basis));
  }
  return { alternatives, fits, unauthorized, missing, ...(byVideo === undefined ? {} : { byVideo }) };
}
