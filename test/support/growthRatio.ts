/** Collects garbage when the runner allows it (`--expose-gc`, set in the test config), so one run does not pay for the last. */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * The plan of a growth measurement: yields each input to time and is sent
 * back how long it took; returns the ratio. Each size is run once first, so
 * neither pays for compiling the code; then each is timed the fastest of
 * `runs`, taken in turn so a busy machine slows both alike. A ratio above 2
 * is measured again, up to three times, and the least kept.
 */
function* measurements<Input>(n: number, small: Input, large: Input, runs: number): Generator<Input, number, number> {
  yield small;
  yield large;
  let least = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && least > 2; attempt += 1) {
    let [fastestSmall, fastestLarge] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    for (let round = 0; round < runs; round += 1) {
      fastestSmall = Math.min(fastestSmall, yield small);
      fastestLarge = Math.min(fastestLarge, yield large);
    }
    least = Math.min(least, fastestLarge / (8 * n) / (fastestSmall / n));
  }
  return least;
}

/**
 * How the cost per item changes from n to 8n items, with garbage collected
 * before each timed run. Linear gives about 1, n log n about 1.25; n^1.5
 * gives 2.8 and n² 8. A busy machine can raise one measurement, while
 * growth faster than n log n raises every one, hence the least of up to
 * three. Only the ratio is for asserting, never a duration.
 */
export function growthRatio<Input>(n: number, build: (size: number) => Input, run: (input: Input) => unknown, runs = 5): number {
  const steps = measurements(n, build(n), build(8 * n), runs);
  for (let step = steps.next(0); ;) {
    if (step.done === true) return step.value;
    collectGarbage();
    const started = performance.now();
    run(step.value);
    step = steps.next(performance.now() - started);
  }
}

/** {@link growthRatio} for work that returns a promise: each run timed until it settles. */
export async function growthRatioAsync<Input>(
  n: number,
  build: (size: number) => Input,
  run: (input: Input) => Promise<unknown>,
  runs = 3,
): Promise<number> {
  const steps = measurements(n, build(n), build(8 * n), runs);
  for (let step = steps.next(0); ;) {
    if (step.done === true) return step.value;
    collectGarbage();
    const started = performance.now();
    await run(step.value);
    step = steps.next(performance.now() - started);
  }
}
