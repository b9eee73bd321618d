import { TRIBUTE_KINDS, type TributeKind, type TributeResult, type TributeSummary } from '../../contract/tribute.js';
import type { MemorialClient } from '../../sdk/client.js';
import { signedVisitorId } from './signed-visitor.js';
import { visitorId } from './visitor-id.js';

type Listener = () => void;

/** `promise` itself without a signal; with one, also rejects with the signal's reason once it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

const sum = (s: TributeSummary) => TRIBUTE_KINDS.reduce((n, k) => n + s.total[k], 0);

/**
 * The tribute counts of one martyr, shared by every `<memorial-tribute-button>` (and anything
 * else) on the page that uses the same client for that martyr:
 *
 * - one summary request for all of them, however many mount and whenever (`load()` hands out
 *   the summary it already has);
 * - `offer()` shows the new count at once to every subscriber (optimistic), then the server's
 *   answer; if the server refuses, the optimistic count is taken back everywhere;
 * - offers of one kind that overlap share one request.
 *
 * A kind the visitor has already offered today (the summary's `offeredToday`) is never counted
 * twice in the view, even while an offer of it is in flight.
 */
export class TributeStore {
  readonly client: MemorialClient;
  readonly martyrId: string;

  #confirmed: TributeSummary | undefined;
  #view: TributeSummary | undefined;
  #loading: Promise<TributeSummary> | undefined;
  readonly #pending = new Map<TributeKind, Promise<TributeResult>>();
  readonly #listeners = new Set<Listener>();
  readonly #visitor: () => string;

  constructor(client: MemorialClient, martyrId: string, visitor: () => string = visitorId) {
    this.client = client;
    this.martyrId = martyrId;
    this.#visitor = visitor;
  }

  /** The counts as the page should show them (the server's latest, plus offers in flight); undefined until loaded. */
  get summary(): TributeSummary | undefined {
    return this.#view;
  }

  /** True once this visitor has offered `kind` today (or an offer of it is in flight). */
  offered(kind: TributeKind): boolean {
    return this.#view?.offeredToday?.includes(kind) ?? false;
  }

  /** True while an offer of `kind` waits for the server. */
  pending(kind: TributeKind): boolean {
    return this.#pending.has(kind);
  }

  /** Calls `listener` after every change of `summary`; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The summary: the one already held, or one request shared by every caller. `signal` lets a
   * caller stop waiting; the shared request carries on for the others.
   */
  load(signal?: AbortSignal): Promise<TributeSummary> {
    if (this.#view) return untilAborted(Promise.resolve(this.#view), signal);
    if (!this.#loading) {
      const loading: Promise<TributeSummary> = this.client.tributes
        .summary(this.martyrId, { visitorId: this.#visitor() })
        .then((summary) => {
          this.#accept(summary);
          return this.#view ?? summary;
        })
        .finally(() => {
          if (this.#loading === loading) this.#loading = undefined;
        });
      // every caller may have left by the time it fails
      loading.catch(() => undefined);
      this.#loading = loading;
    }
    return untilAborted(this.#loading, signal);
  }

  /**
   * Asks for the public counts again (cacheable, no visitor named) once loaded, keeping what
   * this visitor has offered today. Used to keep counts live (live-count.ts).
   */
  async refresh(signal?: AbortSignal): Promise<void> {
    const held = this.#confirmed;
    if (!held) return;
    const fresh = await this.client.tributes.summary(this.martyrId, { signal });
    this.#accept({ ...fresh, offeredToday: fresh.day === held.day ? held.offeredToday : [] });
  }

  /**
   * Offers a tribute of `kind` for this visitor. Every subscriber sees the new count at once;
   * the server's answer then replaces it, and a refusal (rejected promise) takes it back.
   * Resolves with `counted: false` when the visitor had already offered this kind today.
   */
  offer(kind: TributeKind): Promise<TributeResult> {
    const inFlight = this.#pending.get(kind);
    if (inFlight) return inFlight;
    // The page's own visitor is signed by the server first (once per browser); an injected one is used as it is.
    const visitor = this.#visitor === visitorId ? signedVisitorId(this.client) : Promise.resolve(this.#visitor());
    const request = visitor.then((v) => this.client.tributes.offer(this.martyrId, { kind, visitorId: v })).then(
      (result) => {
        this.#pending.delete(kind);
        this.#accept(result.summary);
        return result;
      },
      (error: unknown) => {
        this.#pending.delete(kind);
        this.#update();
        throw error;
      },
    );
    this.#pending.set(kind, request);
    this.#update();
    return request;
  }

  /** Takes a summary from the server unless it is older than the one held (answers can cross). */
  #accept(summary: TributeSummary): void {
    const held = this.#confirmed;
    const older = held !== undefined && (summary.day < held.day || (summary.day === held.day && sum(summary) < sum(held)));
    if (!older) this.#confirmed = summary;
    this.#update();
  }

  #update(): void {
    const base = this.#confirmed;
    if (!base) {
      this.#view = undefined;
    } else {
      const offered = new Set(base.offeredToday ?? []);
      const view: TributeSummary = { ...base, today: { ...base.today }, total: { ...base.total } };
      for (const kind of this.#pending.keys()) {
        if (offered.has(kind)) continue;
        view.today[kind] += 1;
        view.total[kind] += 1;
        offered.add(kind);
      }
      view.offeredToday = TRIBUTE_KINDS.filter((k) => offered.has(k));
      this.#view = view;
    }
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        console.error('[memorial-elements] a tribute store listener failed:', error);
      }
    }
  }
}

/** One store per client and martyr: elements sharing a client (the page-wide one, or a provider's) share counts. */
const stores = new WeakMap<MemorialClient, Map<string, TributeStore>>();

/** The shared tribute store for `martyrId` on `client`. */
export function tributeStore(client: MemorialClient, martyrId: string): TributeStore {
  let byMartyr = stores.get(client);
  if (!byMartyr) stores.set(client, (byMartyr = new Map()));
  let store = byMartyr.get(martyrId);
  if (!store) byMartyr.set(martyrId, (store = new TributeStore(client, martyrId)));
  return store;
}
