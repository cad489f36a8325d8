import type { WithholdReason } from "../types.js";

/** One sentence per reason. Fixed text: never a value from the input. */
export const reasonTexts: Readonly<Record<WithholdReason | "permitted", string>> = {
  permitted: "A consent in force permits this disclosure.",
  "no-consent": "The client has given no consent.",
  "unknown-category": "Neither the library nor the host defines this category.",
  draft: "The consent is a draft, not yet agreed.",
  revoked: "The consent was revoked.",
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
  "other-client": "The fact is about another client.",
  unlabelled: "The fact has no category, so it carries no security labels.",
  "not-needed": "This update does not need this category (minimum necessary).",
  "not-acknowledged": "The client may not be acknowledged to this recipient, so nothing about them is sent.",
};
