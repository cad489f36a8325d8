import type { Regulation } from "../licensure.js";
import type { Jurisdiction } from "../scalars.js";

/**
 * Whether each jurisdiction requires a licence for each discipline, as the
 * regulations say: jurisdiction, then discipline as `discipline` writes it
 * (canonical in the matcher, so `LPC` and `counselor` are one). Where
 * two rules for the same pair disagree, a licence is required: the cautious
 * reading, and the library's own (no source settles a directory that
 * contradicts itself). A host whose rule changed removes the old one. The
 * licensure check, the matcher's reach and the database's rows all read
 * this one map: given the same reading of disciplines (the matcher's
 * vocabulary, or `checkLicensure`'s normalized tags), they agree.
 */
export function licenceRequiredByPlace(
  regulations: readonly Regulation[],
  discipline: (tag: string) => string,
): Map<Jurisdiction, Map<string, boolean>> {
  const rules = new Map<Jurisdiction, Map<string, boolean>>();
  for (const rule of regulations) {
    let disciplines = rules.get(rule.jurisdiction);
    if (disciplines === undefined) rules.set(rule.jurisdiction, (disciplines = new Map()));
    const key = discipline(rule.discipline);
    disciplines.set(key, rule.licenceRequired || disciplines.get(key) === true);
  }
  return rules;
}
