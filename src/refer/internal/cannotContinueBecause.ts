import type { RuleContext } from "../createRuleContext.js";
import type { MoveContinuation } from "./continuationAfterMove.js";

/**
 * Why the clinician cannot continue in `to` in a way the client attends, as
 * the end of a summary: what is not provided there, what is not authorized,
 * and the telehealth a client who attends in person could still agree to.
 */
export function cannotContinueBecause(context: RuleContext, to: string, continuation: MoveContinuation): string {
  const { unauthorized, missing, byVideo } = continuation;
  const reasons = [
    ...missing.map((mode) => (mode === "telehealth" ? "offers no telehealth" : `has no office in ${to}`)),
    ...(unauthorized.length === 0
      ? []
      : [
          `is not authorized to practise in ${to}${unauthorized.length === 1 ? (unauthorized[0] === "telehealth" ? " by telehealth" : " in person") : ""}`,
        ]),
  ];
  return `${context.clinician.name} ${reasons.join(" and ")}${byVideo === undefined ? "" : `; telehealth is possible there (${byVideo}) if the client, who attends in person, agrees`}`;
}
