interface Entry<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers still waiting; the request is aborted when the last one leaves. */
  waiting: number;
}

/**
 * Shares one in-flight request among identical concurrent calls, so several elements on a page
 * that need the same martyr cause one fetch. Nothing is kept after the request settles: this
 * is de-duplication, not a cache, and a later call always sees fresh data.
 *
 * The shared request must not belong to any one caller: it runs on its own AbortController.
 * A caller whose signal aborts stops waiting (rejecting with its signal's reason) while the
 * others keep theirs; only when every caller has left is the request itself aborted, and it is
 * then forgotten so a newcomer starts a fresh one instead of joining a dying one.
 */
export class InflightRequests {
  readonly #entries = new Map<string, Entry<unknown>>();

  run<T>(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);

    let entry = this.#entries.get(key) as Entry<T> | undefined;
    if (!entry) entry = this.#start(key, start);
    entry.waiting++;
    if (!signal) return entry.promise;

    const joined = entry;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.#leave(key, joined, signal.reason);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      joined.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  #start<T>(key: string, start: (signal: AbortSignal) => Promise<T>): Entry<T> {
    const controller = new AbortController();
    const entry: Entry<T> = {
      promise: Promise.resolve()
        .then(() => start(controller.signal))
        .finally(() => {
          if (this.#entries.get(key) === entry) this.#entries.delete(key);
        }),
      controller,
      waiting: 0,
    };
    // Once every caller has left, nobody observes the abort rejection.
    entry.promise.catch(() => undefined);
    this.#entries.set(key, entry as Entry<unknown>);
    return entry;
  }

  #leave(key: string, entry: Entry<unknown>, reason: unknown): void {
    entry.waiting--;
    if (entry.waiting > 0) return;
    if (this.#entries.get(key) === entry) this.#entries.delete(key);
    entry.controller.abort(reason);
  }
}
