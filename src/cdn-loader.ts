/**
 * The on-demand CDN loader (dist/cdn/memorial-loader.js), the one script a page pastes:
 *
 *   <script type="module" src="…/dist/cdn/memorial-loader.js"></script>
 *
 * It defines nothing itself. When a `<memorial-…>` tag that is not defined yet appears in the
 * document (now or later: a MutationObserver watches for it), it imports that element's module
 * from beside itself (`memorial-<name>.js`, resolved against this file's own URL), which brings
 * the shared chunks it needs (`chunks/…`), each fetched once. Shoelace's autoloader is the model.
 *
 * Strict CSP works (module scripts from the loader's origin only; no inline code, no eval). A
 * second copy on the page, or an element already defined by another build, is left alone and
 * never throws. Without JavaScript, or when the API is down, the elements' light-DOM fallback
 * shows as before. `memorial-elements.min.js` stays for sites that want one request.
 */

/** The element tags the build has modules for (filled in by rollup.config.mjs). */
declare const __MEMORIAL_TAGS__: readonly string[];

const KEY = Symbol.for('memorial-elements.loader');
const g = globalThis as { [KEY]?: true };

if (!g[KEY] && typeof document !== 'undefined' && typeof customElements !== 'undefined') {
  g[KEY] = true;
  const known = new Set(__MEMORIAL_TAGS__);
  const started = new Set<string>();

  const load = (tag: string): void => {
    if (started.has(tag) || !known.has(tag) || customElements.get(tag)) return;
    started.add(tag);
    import(new URL(`./${tag}.js`, import.meta.url).href).catch((error: unknown) => {
      // Allowed to try again when the tag next appears (e.g. after a network failure).
      started.delete(tag);
      console.warn(`[memorial-elements] could not load <${tag}>:`, error);
    });
  };

  const discover = (root: Element | Document): void => {
    if (root instanceof Element && root.localName.startsWith('memorial-')) load(root.localName);
    for (const el of root.querySelectorAll(':not(:defined)')) if (el.localName.startsWith('memorial-')) load(el.localName);
  };

  discover(document);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
}

export {};
