/**
 * How the cost per item changes from n to 8n items: each size timed the
 * fastest of several runs, taken in turn so a busy machine slows both
 * alike. Linear gives about 1, n log n about 1.25; n^1.5 gives 2.8 and n² 8.
 * Only the ratio is for asserting, never a duration.
 */
export function growthRatio<Input>(n: number, build: (size: number) => Input, run: (input: Input) => unknown, runs = 5): number {
  const small = build(n);
  const large = build(8 * n);
  const time = (input: Input) => {
    const started = performance.now();
    run(input);
    return performance.now() - started;
  };
  // Once each first, so neither size pays for compiling the code.
  time(small);
  time(large);
  let [fastestSmall, fastestLarge] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let round = 0; round < runs; round += 1) {
    fastestSmall = Math.min(fastestSmall, time(small));
    fastestLarge = Math.min(fastestLarge, time(large));
  }
  return fastestLarge / (8 * n) / (fastestSmall / n);
}
