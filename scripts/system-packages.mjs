// The one list of Debian packages the tests need, and where each one's files are. `npm test`
// (scripts/preflight.mjs), `.ci/run` (`node scripts/preflight.mjs --all`), the browser launchers
// (web-test-runner.config.mjs, test/wtr/webkit.mjs) and the README all go by this file.
// Node built-ins only: `.ci/run` reads it before `npm ci`.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The engines of the browser suite, in the order BROWSERS lists them by default. */
export const BROWSERS = ['chromium', 'firefox', 'webkit'];

/** Debian's multiarch directory, where WebKitGTK keeps MiniBrowser. */
const MULTIARCH = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' }[process.arch] ?? `${process.arch}-linux-gnu`;

/**
 * Where the tests look for each program; the environment variables override a path (then
 * `root` does not apply). `root` prefixes the default paths (a test points it at a directory).
 */
export function systemPaths(env = process.env, root = '/') {
  const at = (p) => path.join(root, p);
  return {
    chromium: env.CHROMIUM_BIN ?? at('/usr/lib/chromium/chromium'),
    firefox: env.FIREFOX_BIN ?? at('/usr/bin/firefox-esr'),
    webkitDriver: env.WEBKIT_DRIVER ?? at('/usr/bin/WebKitWebDriver'),
    miniBrowser: env.WEBKIT_MINIBROWSER ?? at(`/usr/lib/${MULTIARCH}/webkit2gtk-4.1/MiniBrowser`),
    xvfb: env.XVFB ?? at('/usr/bin/Xvfb'),
    xauth: at('/usr/bin/xauth'),
    // Chromium's and Firefox's default sans-serif for zh-Hans on Debian
    cjkFont: at('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    postgresLib: at('/usr/lib/postgresql'),
  };
}

/**
 * The newest `/usr/lib/postgresql/<major>/bin` holding initdb and pg_ctl, or undefined. Full
 * paths on purpose: `/usr/local/bin/pg_ctl` on some machines is another program.
 */
export function postgresBin(paths = systemPaths()) {
  if (!existsSync(paths.postgresLib)) return undefined;
  const majors = readdirSync(paths.postgresLib)
    .filter((d) => /^\d+$/.test(d))
    .sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = path.join(paths.postgresLib, major, 'bin');
    if (existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

/**
 * Each package, the parts of `npm test` that need it (`node`: the node tests, which drive
 * Chromium in test/node/campaign-banner.timezone.test.ts; an engine name: the browser tests in
 * it; `postgres`: the second database pass) and the files whose presence says it is installed.
 * @type {{ apt: string, why: string, for: string[], files: (p: ReturnType<typeof systemPaths>) => string[] }[]}
 */
export const SYSTEM_PACKAGES = [
  { apt: 'chromium', why: 'Chromium', for: ['node', 'chromium'], files: (p) => [p.chromium] },
  { apt: 'firefox-esr', why: 'Firefox ESR', for: ['firefox'], files: (p) => [p.firefox] },
  { apt: 'webkit2gtk-driver', why: "WebKit's WebDriver and MiniBrowser", for: ['webkit'], files: (p) => [p.webkitDriver, p.miniBrowser] },
  { apt: 'xvfb', why: 'an X display for WebKit', for: ['webkit'], files: (p) => [p.xvfb] },
  { apt: 'xauth', why: 'X authority for Xvfb', for: ['webkit'], files: (p) => [p.xauth] },
  // without it every Chinese character renders as a box and text measurements change
  { apt: 'fonts-noto-cjk', why: 'Chinese text in the browsers', for: ['node', ...BROWSERS], files: (p) => [p.cjkFont] },
  {
    apt: 'postgresql',
    why: 'the PostgreSQL pass',
    for: ['postgres'],
    files: (p) => [postgresBin(p) ?? path.join(p.postgresLib, '<major>/bin/initdb')],
  },
];

/** BROWSERS=chromium,firefox,webkit (any subset; unset means all three). Throws on a typo. */
export function selectedBrowsers(value = process.env.BROWSERS) {
  const selected = (value ?? BROWSERS.join(','))
    .split(',')
    .map((b) => b.trim().toLowerCase())
    .filter(Boolean);
  const unknown = selected.filter((b) => !BROWSERS.includes(b));
  if (unknown.length || selected.length === 0) {
    throw new Error(`BROWSERS must be a comma list of ${BROWSERS.join(', ')}; got "${value}"`);
  }
  return selected;
}
