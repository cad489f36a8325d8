/** Collects garbage when the runner allows it (`--expose-gc`, set in the test config), so one run does not pay for the last. */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * How the cost per item changes from n to 8n items: each size timed the
 * fastest of several runs, taken in turn so a busy machine slows both
 * alike, with garbage collected before each. Linear gives about 1, n log n
 * about 1.25; n^1.5 gives 2.8 and n² 8. A ratio above 2 is measured again,
 * up to three times, and the least kept: a busy machine can raise one
 * measurement, while growth faster than n log n raises every one.
 * Only the ratio is for asserting, never a duration.
 */
export function growthRatio<Input>(n: number, build: (size: number) => Input, run: (input: Input) => unknown, runs = 5): number {
  const small = build(n);
  const large = build(8 * n);
  const time = (input: Input) => {
    collectGarbage();
    const started = performance.now();
    run(input);
    return performance.now() - started;
  };
  // Once each first, so neither size pays for compiling the code.
  time(small);
  time(large);
  let least = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && least > 2; attempt += 1) {
    let [fastestSmall, fastestLarge] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    for (let round = 0; round < runs; round += 1) {
      fastestSmall = Math.min(fastestSmall, time(small));
      fastestLarge = Math.min(fastestLarge, time(large));
    }
    least = Math.min(least, fastestLarge / (8 * n) / (fastestSmall / n));
  }
  return least;
}

/** {@link growthRatio} for work that returns a promise: each run timed until it settles. */
export async function growthRatioAsync<Input>(
  n: number,
  build: (size: number) => Input,
  run: (input: Input) => Promise<unknown>,
  runs = 3,
): Promise<number> {
  const [small, large] = [build(n), build(8 * n)];
  const time = async (input: Input) => {
    collectGarbage();
    const started = performance.now();
    await run(input);
    return performance.now() - started;
  };
  await time(small);
  await time(large);
  let least = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && least > 2; attempt += 1) {
    let [fastestSmall, fastestLarge] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    for (let round = 0; round < runs; round += 1) {
      fastestSmall = Math.min(fastestSmall, await time(small));
      fastestLarge = Math.min(fastestLarge, await time(large));
    }
    least = Math.min(least, fastestLarge / (8 * n) / (fastestSmall / n));
  }
  return least;
}
