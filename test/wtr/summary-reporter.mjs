// A @web/test-runner reporter that counts tests per browser at the end of the run, prints
// `browser: N passed, N failed, N skipped`, and (when WTR_SUMMARY_FILE is set) writes the counts
// as JSON so scripts/test.mjs can add them to its total.
import { writeFileSync } from 'node:fs';

function countSuite(suite, acc) {
  if (!suite) return acc;
  for (const test of suite.tests ?? []) {
    if (test.skipped) acc.skipped += 1;
    else if (test.passed) acc.passed += 1;
    else acc.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, acc);
  return acc;
}

/** @returns {import('@web/test-runner').Reporter} */
export function summaryReporter({ file = process.env.WTR_SUMMARY_FILE } = {}) {
  let lines = [];
  return {
    onTestRunFinished({ sessions }) {
      const perBrowser = {};
      const total = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const name = session.browser?.name ?? 'browser';
        const acc = (perBrowser[name] ??= { passed: 0, failed: 0, skipped: 0 });
        const counted = countSuite(session.testResults, { passed: 0, failed: 0, skipped: 0 });
        // A file that failed to load, threw outside a test or timed out counts as one failure.
        if (!session.passed && counted.failed === 0) counted.failed = 1;
        for (const k of Object.keys(total)) {
          acc[k] += counted[k];
          total[k] += counted[k];
        }
      }
      if (file) writeFileSync(file, JSON.stringify({ total, perBrowser }, null, 2));
      lines = Object.entries(perBrowser).map(
        ([name, c]) => `[${name}] ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`,
      );
    },
    stop() {
      // printed after the default reporter's own summary
      for (const line of lines) console.log(line);
    },
  };
}
