// npm run screenshots: regenerates docs/images/*.png from real Chromium (Debian's, via
// playwright-core) against a throwaway reference server with the seeded sample data, so the
// pictures in the README and the docs always show what the current build renders.
//
//   node scripts/screenshots.mjs            (needs `npm run build` first; CHROMIUM_BIN overrides the browser)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/images');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';

/** Whole pages, at a desktop width unless they are about a phone. */
const PAGES = [
  { file: 'county-portal.png', path: '/demo/county-portal.html', width: 1000, height: 760 },
  { file: 'media-story.png', path: '/demo/media-story.html', width: 420, height: 900 },
  { file: 'relative-search.png', path: '/demo/relative-search.html', width: 1000, height: 800 },
  { file: 'cdn-only.png', path: '/demo/cdn-only.html', width: 1000, height: 900 },
  { file: 'react-app.png', path: '/dist/demo/react/index.html', width: 1000, height: 900, optional: true },
  { file: 'vue-app.png', path: '/dist/demo/vue/index.html', width: 1000, height: 900, optional: true },
];
/** One telling example of each element, cut out of the gallery (articles are `#<tag>--<example>`). */
const ELEMENTS = {
  'memorial-campaign-banner': 'active-card',
  'memorial-martyr-card': 'with-tribute-buttons',
  'memorial-tribute-button': 'offered-today',
  'memorial-message-wall': 'loaded',
  'memorial-relative-search': 'results',
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

async function startServer() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'memorial-shots-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MEMORIAL_DATA_DIR: dataDir, MEMORIAL_RATE_LIMIT: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${seen}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = /Open (http:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${seen}`)));
  });
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until no element on the page is still in its loading state. */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => globalThis.document.fonts.ready); // runs in the page
  await page.waitForTimeout(300); // let the last render and the count animations finish
}

if (!existsSync(path.join(root, 'dist/cdn/memorial-elements.min.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
let failed = 0;
try {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
  for (const shot of PAGES) {
    if (shot.optional && !existsSync(path.join(root, shot.path.replace(/^\//, '').replace(/index\.html$/, 'index.html')))) {
      console.log(`skip ${shot.file}: ${shot.path} is not built`);
      continue;
    }
    const page = await context.newPage();
    await page.setViewportSize({ width: shot.width, height: shot.height });
    const response = await page.goto(server.url + shot.path);
    if (!response?.ok()) {
      console.error(`${shot.path}: HTTP ${response?.status()}`);
      failed++;
      continue;
    }
    await settle(page);
    await page.screenshot({ path: path.join(out, shot.file) });
    console.log(`docs/images/${shot.file}`);
    await page.close();
  }
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`${server.url}/demo/gallery.html`);
  await settle(page);
  for (const [tag, example] of Object.entries(ELEMENTS)) {
    const stage = page.locator(`article[id="${tag}--${example}"] .stage`);
    if ((await stage.count()) === 0) {
      console.error(`the gallery has no example ${example} of ${tag}`);
      failed++;
      continue;
    }
    await stage.scrollIntoViewIfNeeded();
    await stage.screenshot({ path: path.join(out, `${tag}.png`) });
    console.log(`docs/images/${tag}.png (${example})`);
  }
} finally {
  await browser.close();
  server.stop();
}
process.exit(failed ? 1 : 0);
