/**
 * Timers of the preview (no vscode import, so they are unit-tested with a fake clock).
 */

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Trailing debounce with a ceiling: runs `delay` ms after the last `trigger`, but never later than
 * `maxWait` ms after the first pending one — so the preview still moves while someone types
 * without pause (a pure debounce would wait for the end of the sentence).
 */
export class Debouncer {
  private timer: unknown;
  private firstPending = 0;

  constructor(
    private readonly fn: () => void,
    private readonly delay: number,
    private readonly maxWait: number,
    private readonly now: () => number = Date.now,
    private readonly timers: Timers = realTimers,
  ) {}

  trigger(): void {
    const now = this.now();
    if (this.timer === undefined) this.firstPending = now;
    else this.timers.clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delay, this.firstPending + this.maxWait - now));
    this.timer = this.timers.setTimeout(() => this.flush(), wait);
  }

  /** Runs now if something is pending. */
  flush(): void {
    if (this.timer === undefined) return;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.fn();
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * Leading + trailing throttle: the first call runs at once, later calls within `interval` ms
 * collapse into one run with the latest argument at the end of the interval (scroll events).
 */
export class Throttle<T> {
  private timer: unknown;
  private last = -Infinity;
  private latest: { value: T } | undefined;

  constructor(
    private readonly fn: (value: T) => void,
    private readonly interval: number,
    private readonly now: () => number = Date.now,
    private readonly timers: Timers = realTimers,
  ) {}

  call(value: T): void {
    this.latest = { value };
    if (this.timer !== undefined) return;
    const wait = this.last + this.interval - this.now();
    if (wait <= 0) this.run();
    else this.timer = this.timers.setTimeout(() => this.run(), wait);
  }

  private run(): void {
    this.timer = undefined;
    const latest = this.latest;
    this.latest = undefined;
    if (!latest) return;
    this.last = this.now();
    this.fn(latest.value);
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.latest = undefined;
  }
}
