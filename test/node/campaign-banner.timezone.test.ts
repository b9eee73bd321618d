/**
 * <memorial-campaign-banner> in a real browser running in other time zones, and with JavaScript
 * switched off. Playwright (playwright-core) drives the system Chromium with a context
 * `timezoneId` and a fixed clock; pages are served from this repository (the BUILT banner CDN
 * file: `npm run build` first) under a realistic county origin, and `/api/` goes to the real
 * reference server with its clock set to the same instant.
 *
 * Campaign days are Asia/Shanghai days whatever the reader's zone: a reader in Los Angeles or
 * on Kiritimati (UTC+14, already the next day) one minute before Shanghai midnight on the last
 * day still sees the campaign, and one minute after no longer does.
 *
 * Firefox ESR and WebKitGTK here are the distributions' builds, which Playwright cannot drive;
 * the browser suite covers them (and can run in another zone as a whole: TZ=Pacific/Kiritimati
 * npm run test:browser).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
const BUNDLE = path.join(root, 'dist/cdn/memorial-campaign-banner.min.js');
const ORIGIN = 'https://www.shili.example.gov.cn';
const NATIONAL = 'https://www.chinamartyrs.gov.cn/';

/** A test page: the banner's CDN file, the API on this origin, and the banners asked for. */
function testPage(banners: string): string {
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">
<meta name="memorial-api-base" content="/"><script type="module" src="/dist/cdn/memorial-campaign-banner.min.js"></script></head>
<body>${banners}</body></html>`;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

let server: TestServer;
let browser: Browser;
let extraPage = '';

before(async () => {
  assert.ok(existsSync(BUNDLE), `${path.relative(root, BUNDLE)} is missing: run \`npm run build\` first`);
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (set CHROMIUM_BIN)`);
  server = await startTestServer({ seed: false });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A context in `timezoneId` whose clock (and the server's) reads `at`. */
async function open(timezoneId: string, at: Date | undefined, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  server.setNow(at);
  const context = await browser.newContext({ timezoneId, locale: 'zh-CN', viewport: { width: 1024, height: 900 }, ...options });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/')) {
      const request = route.request();
      const response = await fetch(server.baseUrl + url.pathname + url.search, {
        method: request.method(),
        headers: request.headers(),
        body: request.postDataBuffer() ? new Uint8Array(request.postDataBuffer() as Buffer) : undefined,
      });
      return route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
    }
    if (url.pathname === '/test.html') return route.fulfill({ contentType: TYPES['.html'], body: extraPage });
    const file = path.join(root, path.normalize(url.pathname));
    if (!file.startsWith(root) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  // the national platform itself is not contacted from tests
  await context.route(`${NATIONAL}**`, (route) => route.fulfill({ contentType: TYPES['.html'], body: '<!doctype html><title>中华英烈网</title>' }));
  const page = await context.newPage();
  if (at && options.javaScriptEnabled !== false) await page.clock.setFixedTime(at);
  return { context, page };
}

interface Seen {
  zone: string;
  localDate: string;
  banners: { campaign: string | null; phase: string | null; loadState: string; display: string; title: string; countdown: string; link: string }[];
}

/**
 * Runs in the page, as plain source: tsx would wrap named functions of a compiled callback in a
 * helper (`__name`) that does not exist there.
 */
const LOOK = `(async () => {
  const all = [...document.querySelectorAll('memorial-campaign-banner')];
  for (const b of all) await b.updateComplete;
  const text = (b, part) => (b.shadowRoot?.querySelector('[part~="' + part + '"]')?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const now = new Date();
  return {
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    localDate: now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0') + '-' + String(now.getDate()).padStart(2, '0'),
    banners: all.map((b) => ({
      campaign: b.getAttribute('campaign'),
      phase: b.getAttribute('phase'),
      loadState: b.loadState,
      display: getComputedStyle(b).display,
      title: text(b, 'title'),
      countdown: text(b, 'countdown'),
      link: text(b, 'link'),
    })),
  };
})()`;

/** What the page shows once every banner has settled. */
async function look(page: Page): Promise<Seen> {
  await page.waitForFunction(`(() => {
    const all = [...document.querySelectorAll('memorial-campaign-banner')];
    return all.length > 0 && all.every((b) => b.loadState !== undefined && b.loadState !== 'loading');
  })()`);
  return (await page.evaluate(LOOK)) as Seen;
}

const ZONES = [
  // qingming-2026 runs 10 February – 11 April (the Qingming rule: 清明 on 5 April, −54/+6 days).
  // UTC−7 in April: Shanghai's last minute of 11 April is the morning of 11 April here
  { zone: 'America/Los_Angeles', lastMinuteLocalDate: '2026-04-11', firstMinuteLocalDate: '2026-02-09' },
  // UTC+14: Shanghai's last minute of 11 April is already 12 April here
  { zone: 'Pacific/Kiritimati', lastMinuteLocalDate: '2026-04-12', firstMinuteLocalDate: '2026-02-10' },
];

describe('campaign banner: days are Asia/Shanghai days in every time zone', () => {
  for (const { zone, lastMinuteLocalDate, firstMinuteLocalDate } of ZONES) {
    it(`${zone}: one minute before Shanghai midnight on the last day, the county portal still shows qingming-2026`, async () => {
      const { context, page } = await open(zone, new Date('2026-04-11T23:59:00+08:00'));
      try {
        await page.goto(`${ORIGIN}/demo/county-portal.html`);
        const seen = await look(page);
        assert.equal(seen.zone, zone);
        assert.equal(seen.localDate, lastMinuteLocalDate, 'the reader’s own calendar day');
        assert.equal(seen.banners.length, 3);
        for (const b of seen.banners) {
          assert.equal(b.loadState, 'loaded', JSON.stringify(b));
          assert.equal(b.phase, 'active', JSON.stringify(b));
          assert.equal(b.display, 'block');
          assert.equal(b.title, '2026清明祭英烈');
          assert.match(b.link, /前往网上祭扫/);
        }
      } finally {
        await context.close();
      }
    });

    it(`${zone}: one minute after, qingming-2026 is over (hidden, or a plain link)`, async () => {
      extraPage = testPage(`<memorial-campaign-banner campaign="qingming-2026"></memorial-campaign-banner>
        <memorial-campaign-banner campaign="qingming-2026" after="link"></memorial-campaign-banner>`);
      const { context, page } = await open(zone, new Date('2026-04-12T00:00:00+08:00'));
      try {
        await page.goto(`${ORIGIN}/test.html`);
        const seen = await look(page);
        assert.equal(seen.zone, zone);
        const [hidden, link] = seen.banners;
        assert.equal(hidden?.phase, 'ended');
        assert.equal(hidden?.loadState, 'empty');
        assert.equal(hidden?.display, 'none');
        assert.equal(link?.phase, 'ended');
        assert.match(link?.link ?? '', /2026清明祭英烈（已结束）/);
      } finally {
        await context.close();
      }
    });

    it(`${zone}: the first Shanghai day starts the campaign, whatever the local date; the day before counts 1 day`, async () => {
      extraPage = testPage(`<memorial-campaign-banner campaign="qingming-2026"></memorial-campaign-banner>`);
      let { context, page } = await open(zone, new Date('2026-02-10T00:00:30+08:00'));
      try {
        await page.goto(`${ORIGIN}/test.html`);
        const seen = await look(page);
        assert.equal(seen.localDate, firstMinuteLocalDate);
        assert.equal(seen.banners[0]?.phase, 'active');
      } finally {
        await context.close();
      }
      ({ context, page } = await open(zone, new Date('2026-02-09T23:59:00+08:00')));
      try {
        await page.goto(`${ORIGIN}/test.html`);
        const seen = await look(page);
        assert.equal(seen.banners[0]?.phase, 'upcoming');
        assert.equal(seen.banners[0]?.countdown, '还有 1 天开始');
      } finally {
        await context.close();
      }
    });
  }
});

describe('campaign banner with JavaScript disabled', () => {
  it('the county portal shows each banner’s fallback link, and following it opens the national platform', async () => {
    const { context, page } = await open('Asia/Shanghai', undefined, { javaScriptEnabled: false });
    try {
      await page.goto(`${ORIGIN}/demo/county-portal.html`);
      const links = page.locator('memorial-campaign-banner > a');
      assert.equal(await links.count(), 3);
      for (let i = 0; i < 3; i++) {
        const link = links.nth(i);
        assert.equal(await link.isVisible(), true);
        assert.equal(await link.getAttribute('href'), NATIONAL);
      }
      assert.equal(await page.evaluate(`document.querySelector('memorial-campaign-banner').shadowRoot`), null, 'never upgraded');
      const [popup] = await Promise.all([context.waitForEvent('page'), links.first().click()]);
      await popup.waitForLoadState();
      assert.equal(popup.url(), NATIONAL);
    } finally {
      await context.close();
      server.setNow(undefined);
    }
  });
});
