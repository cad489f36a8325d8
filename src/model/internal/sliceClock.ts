/**
 * What {@link createMatcherAsync} reads of an abort signal: whether it
 * fired, and why. A standard `AbortSignal` is one; the type is structural
 * so that the library needs neither DOM nor Node types.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Tells long work when its slice of time is up, and gives the event loop a turn before the next. */
export interface SliceClock {
  /** Whether this slice has run its time. Cheap: call it between small steps. */
  due(): boolean;
  /** Lets the event loop run, then starts the next slice; rejects with the signal's reason once it is aborted. */
  pause(): Promise<void>;
}

interface MessagePorts {
  readonly port1: { onmessage: (() => void) | null; close(): void };
  readonly port2: { postMessage(message: unknown): void; close(): void };
}

interface HostTimers {
  readonly setImmediate?: (callback: () => void) => unknown;
  readonly MessageChannel?: new () => MessagePorts;
  readonly setTimeout?: (callback: () => void, milliseconds: number) => unknown;
  readonly performance?: { now(): number };
}

const host = globalThis as unknown as HostTimers;
/** Without a monotonic clock (`performance`), a slice is this many steps instead (the library's own choice). */
const STEPS_WITHOUT_A_CLOCK = 1_000;

/**
 * A turn of the event loop: `setImmediate` where there is one (Node), else
 * a message to itself (browsers, where a nested zero-delay timer waits at
 * least 4 ms), else a zero-delay timer.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (host.setImmediate !== undefined) host.setImmediate(resolve);
    else if (host.MessageChannel !== undefined) {
      const channel = new host.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        channel.port2.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    } else if (host.setTimeout !== undefined) host.setTimeout(resolve, 0);
    else resolve();
  });
}

/** Throws the signal's reason when it has fired. */
export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted === true) throw signal.reason;
}

/** A clock for slices of `milliseconds` each (0: a turn after every step), stopped by `signal`. */
export function sliceClock(milliseconds: number, signal: AbortSignalLike | undefined): SliceClock {
  const clock = host.performance;
  let started = clock?.now() ?? 0;
  let steps = 0;
  return {
    due: () => (clock === undefined ? (steps += 1) >= STEPS_WITHOUT_A_CLOCK || milliseconds === 0 : clock.now() - started >= milliseconds),
    async pause() {
      await nextTurn();
      throwIfAborted(signal);
      started = clock?.now() ?? 0;
      steps = 0;
    },
  };
}
