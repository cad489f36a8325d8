import type { PermitReason, WithholdReason } from "../types.js";

/** One sentence per reason. Fixed text: never a value from the input. */
export const reasonTexts: Readonly<Record<WithholdReason | PermitReason, string>> = {
  permitted: "A consent in force permits this disclosure.",
  "treatment-without-consent":
    "The host's policy permits this disclosure to a health care provider for treatment without the client's consent (45 CFR 164.506(c)(2)).",
  "emergency-treatment":
    "Permitted for emergency treatment whatever the client's restrictions; record it as an emergency disclosure and inform the client afterwards.",
  "no-consent": "The client has given no consent.",
  "unknown-category": "Neither the library nor the host defines this category.",
  draft: "The consent is a draft, not yet agreed.",
  inactive: "The consent is no longer in effect.",
  revoked: "The consent was revoked.",
  superseded: "A later consent replaces this one.",
  "not-yet-signed": "The consent was signed after this date.",
  "not-yet-in-force": "The consent is not yet in force on this date.",
  expired: "The consent expired before this date.",
  "other-recipient": "The consent does not name this recipient.",
  "other-purpose": "The consent does not cover this purpose of use.",
  "needs-specific-authorization": "This category needs an authorization of its own kind; a general consent never permits it.",
  "category-not-permitted": "The consent does not permit this category.",
  "data-date-unknown": "The consent limits the data period, and the information has no date.",
  "data-outside-period": "The information was recorded outside the consent's data period.",
  "denied-by-provision": "A deny provision of the client's consent excludes it.",
  "recipient-identity-uncertain":
    "A deny provision excludes a referrer who may be this recipient under another record, and no consent that permits it names this recipient by their own record.",
  "other-client": "The fact is about another client.",
  unlabelled: "The fact has no category, so it carries no security labels.",
  "not-needed": "This update does not need this category: only what coordination needs goes out.",
  "not-acknowledged": "The client may not be acknowledged to this recipient, so nothing about them is sent.",
};
