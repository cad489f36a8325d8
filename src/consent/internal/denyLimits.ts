/** The most categories one deny provision lists (`DenyProvision.categories`); a reading that would list more denies every category instead. */
export const MOST_DENIED_CATEGORIES = 100;
/** The most deny provisions one consent holds (`Consent.deny`). */
export const MOST_DENY_PROVISIONS = 50;
/** The most recipients one deny provision names (`DenyProvision.recipients`). */
export const MOST_DENIED_RECIPIENTS = 50;
/** The most purposes one deny provision names (`DenyProvision.purposes`). */
export const MOST_DENIED_PURPOSES = 20;
