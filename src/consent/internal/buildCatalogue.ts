import { type DisclosureCategory, defaultCategories } from "../categories.js";

/**
 * The built-in categories and the host's, by code. The built-ins go in last,
 * so they win even if a host category with a built-in code got past
 * validation: what a psychotherapy note needs never comes from the host.
 */
export function buildCatalogue(hostCategories: readonly DisclosureCategory[]): ReadonlyMap<string, DisclosureCategory> {
  const catalogue = new Map<string, DisclosureCategory>();
  for (const category of [...hostCategories, ...defaultCategories]) catalogue.set(category.code, category);
  return catalogue;
}
