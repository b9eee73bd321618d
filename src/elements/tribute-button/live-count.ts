import type { TributeStore } from './tribute-store.js';

/** How often a visible page asks again: others' tributes show within about this long. */
export const LIVE_COUNT_INTERVAL_MS = 10_000;

interface Watch {
  users: number;
  timer: ReturnType<typeof setInterval> | undefined;
  onVisibility: () => void;
}
const watches = new Map<TributeStore, Watch>();

const visible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';

/**
 * Keeps a store's counts live while the page is visible: every ten seconds one request for
 * the public summary per martyr on the page, however many buttons show it. The answer is
 * `Cache-Control: public, max-age=5` with a strong ETag, so the browser revalidates with
 * If-None-Match (a 304 of a few hundred bytes when nothing changed) and a CDN in front answers
 * most of them without reaching the server. Nothing is asked in a hidden tab; on becoming
 * visible again it asks at once.
 *
 * Polling rather than server-sent events: 100,000 open pages would hold 100,000 connections
 * open on the servers (and on every proxy between), which a CDN cannot absorb, while a short
 * cacheable GET every ten seconds is 10,000 requests a second at the edge and a few per martyr
 * per second behind it.
 */
function watch(store: TributeStore): () => void {
  let w = watches.get(store);
  if (!w) {
    const refresh = () => void store.refresh().catch(() => undefined);
    const start = () => {
      w!.timer ??= setInterval(refresh, LIVE_COUNT_INTERVAL_MS);
    };
    const stop = () => {
      if (w!.timer !== undefined) clearInterval(w!.timer);
      w!.timer = undefined;
    };
    w = {
      users: 0,
      timer: undefined,
      onVisibility: () => {
        if (!visible()) return stop();
        refresh();
        start();
      },
    };
    watches.set(store, w);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', w.onVisibility);
    if (visible()) start();
  }
  w.users++;
  return () => {
    if (--w.users > 0) return;
    if (w.timer !== undefined) clearInterval(w.timer);
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', w.onVisibility);
    watches.delete(store);
  };
}

/** `store.subscribe(listener)` that also keeps the counts live while subscribed. */
export function liveSubscription(store: TributeStore, listener: () => void): () => void {
  const unsubscribe = store.subscribe(listener);
  const unwatch = watch(store);
  return () => {
    unsubscribe();
    unwatch();
  };
}
