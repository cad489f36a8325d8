import * as z from "zod";
import { compareText } from "../../model/internal/compareText.js";
import { Id } from "../../model/scalars.js";
import type { FollowThrough } from "../assessNetwork.js";

const Count = z.number().int().min(0).max(10_000_000);

/**
 * What intake measured for one referrer over a period, as `intakeMeasures`
 * of `referwell/intake` gives it per referrer (other fields pass unread).
 */
export const ReferrerIntake = z.object({
  referrerId: Id,
  received: Count,
  contactedWithinStandard: z.object({ met: Count, decided: Count }),
  firstVisits: Count,
  loopClosureNotesSent: Count,
});

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;

/**
 * Each referrer's referrals as the practice handled them, by referrer id:
 * seed 001 (each new referral is a test of the practice) and seed 000 (keep
 * the referrer informed). Referrers with nothing received are left out.
 */
export function followThroughOf(
  intake: readonly z.infer<typeof ReferrerIntake>[],
  referrers: readonly { readonly id: string; readonly name: string }[],
): FollowThrough[] {
  const names = new Map(referrers.map((referrer) => [referrer.id, referrer.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  return intake
    .filter((figures) => figures.received > 0)
    .map((figures): FollowThrough => {
      const { met, decided } = figures.contactedWithinStandard;
      const concerns = [
        ...(met < decided ? (["first-contact-missed"] as const) : []),
        ...(figures.loopClosureNotesSent === 0 ? (["no-update-sent"] as const) : []),
      ];
      return {
        referrerId: figures.referrerId,
        received: figures.received,
        contactedWithinStandard: { met, decided },
        firstVisits: figures.firstVisits,
        updatesSent: figures.loopClosureNotesSent,
        concerns,
        text: `Referrals from ${nameOf(figures.referrerId)}: ${figures.received} received, ${met} of ${decided} contacted within the standard, ${figures.firstVisits} seen, ${plural(figures.loopClosureNotesSent, "update")} sent.`,
      };
    })
    .sort((a, b) => compareText(a.referrerId, b.referrerId));
}
