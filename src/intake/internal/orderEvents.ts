import { ExpectedText, InvalidInputError } from "../../errors.js";
import { compareText } from "../../model/internal/compareText.js";

/** Each list's ranks by type, built once per list (the lists are module constants). */
const rankMaps = new WeakMap<readonly string[], ReadonlyMap<string, number>>();
function ranksOf(typeOrder: readonly string[]): ReadonlyMap<string, number> {
  let ranks = rankMaps.get(typeOrder);
  if (ranks === undefined) rankMaps.set(typeOrder, (ranks = new Map(typeOrder.map((type, index) => [type, index]))));
  return ranks;
}

/** Up to this many events are sorted by insertion (most logs are short and nearly in order); longer ones by the runtime's sort. */
const SHORT = 32;

interface Ranked<Event> {
  readonly event: Event;
  readonly rank: number;
}

const before = <Event extends { readonly id: string; readonly date: string }>(a: Ranked<Event>, b: Ranked<Event>): number =>
  compareText(a.event.date, b.event.date) || a.rank - b.rank || compareText(a.event.id, b.event.id);

/** Sorted in place by insertion: linear for a list in order, and only ever used on short lists. */
function insertionSort<Item>(items: Item[], compare: (a: Item, b: Item) => number): Item[] {
  for (let index = 1; index < items.length; index++) {
    const item = items[index] as Item;
    let place = index;
    while (place > 0 && compare(items[place - 1] as Item, item) > 0) {
      items[place] = items[place - 1] as Item;
      place--;
    }
    items[place] = item;
  }
  return items;
}

/**
 * One copy of each id. Two copies that differ are refused, named by the
 * place of the second: keeping either would decide the referral's state on
 * a record that cannot be right (an urgent referral read as routine, a
 * missed first visit read as attended), so the host must say which holds.
 */
function distinct<Event extends { readonly id: string }>(events: readonly Event[]): readonly Event[] {
  const ids = new Set<string>();
  for (const event of events) ids.add(event.id);
  if (ids.size === events.length) return events;
  const byId = new Map<string, { readonly event: Event; readonly json: string }>();
  events.forEach((event, place) => {
    const json = JSON.stringify(event);
    const kept = byId.get(event.id);
    if (kept === undefined) byId.set(event.id, { event, json });
    else if (kept.json !== json)
      throw new InvalidInputError("events", [{ path: [place, "id"], code: "duplicate-id", expected: ExpectedText.sameEventAgain }]);
  });
  return [...byId.values()].map((kept) => kept.event);
}

/**
 * Events in the order they are read: by date, then by the order their
 * types take within a day (a referral is received before the client is
 * contacted), then by id. The same event stored twice counts once; two
 * different events under one id are refused (`duplicate-id`, see
 * {@link distinct}).
 */
export function orderEvents<Event extends { readonly id: string; readonly date: string; readonly type: string }>(
  events: readonly Event[],
  typeOrder: readonly Event["type"][],
): Event[] {
  const ranks = ranksOf(typeOrder);
  // Each event's rank is looked up once, not at every comparison.
  const ranked = distinct(events).map((event): Ranked<Event> => ({ event, rank: ranks.get(event.type) ?? typeOrder.length }));
  const sorted = ranked.length <= SHORT ? insertionSort(ranked, before) : ranked.sort(before);
  return sorted.map((item) => item.event);
}
