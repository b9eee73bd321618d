/**
 * The embed report (which host pages carry the campaign link) and the float's remembered close.
 *
 * - Events go with `navigator.sendBeacon` (text/plain, so no CORS preflight; it survives the
 *   page being left), else `fetch(…, { keepalive: true })`. The body is
 *   `{ type, origin, path }`: the host page's origin and path, never its query string or
 *   fragment (they may carry personal data), and nothing about the reader.
 * - At most one event per campaign, type and API per page view (a new `location.pathname` in a
 *   single-page app is a new page view), however many banners the page has.
 * - The state is kept on `globalThis` under a registry symbol so two copies of the library on one
 *   page (the CDN file and an app bundle) still send once.
 */
export type EmbedEventType = 'impression' | 'click';

interface Shared {
  sent: Set<string>;
  /** Campaigns whose float was closed during this page view (the fallback when storage is blocked). */
  closed: Set<string>;
}

const KEY = Symbol.for('memorial-elements.campaign-banner');
const shared = (): Shared => ((globalThis as { [KEY]?: Shared })[KEY] ??= { sent: new Set(), closed: new Set() });

/** Whether `type` was already sent for this campaign, API and page in this page view. */
export function embedReported(apiRoot: string, campaignId: string, type: EmbedEventType): boolean {
  return shared().sent.has(`${apiRoot} ${campaignId} ${type} ${location.pathname}`);
}

/**
 * Records one embed event, unless it was already recorded in this page view. Never throws,
 * never waits. Returns true when an event went out.
 */
export function reportEmbed(apiRoot: string, campaignId: string, type: EmbedEventType): boolean {
  try {
    const { origin, pathname } = location;
    const key = `${apiRoot} ${campaignId} ${type} ${pathname}`;
    // file:, about:blank and sandboxed pages have no http(s) origin for the report to name.
    if (!/^https?:\/\//.test(origin) || shared().sent.has(key)) return false;
    shared().sent.add(key);
    const url = `${apiRoot}campaigns/${encodeURIComponent(campaignId)}/events`;
    const body = JSON.stringify({ type, origin, path: pathname.slice(0, 500) });
    try {
      if (navigator.sendBeacon?.(url, body)) return true;
    } catch {
      // a beacon refused (e.g. by a page's own policy): try fetch
    }
    fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit', headers: { 'content-type': 'text/plain' } }).catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}

const storageKey = (campaignId: string) => `memorial-campaign-banner:closed:${campaignId}`;

/** Whether the reader closed the float for this campaign (remembered in localStorage). */
export function floatClosed(campaignId: string): boolean {
  if (shared().closed.has(campaignId)) return true;
  try {
    return localStorage.getItem(storageKey(campaignId)) === '1';
  } catch {
    return false;
  }
}

/** Remembers a close: in localStorage, and for this page view even when storage is blocked. */
export function closeFloat(campaignId: string): void {
  shared().closed.add(campaignId);
  try {
    localStorage.setItem(storageKey(campaignId), '1');
  } catch {
    // storage blocked (privacy mode, sandboxed frame): the close lasts for this page view
  }
}
