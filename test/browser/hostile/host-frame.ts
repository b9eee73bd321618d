/**
 * Opening the hostile host pages (test/browser/hostile/pages/, served with a strict CSP by
 * test/wtr/hostile-pages.mjs) in same-origin iframes, and reading what their recorder saw.
 */
export const PAGES = '/test/browser/hostile/pages/';
export const CDN = '/dist/cdn/memorial-elements.min.js';

import { until } from '../fixtures/until.js';
export { until };
export const TAGS = ['memorial-provider', 'memorial-martyr-card', 'memorial-tribute-button', 'memorial-message-wall', 'memorial-campaign-banner', 'memorial-relative-search'] as const;

/** Which engine runs the test: the three engines share one API server and run at once. */
export const ENGINE = /Firefox\//.test(navigator.userAgent) ? 1 : /Chrome\//.test(navigator.userAgent) ? 0 : 2;

/** What pages/record.js collects on the host page. */
export interface HostLog {
  errors: string[];
  rejections: string[];
  violations: { directive: string; blocked: string; sample: string; source: string }[];
  memorialErrors: { tag: string; id: string; kind: string; status?: number; code?: string; phase: string }[];
  executed: string[];
}

export interface HostPage {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  log: HostLog;
  remove(): void;
}

/** Canary calls that reached the test page itself (a payload escaping two levels of frames). */
export const topExecuted: string[] = [];
(globalThis as unknown as { __xss: (id: unknown) => void }).__xss = (id) => topExecuted.push(String(id));

/** A stateful memorial element as the tests see it (across the iframe's realm). */
export interface MemorialHost extends HTMLElement {
  readonly loadState: 'idle' | 'loading' | 'loaded' | 'empty' | 'error';
  readonly updateComplete: Promise<boolean>;
}

/**
 * Opens `page` (a file in pages/) with `params` in an iframe of the given size and waits until
 * it has loaded and every memorial-* element is defined (and, for elements.html, mounted).
 */
export async function openHostPage(page: string, params: Record<string, string> = {}, size = { width: 800, height: 1200 }): Promise<HostPage> {
  const frame = document.createElement('iframe');
  frame.title = `hostile host: ${page}`;
  frame.width = String(size.width);
  frame.height = String(size.height);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const query = new URLSearchParams(params).toString();
  frame.src = `${PAGES}${page}${query ? `?${query}` : ''}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const log = (win as unknown as { __hostile?: HostLog }).__hostile;
  if (!log) throw new Error(`${page} did not run record.js`);
  const doc = win.document;
  if (page === 'elements.html') await until(`${page} to mount its widgets`, () => doc.documentElement.hasAttribute('data-mounted'), 15_000);
  return { frame, win, doc, log, remove: () => frame.remove() };
}

/** Resolves once `el` has left `idle`/`loading` (or any state in `states`). */
export async function settled(el: MemorialHost, ms = 8000, states: readonly string[] = ['loaded', 'empty', 'error']): Promise<void> {
  await until(`<${el.localName} id="${el.id}"> to settle (now ${el.loadState})`, () => states.includes(el.loadState), ms);
  await el.updateComplete;
}

/** Every element in `root`'s shadow tree, nested shadow roots included (light-DOM children excluded). */
export function shadowElements(host: Element): Element[] {
  const out: Element[] = [];
  const walk = (root: ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (host.shadowRoot) walk(host.shadowRoot);
  return out;
}

export const part = <E extends Element = HTMLElement>(host: Element, name: string): E | null => host.shadowRoot?.querySelector<E>(`[part~="${name}"]`) ?? null;
export const parts = <E extends Element = HTMLElement>(host: Element, name: string): E[] => [...(host.shadowRoot?.querySelectorAll<E>(`[part~="${name}"]`) ?? [])];
export const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Whether a light-DOM node is actually laid out and visible (not just present). */
export function rendered(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view || el.getClientRects().length === 0) return false;
  const style = view.getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none';
}
