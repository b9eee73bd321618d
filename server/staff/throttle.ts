/**
 * Failed-attempt throttling: after `free` failures within `windowMs` a key (an account, a
 * client address) must wait before its next try, doubling per further failure up to `maxDelayMs`. In memory and
 * per process, like the write limiter; a success on an account clears its count.
 */
export interface ThrottleOptions {
  free: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export class FailureThrottle {
  readonly #entries = new Map<string, { failures: number; first: number; blockedUntil: number }>();
  constructor(
    readonly options: ThrottleOptions,
    private readonly now: () => number,
    /** Off: never makes anyone wait (tests that fuzz the whole API from one address). */
    private readonly enabled = true,
  ) {}

  /** Seconds to wait before `key` may try again; 0 when it may try now. */
  retryAfter(key: string): number {
    if (!this.enabled) return 0;
    const e = this.#live(key);
    return e ? Math.max(0, Math.ceil((e.blockedUntil - this.now()) / 1000)) : 0;
  }

  fail(key: string): void {
    const t = this.now();
    if (this.#entries.size > 100_000) this.#sweep(t);
    const e = this.#live(key) ?? { failures: 0, first: t, blockedUntil: 0 };
    e.failures += 1;
    const over = e.failures - this.options.free + 1;
    if (over > 0) e.blockedUntil = t + Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (over - 1));
    this.#entries.set(key, e);
  }

  clear(key: string): void {
    this.#entries.delete(key);
  }

  #live(key: string) {
    const e = this.#entries.get(key);
    if (e && this.now() - e.first > this.options.windowMs && this.now() >= e.blockedUntil) {
      this.#entries.delete(key);
      return undefined;
    }
    return e;
  }

  #sweep(t: number) {
    for (const [k, e] of this.#entries) if (t - e.first > this.options.windowMs && t >= e.blockedUntil) this.#entries.delete(k);
  }
}
