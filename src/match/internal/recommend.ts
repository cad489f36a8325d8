import type { MatcherOptions } from "../schemas.js";
import type { Recommendation } from "../types.js";

/**
 * One option when it leads the next by the margin (or is the only one);
 * otherwise a choice of the preferred number of options, at least the
 * minimum when that many exist (seed 002: give options unless one is clearly
 * best).
 */
export function recommend(
  ranked: readonly { readonly clinicianId: string; readonly score: number }[],
  options: Pick<MatcherOptions, "margin" | "minimumOptions" | "preferredOptions">,
): Recommendation {
  const [best, next] = ranked;
  if (best === undefined) return { kind: "none" };
  if (next === undefined) return { kind: "single", clinicianIds: [best.clinicianId], leadBy: best.score };
  const lead = best.score - next.score;
  // A hair of tolerance, so a lead of exactly the margin counts despite rounding.
  if (lead >= options.margin - 1e-9) return { kind: "single", clinicianIds: [best.clinicianId], leadBy: lead };
  const count = Math.max(options.minimumOptions, options.preferredOptions);
  return { kind: "choice", clinicianIds: ranked.slice(0, count).map((option) => option.clinicianId) };
}
