/**
 * Opens a BUILT example app (dist/demo/<framework>/index.html, `npm run build`) in a same-origin
 * iframe, as its own page, against the real reference server (proxied by the test runner under
 * /api/; the apps use their own origin as the API address).
 *
 * The iframe's console and errors are not the test page's, so the runner would not see them:
 * `problems` collects console.error, uncaught errors, unhandled rejections, failed resource
 * loads and CSP violations from the app's window, hooked before the app's module runs.
 */

import { until } from '../fixtures/until.js';
export { until };
export interface AppFrame {
  readonly frame: HTMLIFrameElement;
  readonly win: Window & typeof globalThis & { litHtmlVersions?: string[]; litElementVersions?: string[] };
  readonly doc: Document;
  /** The built index.html as served. */
  readonly html: string;
  /** Everything that went wrong in the app's window, as text. */
  readonly problems: string[];
  /** GET requests the app's window sent to exactly this path (Resource Timing). */
  requests(pathname: string): number;
  close(): void;
}

/** Polls `check` until it returns something truthy; fails with `what` after `timeout` ms (a failure bound, never a pass condition). */

/** 0 Chromium, 1 Firefox, 2 WebKit: the engines run at once against one server, so tests that write pick per-engine records. */
export const ENGINE = /Firefox\//.test(navigator.userAgent) ? 1 : /Chrome\//.test(navigator.userAgent) ? 0 : 2;

const describeError = (value: unknown): string => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));

function hook(win: AppFrame['win'], problems: string[]): void {
  const original = win.console.error.bind(win.console);
  win.console.error = (...args: unknown[]) => {
    problems.push(`console.error: ${args.map(describeError).join(' ')}`);
    original(...args);
  };
  win.addEventListener(
    'error',
    (event) => {
      const target = event.target as Element | Window | null;
      // capture phase: also sees a <script>/<link>/<img> that failed to load
      if (target && target !== win && 'localName' in target) {
        problems.push(`failed to load <${target.localName}> ${(target as HTMLScriptElement).src || (target as HTMLLinkElement).href || ''}`);
      } else {
        problems.push(`uncaught: ${describeError((event as ErrorEvent).error ?? (event as ErrorEvent).message)}`);
      }
    },
    true,
  );
  win.addEventListener('unhandledrejection', (event) => problems.push(`unhandled rejection: ${describeError(event.reason)}`));
  win.document.addEventListener('securitypolicyviolation', (event) => problems.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
}

export async function openApp(url: string): Promise<AppFrame> {
  const response = await fetch(url);
  const html = await response.text();
  if (!response.ok || !/<script[^>]+type="module"[^>]+src=/.test(html)) {
    throw new Error(`${url.split('?')[0]} is missing or not a built app (HTTP ${response.status}): run \`npm run build\` first`);
  }

  // Same-origin iframes share this event loop, but on a loaded machine the app's module can run
  // before the poll below sees the new document: then the hooks came too late, and the page is
  // opened again (a few tries) rather than watched half-blind.
  for (let attempt = 1; ; attempt++) {
    const frame = document.createElement('iframe');
    frame.title = 'example app';
    frame.width = '1024';
    frame.height = '768';
    frame.src = url;
    document.body.append(frame);

    const doc = await until(`${url} to start loading`, () => {
      const d = frame.contentDocument;
      return d && d.URL !== 'about:blank' ? d : undefined;
    });
    const win = frame.contentWindow as AppFrame['win'];
    const problems: string[] = [];
    if (win.customElements.get('memorial-provider')) {
      if (attempt < 4) {
        frame.remove();
        continue;
      }
      // WebKit in CI runs the app before any poll sees the document: later errors are still watched.
      console.warn('the app ran before the error hooks were installed: its early errors were not watched');
    }
    hook(win, problems);

    return {
      frame,
      win,
      doc,
      html,
      problems,
      requests(pathname) {
        return win.performance
          .getEntriesByType('resource')
          .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'fetch' && new URL(e.name).pathname === pathname).length;
      },
      close() {
        frame.remove();
      },
    };
  }
}
