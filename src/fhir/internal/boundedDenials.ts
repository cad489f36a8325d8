import {
  MOST_DENIED_CATEGORIES,
  MOST_DENIED_PURPOSES,
  MOST_DENIED_RECIPIENTS,
  MOST_DENY_PROVISIONS,
} from "../../consent/internal/denyLimits.js";
import type { DenyProvision } from "../../consent/schemas.js";

/** The items of every list once each, by key, or `undefined` ("all") when one list is all or together they hold more than `most`. */
function unionOf<T>(lists: readonly (readonly T[] | undefined)[], keyOf: (item: T) => string, most: number): T[] | undefined {
  const byKey = new Map<string, T>();
  for (const list of lists) {
    if (list === undefined) return undefined;
    for (const item of list) if (!byKey.has(keyOf(item))) byKey.set(keyOf(item), item);
  }
  return byKey.size > most ? undefined : [...byKey.values()];
}

/** The least period that holds every one, or `undefined` ("any time") when one is. */
function hullOf(periods: readonly (DenyProvision["dataPeriod"] | undefined)[]): DenyProvision["dataPeriod"] {
  if (periods.some((span) => span === undefined)) return undefined;
  const spans = periods as readonly NonNullable<DenyProvision["dataPeriod"]>[];
  const start = spans.reduce((least, span) => (span.start < least ? span.start : least), spans[0]?.start ?? "");
  const open = spans.some((span) => span.end === undefined);
  const end = spans.reduce((most, span) => (span.end !== undefined && span.end > most ? span.end : most), "");
  return open ? { start } : { start, end };
}

/**
 * The deny provisions, as many as a consent holds: past the 49th, the rest
 * are one provision, `id`, that denies whatever any of them denies (each
 * list the union of theirs, "all" when one is all or the union is longer
 * than a provision holds; the least data period that holds theirs). It
 * denies at least what they did, so a restriction is never narrowed; a
 * lift that names one of them lifts nothing.
 */
export function boundedDenials(denials: readonly DenyProvision[], id: () => string): { denials: DenyProvision[]; merged: boolean } {
  if (denials.length <= MOST_DENY_PROVISIONS) return { denials: [...denials], merged: false };
  const rest = denials.slice(MOST_DENY_PROVISIONS - 1);
  const recipients = unionOf(
    rest.map((deny) => deny.recipients),
    (recipient) => JSON.stringify(recipient),
    MOST_DENIED_RECIPIENTS,
  );
  const purposes = unionOf(
    rest.map((deny) => deny.purposes),
    String,
    MOST_DENIED_PURPOSES,
  );
  const categories = unionOf(
    rest.map((deny) => deny.categories),
    String,
    MOST_DENIED_CATEGORIES,
  );
  const dataPeriod = hullOf(rest.map((deny) => deny.dataPeriod));
  const merged: DenyProvision = {
    id: id(),
    ...(recipients === undefined ? {} : { recipients }),
    ...(purposes === undefined ? {} : { purposes }),
    ...(categories === undefined ? {} : { categories }),
    ...(dataPeriod === undefined ? {} : { dataPeriod }),
  };
  return { denials: [...denials.slice(0, MOST_DENY_PROVISIONS - 1), merged], merged: true };
}
