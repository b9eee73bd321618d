import type { ReactiveController } from 'lit';
import type { Locale } from '../../i18n/locale.js';
import type { MemorialClient } from '../../sdk/client.js';
import { classifyError, isAbort, MemorialConfigError, type ClassifiedError } from './errors.js';
import { MemorialLoadEvent } from './events.js';

export type TaskStatus = 'idle' | 'loading' | 'loaded' | 'empty' | 'error';

/** What a task's `run` gets besides its args. */
export interface TaskContext {
  /** The element's client (own api-base, provider, or meta): never undefined inside `run`. */
  client: MemorialClient;
  /** Aborted when the args change, the element is removed, or `retry()` starts over. */
  signal: AbortSignal;
  locale: Locale;
}

/** The element side of a task (implemented by `MemorialElement`). */
export interface TaskHost {
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
  readonly client: MemorialClient | undefined;
  readonly resolvedLocale: Locale;
  emitError(error: ClassifiedError, phase: 'load' | 'action' | 'lifecycle'): void;
  dispatchEvent(event: Event): boolean;
  /** Called by MemorialTask's constructor so the element can aggregate `loadState`. */
  registerTask(task: MemorialTask<readonly unknown[], unknown>): void;
}

export interface MemorialTaskOptions<A extends readonly unknown[], T> {
  /**
   * The inputs the data depends on (e.g. `[this.martyrId]`). The task runs again whenever one of
   * them, or the element's client, changes (compared with ===). Return undefined when there is
   * nothing to load (e.g. no martyr-id yet): the status is then `idle` and nothing is fetched.
   */
  args: () => A | undefined;
  /** Loads the data. Pass `signal` on to the SDK so superseded requests are cancelled. */
  run: (args: A, context: TaskContext) => Promise<T>;
  /** When true the `empty` view is shown instead of `loaded` (e.g. a page with no items). */
  isEmpty?: (value: T) => boolean;
  /**
   * Data given directly (e.g. the `.martyr` property): when this returns a value it is shown
   * as loaded and no request is made.
   */
  given?: () => T | undefined;
  /** Fire `memorial-load` when data arrives (default true). */
  emitLoad?: boolean;
}

/**
 * Loads an element's data from the API and tracks its state. It never throws: a failure
 * becomes status `error`, a `memorial-error` event and (through `MemorialElement.renderTask`)
 * a localized error state with a retry button where retrying can help, and the element's
 * light-DOM fallback. Success fires `memorial-load` once the data is rendered.
 *
 *   #data = new MemorialTask(this, {
 *     args: () => (this.martyrId ? [this.martyrId] as const : undefined),
 *     run: ([id], { client, signal }) => client.martyrs.get(id, { signal }),
 *     given: () => this.martyr,
 *   });
 */
export class MemorialTask<A extends readonly unknown[], T> implements ReactiveController {
  status: TaskStatus = 'idle';
  value: T | undefined;
  error: ClassifiedError | undefined;

  readonly #host: TaskHost;
  readonly #options: MemorialTaskOptions<A, T>;
  #key: readonly unknown[] | undefined;
  #given: T | undefined;
  #abort: AbortController | undefined;
  #generation = 0;

  constructor(host: TaskHost, options: MemorialTaskOptions<A, T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    host.registerTask(this as unknown as MemorialTask<readonly unknown[], unknown>);
  }

  /** Runs the task again with the same args (the retry button). */
  retry(): void {
    this.#key = undefined;
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    const given = this.#options.given?.();
    if (given !== undefined) {
      if (given !== this.#given || this.value !== given) {
        this.#cancel();
        this.#key = undefined;
        this.#given = given;
        this.#settle(given, ++this.#generation);
      }
      return;
    }
    this.#given = undefined;
    const args = this.#options.args();
    if (args === undefined) {
      if (this.#key !== undefined || this.status !== 'idle') {
        this.#cancel();
        this.#key = undefined;
        this.status = 'idle';
        this.value = undefined;
        this.error = undefined;
      }
      return;
    }
    const client = this.#host.client;
    const key = [client, ...args];
    if (this.#key && key.length === this.#key.length && key.every((v, i) => v === this.#key?.[i])) return;
    this.#key = key;
    this.#start(args, client);
  }

  hostDisconnected(): void {
    // A request cut short by removal starts again if the element comes back.
    if (this.status === 'loading') {
      this.#cancel();
      this.#key = undefined;
    }
  }

  #cancel(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }

  #start(args: A, client: MemorialClient | undefined): void {
    this.#cancel();
    const abort = new AbortController();
    this.#abort = abort;
    const generation = ++this.#generation;
    this.status = 'loading';
    this.error = undefined;
    void (async () => {
      try {
        if (!client) {
          throw new MemorialConfigError(
            'memorial-elements: no API address. Set api-base on the element, wrap it in <memorial-provider api-base>, or add <meta name="memorial-api-base" content>.',
          );
        }
        const value = await this.#options.run(args, { client, signal: abort.signal, locale: this.#host.resolvedLocale });
        if (generation !== this.#generation) return;
        this.#settle(value, generation);
      } catch (error) {
        if (generation !== this.#generation || (abort.signal.aborted && isAbort(error))) return;
        this.#fail(error, generation);
      }
    })();
  }

  #settle(value: T, generation: number): void {
    try {
      const empty = this.#options.isEmpty?.(value) ?? false;
      this.value = value;
      this.error = undefined;
      this.status = empty ? 'empty' : 'loaded';
      this.#host.requestUpdate();
      if (this.#options.emitLoad === false) return;
      void this.#host.updateComplete.then(
        () => {
          if (generation === this.#generation) this.#host.dispatchEvent(new MemorialLoadEvent<T>({ data: value, empty }));
        },
        () => undefined,
      );
    } catch (error) {
      this.#fail(error, generation);
    }
  }

  #fail(error: unknown, generation: number): void {
    const classified = classifyError(error);
    this.status = 'error';
    this.error = classified;
    this.value = undefined;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(
      () => {
        if (generation === this.#generation) this.#host.emitError(classified, 'load');
      },
      () => undefined,
    );
  }
}
