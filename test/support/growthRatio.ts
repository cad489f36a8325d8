/** Collects garbage when the runner allows it (`--expose-gc`, set in the test config), so one run does not pay for the last. */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** How much larger the large input is than the small one. */
const GROWTH = 8;

/** One timed run: the input, and how many times in a row it is run. */
interface TimedRun<Input> {
  readonly input: Input;
  readonly times: number;
}

/**
 * The plan of a growth measurement: yields each run to time and is sent back
 * how long it took; returns the ratio. Each size is run once first, so neither
 * pays for compiling the code. Then the small input is run `GROWTH` times in a row
 * for each run of the large one, so both timed runs do the same amount of work
 * and last about as long: a machine whose share of the processor is cut in
 * slices (a container's quota, a neighbour's burst) slows a long run more than
 * a short one, which would read as growth. Each is timed the fastest of
 * `runs`, taken in turn so a busy machine slows both alike. A ratio above 2 is
 * measured again, up to three times, and the least kept.
 */
function* measurements<Input>(small: Input, large: Input, runs: number): Generator<TimedRun<Input>, number, number> {
  yield { input: small, times: 1 };
  yield { input: large, times: 1 };
  let least = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && least > 2; attempt += 1) {
    let [fastestSmall, fastestLarge] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    for (let round = 0; round < runs; round += 1) {
      fastestSmall = Math.min(fastestSmall, yield { input: small, times: GROWTH });
      fastestLarge = Math.min(fastestLarge, yield { input: large, times: 1 });
    }
    least = Math.min(least, fastestLarge / fastestSmall);
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
  const steps = measurements(build(n), build(GROWTH * n), runs);
  for (let step = steps.next(0); ;) {
    if (step.done === true) return step.value;
    const { input, times } = step.value;
    collectGarbage();
    const started = performance.now();
    for (let time = 0; time < times; time += 1) run(input);
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
  const steps = measurements(build(n), build(GROWTH * n), runs);
  for (let step = steps.next(0); ;) {
    if (step.done === true) return step.value;
    const { input, times } = step.value;
    collectGarbage();
    const started = performance.now();
    for (let time = 0; time < times; time += 1) await run(input);
    step = steps.next(performance.now() - started);
  }
}
