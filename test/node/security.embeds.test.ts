/**
 * Issue 17, item 3: the "which sites carry the link" report cannot be forged from curl, and
 * link verification fetches registered host pages within bounds.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { checkHostPage, isPrivateAddress } from '../../server/campaigns/link-check.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: Record<string, string>;
before(async () => {
  server = await startTestServer({ rateLimit: { burst: 1e6, perSecond: 1e6 }, trustProxy: 1, embedNewHostsPerDay: 3, linkCheck: { allowPrivate: true, timeoutMs: 2000, maxBytes: 64 * 1024 } });
  admin = { authorization: `Bearer ${server.adminToken}` };
  server.setNow(new Date('2026-04-01T02:00:00Z')); // inside qingming-2026, after qingming-2025
});
after(() => server.close());

const send = (campaign: string, origin: string, opts: { header?: string | null; address?: string; type?: string; textPlain?: boolean } = {}) => {
  const headers: Record<string, string> = { 'x-forwarded-for': opts.address ?? '203.0.113.10' };
  if (opts.header !== null) headers.origin = opts.header ?? origin;
  const body = JSON.stringify({ type: opts.type ?? 'impression', origin, path: '/' });
  if (opts.textPlain) headers['content-type'] = 'text/plain';
  return call(server, 'POST', `/campaigns/${campaign}/events`, { body, headers: { 'content-type': 'application/json', ...headers } });
};
const count = async (campaign: string, origin: string) =>
  Number((await server.db.query<{ n: number }>('SELECT CAST(COALESCE(sum(impressions), 0) AS int) AS n FROM campaign_embeds WHERE campaign_id = $1 AND origin = $2', [campaign, origin])).rows[0]!.n);

describe('security: embed events', () => {
  it('counts only when the request Origin is the host claimed', async () => {
    assert.equal((await send('qingming-2026', 'https://forged.gov.cn', { header: null })).body.recorded, false, 'no Origin (curl)');
    assert.equal((await send('qingming-2026', 'https://forged.gov.cn', { header: 'https://evil.example' })).body.recorded, false, 'another page');
    assert.equal(await count('qingming-2026', 'https://forged.gov.cn'), 0);
    assert.equal((await send('qingming-2026', 'https://real.gov.cn')).body.recorded, true);
  });

  it('counts only for a campaign in its window', async () => {
    assert.equal((await send('qingming-2025', 'https://real.gov.cn')).body.recorded, false, 'ended');
    assert.equal((await send('qingming-2026', 'https://real.gov.cn', { address: '203.0.113.11' })).body.recorded, true);
    server.setNow(new Date('2026-01-01T02:00:00Z'));
    assert.equal((await send('qingming-2026', 'https://real.gov.cn', { address: '203.0.113.12' })).body.recorded, false, 'not started');
    server.setNow(new Date('2026-04-01T02:00:00Z'));
  });

  it('counts a visitor once per host, kind and day, even as sendBeacon text/plain', async () => {
    const before = await count('qingming-2026', 'https://once.gov.cn');
    for (let i = 0; i < 5; i++) await send('qingming-2026', 'https://once.gov.cn', { address: '203.0.113.20', textPlain: i % 2 === 0 });
    assert.equal(await count('qingming-2026', 'https://once.gov.cn'), before + 1);
    await send('qingming-2026', 'https://once.gov.cn', { address: '203.0.113.21' });
    assert.equal(await count('qingming-2026', 'https://once.gov.cn'), before + 2, 'another visitor counts');
  });

  it('caps the new hosts one address may bring in a day, and pages the report', async () => {
    const results = [];
    for (let i = 0; i < 8; i++) results.push((await send('qingming-2026', `https://fake-${i}.example.cn`, { address: '203.0.113.99' })).body.recorded);
    assert.deepEqual(results, [true, true, true, false, false, false, false, false]);
    const seen = new Set<string>();
    let cursor = null as string | null;
    let pages = 0;
    do {
      const res = await call<{ items: { origin: string }[]; nextCursor: string | null }>(server, 'GET', `/campaigns/qingming-2026/embeds?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { headers: admin });
      assert.equal(res.status, 200);
      assert.ok(res.body.items.length <= 2);
      for (const s of res.body.items) {
        assert.ok(!seen.has(s.origin), 'no repeats across pages');
        seen.add(s.origin);
      }
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    assert.ok(pages >= 3);
    assert.ok(seen.has('https://fake-2.example.cn') && !seen.has('https://fake-3.example.cn'));
  });
});

describe('security: link verification', () => {
  let page: Server;
  let base: string;
  let html = '';
  before(async () => {
    page = createServer((req, res) => {
      if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
      if (req.url === '/away') return void res.writeHead(302, { location: 'http://192.0.2.1/' }).end();
      if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html>' + 'x'.repeat(200 * 1024));
        return void res.end('<memorial-campaign-banner></memorial-campaign-banner>');
      }
      if (req.url === '/slow') return; // never answers
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  });
  after(() => {
    page.closeAllConnections();
    page.close();
  });

  it('records whether the national-platform link and the banner are on a registered page, with the date', async () => {
    html = '<p>清明祭英烈</p><memorial-campaign-banner campaign="current"><a href="https://www.chinamartyrs.gov.cn/">中华英烈网</a></memorial-campaign-banner>';
    const reg = await call(server, 'POST', '/admin/embed-hosts', { json: { pageUrl: `${base}/zt/` }, headers: admin });
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    assert.equal(reg.body.origin, base);
    const checked = await call(server, 'POST', '/admin/embed-hosts/check', { json: { origin: base }, headers: admin });
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    assert.deepEqual([checked.body.linkFound, checked.body.bannerFound, checked.body.httpStatus, checked.body.checkError], [true, true, 200, null]);
    assert.ok(Math.abs(Date.parse(checked.body.checkedAt) - Date.now()) < 60_000);

    html = '<a href="https://www.chinamartyrs.gov.cn.evil.example/">lookalike</a>';
    const again = await call(server, 'POST', '/admin/embed-hosts/check', { json: { origin: base }, headers: admin });
    assert.deepEqual([again.body.linkFound, again.body.bannerFound], [false, false]);
    const list = await call(server, 'GET', '/admin/embed-hosts', { headers: admin });
    assert.equal(list.body.items.find((h: { origin: string }) => h.origin === base).linkFound, false);
  });

  it('fetches only registered hosts', async () => {
    const res = await call(server, 'POST', '/admin/embed-hosts/check', { json: { origin: 'http://127.0.0.1:1' }, headers: admin });
    assert.equal(res.status, 404);
  });

  it('bounds redirects, hosts, size and time', async () => {
    const limits = { allowPrivate: true, timeoutMs: 500, maxBytes: 64 * 1024 };
    assert.equal((await checkHostPage(`${base}/loop`, limits)).error, 'too_many_redirects');
    assert.equal((await checkHostPage(`${base}/away`, limits)).error, 'redirect_off_host');
    const huge = await checkHostPage(`${base}/huge`, limits);
    assert.deepEqual([huge.error, huge.bannerFound], [null, false], 'read stops at maxBytes: the banner after it is never seen');
    assert.equal((await checkHostPage(`${base}/slow`, limits)).error, 'timeout');
  });

  it('refuses private addresses and plain http without the test setting', async () => {
    const limits = { allowPrivate: false, timeoutMs: 500 };
    assert.equal((await checkHostPage(`${base}/`, limits)).error, 'not_https');
    assert.equal((await checkHostPage('https://127.0.0.1/', limits)).error, 'private_address');
    assert.equal((await checkHostPage('https://[::1]/', limits)).error, 'private_address');
    for (const a of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '::ffff:127.0.0.1', 'fd00::1', 'fe80::1', '0.0.0.0']) {
      assert.ok(isPrivateAddress(a), a);
    }
    assert.ok(!isPrivateAddress('202.108.22.5'));
  });
});
