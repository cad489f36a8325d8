import type { ConsentRecipient, RecipientRef } from "../schemas.js";

/** Whether a list of consent recipients names this recipient: by referrer id, or by an identifier the host holds for them. */
export function namesRecipient(entries: readonly ConsentRecipient[], recipient: RecipientRef): boolean {
  return entries.some((entry) =>
    entry.referrerId !== undefined
      ? entry.referrerId === recipient.referrerId
      : entry.identifier !== undefined &&
        recipient.identifiers.some((held) => held.system === entry.identifier?.system && held.value === entry.identifier.value),
  );
}
