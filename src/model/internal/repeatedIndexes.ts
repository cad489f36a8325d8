/** The indexes of the items whose key an earlier item already has, in order; an item without a key (`undefined`) is passed over. */
export function repeatedIndexes<Item>(items: readonly Item[], key: (item: Item) => string | undefined): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  items.forEach((item, index) => {
    const value = key(item);
    if (value === undefined) return;
    if (seen.has(value)) repeated.push(index);
    seen.add(value);
  });
  return repeated;
}
