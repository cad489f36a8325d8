/** A range no longer than this is sorted by insertion (the library's own cutoff, where that beats a sort's setup). */
const INSERTION_LIMIT = 16;

/**
 * Sorts `numbers[from, to)` in place, in ascending order: by insertion when
 * short (most of a clinician's lists and weeks are), without the view a
 * typed array's own sort needs; a longer range by that sort, so it still
 * costs n log n.
 */
export function sortRange(numbers: Int32Array | Float64Array, from: number, to: number): void {
  if (to - from > INSERTION_LIMIT) {
    numbers.subarray(from, to).sort();
    return;
  }
  for (let at = from + 1; at < to; at += 1) {
    const number = numbers[at] as number;
    let place = at;
    for (; place > from && (numbers[place - 1] as number) > number; place -= 1) numbers[place] = numbers[place - 1] as number;
    numbers[place] = number;
  }
}
