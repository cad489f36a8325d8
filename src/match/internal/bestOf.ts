/**
 * The first `count` of `items` in the order `compare` gives, sorted; as
 * sorting them all and keeping the first `count`, when `compare` is a total
 * order (no two items tie). Fewer than all are kept in a bounded heap whose
 * root is the worst kept, so the cost is n log `count`, not n log n: a
 * ranking of a large directory finds thousands eligible and shows ten.
 */
export function bestOf<Item>(items: readonly Item[], count: number, compare: (a: Item, b: Item) => number): Item[] {
  if (count >= items.length) return [...items].sort(compare);
  const kept: Item[] = [];
  if (count <= 0) return kept;
  // The worst kept sits at the root: a heap in which a parent never comes before its children.
  const worse = (a: number, b: number): boolean => compare(kept[a] as Item, kept[b] as Item) > 0;
  const swap = (a: number, b: number): void => {
    [kept[a], kept[b]] = [kept[b] as Item, kept[a] as Item];
  };
  for (let at = 0; at < items.length; at += 1) {
    const item = items[at] as Item;
    if (kept.length < count) {
      kept.push(item);
      for (let child = kept.length - 1; child > 0 && worse(child, (child - 1) >> 1); child = (child - 1) >> 1)
        swap(child, (child - 1) >> 1);
    } else if (compare(item, kept[0] as Item) < 0) {
      kept[0] = item;
      for (let parent = 0; ;) {
        const left = 2 * parent + 1;
        const right = left + 1;
        let worst = parent;
        if (left < count && worse(left, worst)) worst = left;
        if (right < count && worse(right, worst)) worst = right;
        if (worst === parent) break;
        swap(parent, worst);
        parent = worst;
      }
    }
  }
  return kept.sort(compare);
}
