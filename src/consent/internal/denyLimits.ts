/** The most categories one deny provision lists (`DenyProvision.categories`); a reading that would list more denies every category instead. */
export const MOST_DENIED_CATEGORIES = 100;
