// DEMO AND TEST PAGES ONLY — never copy this onto a real portal.
//
// When the reference server runs with MEMORIAL_CLOCK (or a test server with a fixed clock), its
// /api/v1/health answers `clock`. This classic script, placed in <head> before the elements'
// script, asks for it synchronously while the page is parsed and gives every
// <memorial-campaign-banner> that instant as its `now`, before the element is even defined (Lit
// keeps a property set before upgrade). So the page shows the same day the server decides
// `campaigns/current` for, with no moment in which the reader's clock says otherwise.
// On a server with the real clock it does nothing. The instant is also left on <html
// data-memorial-clock> for tests.
(() => {
  const meta = document.querySelector('meta[name="memorial-api-base"]');
  const base = new URL(meta?.getAttribute('content') || '/', document.baseURI);
  let clock;
  try {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', new URL('api/v1/health', base.href.endsWith('/') ? base : `${base.href}/`).href, false);
    xhr.send();
    clock = xhr.status === 200 ? JSON.parse(xhr.responseText).clock : undefined;
  } catch {
    return;
  }
  if (typeof clock !== 'string' || Number.isNaN(Date.parse(clock))) return;
  document.documentElement.setAttribute('data-memorial-clock', clock);
  const fix = (root) => {
    if (root.localName === 'memorial-campaign-banner') root.now = new Date(clock);
    for (const el of root.querySelectorAll?.('memorial-campaign-banner') ?? []) el.now = new Date(clock);
  };
  new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) if (node.nodeType === 1) fix(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
  window.memorialDemoClock = new Date(clock);
})();
