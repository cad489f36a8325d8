/**
 * `list` sorted in place by `compare`, stably, as `Array.prototype.sort`
 * sorts it; a list already in order is left as it is, which costs one pass
 * and builds nothing (case records usually arrive in date order).
 */
export function sortedInPlace<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let index = 1; index < list.length; index++) {
    if (compare(list[index - 1] as T, list[index] as T) > 0) return list.sort(compare);
  }
  return list;
}
