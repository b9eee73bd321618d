import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuditPage, EmbedReport, ModeratedMessagePage } from '../../src/contract/index.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: Record<string, string>;
before(async () => {
  server = await startTestServer();
  admin = { authorization: `Bearer ${server.adminToken}`, 'x-admin-actor': encodeURIComponent('王审核') };
});
after(() => server.close());

describe('admin authentication', () => {
  it('refuses admin endpoints without the right bearer token', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: server.adminToken }] as Record<string, string>[]) {
      const res = await call(server, 'GET', '/admin/messages', { headers });
      assert.equal(res.status, 401);
      assert.equal(res.body.code, 'unauthorized');
      assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    }
    assert.equal((await call(server, 'GET', '/campaigns/qingming-2026/embeds')).status, 401);
  });
});

describe('moderation', () => {
  it('queues new messages, flags sensitive words with the reason, approves, rejects, deletes, and audits who did it', async () => {
    const clean = (await call(server, 'POST', '/martyrs/sample-0030/messages', { json: { text: '永远怀念' } })).body.id;
    const spam = (await call(server, 'POST', '/martyrs/sample-0030/messages', { json: { text: '优惠请加 微\u200b信 abc' } })).body.id;
    const queue = ModeratedMessagePage.parse((await call(server, 'GET', '/admin/messages', { headers: admin })).body);
    const byId = new Map(queue.items.map((m) => [m.id, m]));
    assert.equal(byId.get(clean)?.status, 'pending');
    assert.equal(byId.get(clean)?.reason, null);
    assert.equal(byId.get(spam)?.reason, 'sensitive word: 加微信', 'spacing and zero-width characters do not hide a word');

    const approved = await call(server, 'POST', `/admin/messages/${clean}/approve`, { json: {}, headers: admin });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'approved');
    const noReason = await call(server, 'POST', `/admin/messages/${spam}/reject`, { json: {}, headers: admin });
    assert.equal(noReason.status, 400);
    const rejected = await call(server, 'POST', `/admin/messages/${spam}/reject`, { json: { reason: '广告' }, headers: admin });
    assert.equal(rejected.body.status, 'rejected');

    const wall = (await call(server, 'GET', '/martyrs/sample-0030/messages')).body.items.map((m: { id: string }) => m.id);
    assert.deepEqual(wall, [clean]);

    const del = await call(server, 'DELETE', `/admin/messages/${clean}`, { headers: admin });
    assert.equal(del.status, 200);
    assert.equal((await call(server, 'GET', '/martyrs/sample-0030/messages')).body.items.length, 0);
    assert.equal((await call(server, 'DELETE', `/admin/messages/${clean}`, { headers: admin })).status, 404);

    const log = AuditPage.parse((await call(server, 'GET', '/admin/audit', { headers: admin })).body);
    assert.deepEqual(log.items.slice(0, 3).map((e) => [e.action, e.subject, e.actor]), [
      ['message.delete', clean, 'admin'],
      ['message.reject', spam, 'admin'],
      ['message.approve', clean, 'admin'],
    ]);
  });

  it('lists by status and pages the queue', async () => {
    for (let i = 0; i < 5; i++) await call(server, 'POST', '/martyrs/sample-0031/messages', { json: { text: `寄语${i}` } });
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = (await call(server, 'GET', `/admin/messages?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { headers: admin })).body;
      seen.push(...page.items.map((m: { id: string }) => m.id));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length);
    assert.ok(seen.length >= 5);
    const rejected = (await call(server, 'GET', '/admin/messages?status=rejected', { headers: admin })).body.items;
    assert.ok(rejected.every((m: { status: string }) => m.status === 'rejected'));
  });
});

describe('campaign calendar and embed report', () => {
  // a county's own one-off campaign (qingming-2027 itself is the Qingming rule's, changed by its override)
  const campaign = {
    id: 'county-qingming-2027',
    kind: 'qingming',
    title: '2027清明祭英烈',
    theme: null,
    startDate: '2027-03-15',
    endDate: '2027-04-15',
    url: 'https://www.chinamartyrs.gov.cn/',
    partnerLinks: [],
  };

  it('creates and updates campaigns, validating the window and the link', async () => {
    const created = await call(server, 'POST', '/admin/campaigns', { json: campaign, headers: admin });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await call(server, 'POST', '/admin/campaigns', { json: campaign, headers: admin })).status, 409);
    const backwards = await call(server, 'PUT', '/admin/campaigns/county-qingming-2027', { json: { ...campaign, endDate: '2027-03-01' }, headers: admin });
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.issues[0].path, 'endDate');
    const unsafe = await call(server, 'PUT', '/admin/campaigns/county-qingming-2027', { json: { ...campaign, url: 'javascript:alert(1)' }, headers: admin });
    assert.equal(unsafe.status, 400);
    assert.equal(unsafe.body.issues[0].path, 'url');
    const updated = await call(server, 'PUT', '/admin/campaigns/county-qingming-2027', { json: { ...campaign, theme: '弘扬', title: '弘扬·2027清明祭英烈' }, headers: admin });
    assert.equal(updated.status, 200);
    assert.equal((await call(server, 'GET', '/campaigns/county-qingming-2027')).body.title, '弘扬·2027清明祭英烈');
  });

  it('reports each host site with first and last seen, impressions and clicks', async () => {
    server.setNow(new Date('2025-04-01T02:00:00Z')); // inside qingming-2025
    const send = (origin: string, type: string) => call(server, 'POST', '/campaigns/qingming-2025/events', { json: { type, origin, path: '/index.html' }, headers: { origin } });
    await send('https://www.a-county.gov.cn', 'impression');
    await send('https://www.a-county.gov.cn', 'impression'); // the same visitor the same day: counted once
    await send('https://www.a-county.gov.cn', 'click');
    await send('https://news.example.cn', 'impression');
    server.setNow(undefined);
    const res = await call(server, 'GET', '/campaigns/qingming-2025/embeds', { headers: admin });
    assert.equal(res.status, 200);
    const report = EmbedReport.parse(res.body);
    assert.deepEqual(report.items.map((s) => [s.origin, s.impressions, s.clicks, s.days]), [
      ['https://news.example.cn', 1, 0, 1],
      ['https://www.a-county.gov.cn', 1, 1, 1],
    ]);
    assert.ok(report.items[0]!.firstSeen <= report.items[0]!.lastSeen);
  });
});

describe('rate limiting', () => {
  it('answers a flood of writes with 429 and Retry-After, and leaves reads alone', async () => {
    const limited = await startTestServer({ seed: false, rateLimit: { burst: 5, perSecond: 0.5 } });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 8; i++) {
        const r = await call(limited, 'POST', '/campaigns/qingming-2026/events', { json: { type: 'impression', origin: 'https://x.gov.cn', path: '/' } });
        statuses.push(r.status);
        if (r.status === 429) {
          retryAfter = r.headers.get('retry-after');
          assert.equal(r.body.code, 'rate_limited');
        }
      }
      assert.deepEqual(statuses.slice(0, 5), [202, 202, 202, 202, 202]);
      assert.ok(statuses.slice(5).every((s) => s === 429));
      assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 2, `Retry-After ${retryAfter}`);
      assert.equal((await call(limited, 'GET', '/campaigns')).status, 200);
    } finally {
      await limited.close();
    }
  });
});
