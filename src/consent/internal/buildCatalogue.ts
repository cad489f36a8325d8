import { type DisclosureCategory, defaultCategories } from "../categories.js";

/** The built-in categories and the host's (validated: no code repeats), by code. */
export function buildCatalogue(hostCategories: readonly DisclosureCategory[]): ReadonlyMap<string, DisclosureCategory> {
  const catalogue = new Map<string, DisclosureCategory>();
  for (const category of [...defaultCategories, ...hostCategories]) catalogue.set(category.code, category);
  return catalogue;
}
