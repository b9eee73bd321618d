// Browser tests: test/browser/**/*.test.ts in Chromium, Firefox ESR and WebKit (system browsers
// from Debian's packages, listed in scripts/system-packages.mjs; nothing is downloaded). See /shared/TOOLCHAIN.md.
//
//   BROWSERS=chromium,firefox,webkit   (comma list, default: all three)
//
// Run under tsx so the API test server (TypeScript) can be started in-process:
//   node --import tsx ./node_modules/@web/test-runner/dist/bin.js   (npm run test:browser)
//
// The dev server's root is the repository, so tests can import the BUILT files under /dist/
// (run `npm run build` first) and reach the real API at location.origin + '/api/v1/…'.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { selectedBrowsers, systemPaths } from './scripts/system-packages.mjs';
import { apiServer, BETWEEN_API_PREFIX, BETWEEN_CAMPAIGNS_CLOCK } from './test/wtr/api-server.mjs';
import { hostilePages } from './test/wtr/hostile-pages.mjs';
import { summaryReporter } from './test/wtr/summary-reporter.mjs';
import { killWebkitProcesses, webkitLauncher } from './test/wtr/webkit.mjs';

// where the system packages put them (CHROMIUM_BIN, FIREFOX_BIN override); npm test checked them
const { chromium: CHROMIUM, firefox: FIREFOX } = systemPaths();
const selected = selectedBrowsers(process.env.BROWSERS);

const launchers = {
  chromium: () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
    return playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: CHROMIUM,
        headless: true,
        // root (CI) cannot use the sandbox; /dev/shm is small in containers
        args: ['--no-sandbox', '--disable-dev-shm-usage'],
      },
    });
  },
  firefox: () => {
    if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install firefox-esr`);
    return puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true },
    });
  },
  webkit: () => webkitLauncher(),
};

const api = apiServer();
// the campaign banner between campaigns (campaigns/current answers 404 at this clock)
const betweenApi = apiServer({ prefix: `${BETWEEN_API_PREFIX}/api/`, strip: BETWEEN_API_PREFIX, seed: false, clock: BETWEEN_CAMPAIGNS_CLOCK });
const hostile = hostilePages();

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  browsers: selected.map((b) => launchers[b]()),
  concurrentBrowsers: 3,
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [api.middleware, betweenApi.middleware, hostile.middleware],
  staticLogging: !process.stdout.isTTY || Boolean(process.env.CI),
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    api.plugin,
    betweenApi.plugin,
    hostile.plugin,
    {
      name: 'teardown-webkit',
      // safety net: the WebKit launcher kills its Xvfb/WebKitWebDriver groups on stop()
      serverStop() {
        killWebkitProcesses();
      },
    },
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
