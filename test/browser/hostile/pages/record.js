/* global window, document, ErrorEvent */
// Loaded first, as a classic script, by every hostile host page: records what the host page
// would see go wrong, for the tests in test/browser/hostile/ to read as `window.__hostile`.
(() => {
  const log = { errors: [], rejections: [], violations: [], memorialErrors: [], executed: [] };
  window.__hostile = log;
  // The XSS canary: every payload calls it (or parent.__xss from a nested document) if it ever runs.
  window.__xss = (id) => log.executed.push(String(id));
  // Only script errors: resource load errors are plain Events and do not reach window from shadow roots anyway.
  window.addEventListener('error', (e) => {
    if (e instanceof ErrorEvent) log.errors.push(`${e.message} @ ${e.filename}:${e.lineno}`);
  });
  window.addEventListener('unhandledrejection', (e) => log.rejections.push(String(e.reason?.stack ?? e.reason)));
  document.addEventListener(
    'securitypolicyviolation',
    (e) => log.violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` }),
    true,
  );
  document.addEventListener(
    'memorial-error',
    (e) => {
      const d = e.detail ?? {};
      log.memorialErrors.push({ tag: e.target.localName, id: e.target.id, kind: d.kind, status: d.status, code: d.code, phase: d.phase });
    },
    true,
  );
})();
