import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Campaign, CampaignList } from '../../src/contract/index.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

describe('campaigns', () => {
  it('lists the calendar from 2019 to next year: Qingming every year and 9·30 烈士纪念日', async () => {
    const res = await call(server, 'GET', '/campaigns');
    const { items } = CampaignList.parse(res.body);
    const ids = new Set(items.map((c) => c.id));
    for (let y = 2019; y <= 2027; y++) assert.ok(ids.has(`qingming-${y}`), `qingming-${y}`);
    assert.ok(items.some((c) => c.kind === 'martyrs-day' && c.startDate.endsWith('-09-30')));
    const c2020 = Campaign.parse((await call(server, 'GET', '/campaigns/qingming-2020')).body);
    assert.equal(c2020.title, '致敬·2020清明祭英烈');
    assert.equal(c2020.startDate, '2020-02-10');
    assert.equal(c2020.endDate, '2020-04-10');
  });

  it('decides activity by the Asia/Shanghai calendar day', async () => {
    const at = async (iso: string) => (await call(server, 'GET', `/campaigns?activeAt=${encodeURIComponent(iso)}`)).body.items.map((c: Campaign) => c.id);
    assert.ok((await at('2020-04-10T15:59:00Z')).includes('qingming-2020'), '23:59 on the last day in Shanghai');
    assert.ok(!(await at('2020-04-10T16:00:00Z')).includes('qingming-2020'), '00:00 the day after in Shanghai');
    assert.ok((await at('2020-02-09T16:00:00Z')).includes('qingming-2020'), '00:00 on the first day in Shanghai');
    assert.ok((await at('2020-02-10T07:59:00-08:00')).includes('qingming-2020'), 'offsets are honoured');
  });

  it('`current` is the active campaign, else 404; `next` is the next to start', async () => {
    server.setNow(new Date('2020-03-01T04:00:00Z'));
    assert.equal((await call(server, 'GET', '/campaigns/current')).body.id, 'qingming-2020');
    assert.equal((await call(server, 'GET', '/campaigns/next')).body.id, 'victory-day-2020');
    server.setNow(new Date('2020-05-01T04:00:00Z'));
    const none = await call(server, 'GET', '/campaigns/current');
    assert.equal(none.status, 404);
    assert.equal(none.body.code, 'not_found');
    assert.equal((await call(server, 'GET', '/campaigns/next')).body.id, 'victory-day-2020');
    // the seeded rows ran out in 2026; the rules do not
    server.setNow(new Date('2099-12-13T10:00:00+08:00'));
    assert.equal((await call(server, 'GET', '/campaigns/current')).body.id, 'memorial-day-2099');
    assert.equal((await call(server, 'GET', '/campaigns/next')).body.id, 'qingming-2100');
    server.setNow(undefined);
    const active = (await call(server, 'GET', '/campaigns?activeAt=now')).status;
    assert.equal(active, 200);
  });

  it('records impressions and clicks per host origin and day, from JSON or sendBeacon text', async () => {
    server.setNow(new Date('2026-04-01T02:00:00Z')); // inside qingming-2026: only active campaigns count
    const event = { type: 'impression', origin: 'https://www.example.gov.cn', path: '/col/index.html' };
    const origin = { origin: event.origin }; // as the host page's browser sends it
    const a = await call(server, 'POST', '/campaigns/qingming-2026/events', { json: event, headers: origin });
    assert.equal(a.status, 202);
    assert.equal(a.body.recorded, true);
    const b = await call(server, 'POST', '/campaigns/qingming-2026/events', { body: JSON.stringify({ ...event, type: 'click' }), headers: { 'content-type': 'text/plain;charset=UTF-8', ...origin } });
    assert.equal(b.status, 202);
    server.setNow(undefined);
    const { rows } = await server.db.query<{ impressions: number; clicks: number }>("SELECT impressions, clicks FROM campaign_embeds WHERE campaign_id = 'qingming-2026' AND origin = 'https://www.example.gov.cn'");
    assert.deepEqual(rows.map((r) => [Number(r.impressions), Number(r.clicks)]), [[1, 1]]);
  });

  it('refuses events that would carry personal data or point nowhere', async () => {
    const withQuery = await call(server, 'POST', '/campaigns/qingming-2026/events', { json: { type: 'click', origin: 'https://a.gov.cn', path: '/p?name=张三' } });
    assert.equal(withQuery.status, 400);
    const badOrigin = await call(server, 'POST', '/campaigns/qingming-2026/events', { json: { type: 'click', origin: 'javascript:alert(1)', path: '/' } });
    assert.equal(badOrigin.status, 400);
    assert.equal(badOrigin.body.issues[0].path, 'origin');
    const unknown = await call(server, 'POST', '/campaigns/no-such/events', { json: { type: 'click', origin: 'https://a.gov.cn', path: '/' } });
    assert.equal(unknown.status, 404);
  });
});
