import { withinPeriod } from "../../model/internal/withinPeriod.js";
import type { IsoDate } from "../../model/scalars.js";
import { compareText } from "../../model/internal/compareText.js";
import type { Consent, DenyProvision } from "../schemas.js";

/** A deny provision with the consent it belongs to. */
export interface BindingDeny {
  readonly consent: Consent;
  readonly provision: DenyProvision;
}

/** One client's consents on one day, ordered once so that many questions can be decided against them. */
export interface CompiledConsents {
  /** The day the questions are asked about. */
  readonly date: IsoDate;
  /** Every consent of the client, by id. */
  readonly byId: readonly Consent[];
  /** The same, latest signed first (ties by id): the first that permits is the one relied on. */
  readonly latestFirst: readonly Consent[];
  /** The deny provisions that bind on the day and are not lifted, latest signed first (ties by consent id, then provision id). */
  readonly denies: readonly BindingDeny[];
}

const bySignedThenId = (a: Consent, b: Consent): number => compareText(b.signed, a.signed) || compareText(a.id, b.id);

/**
 * Keeps the client's consents (a consent of another client never applies)
 * and orders them. Deny provisions bind from the day their consent is
 * signed, whether it is active, revoked or past its period (revoking or
 * expiry withdraws permission, never a restriction); a draft's bind
 * nothing. A provision stops binding only when a consent signed strictly
 * later, active and in force on the day, names it in `lifts`.
 */
export function compileConsents(consents: readonly Consent[], clientId: string, date: IsoDate): CompiledConsents {
  const byId = consents.filter((consent) => consent.clientId === clientId).sort((a, b) => compareText(a.id, b.id));
  const latestFirst = [...byId].sort(bySignedThenId);
  const lifters = byId.filter((consent) => consent.status === "active" && consent.signed <= date && withinPeriod(consent.period, date));
  const lifted = (consent: Consent, provision: DenyProvision): boolean =>
    lifters.some(
      (lifter) =>
        lifter.signed > consent.signed && lifter.lifts.some((ref) => ref.consentId === consent.id && ref.provisionId === provision.id),
    );
  const denies = latestFirst
    .filter((consent) => consent.status !== "draft" && consent.signed <= date)
    .flatMap((consent) => [...consent.deny].sort((a, b) => compareText(a.id, b.id)).map((provision) => ({ consent, provision })))
    .filter(({ consent, provision }) => !lifted(consent, provision));
  return { date, byId, latestFirst, denies };
}
