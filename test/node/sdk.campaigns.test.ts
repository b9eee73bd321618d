import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { createMemorialClient, MemorialHttpError, type MemorialClient } from '../../src/sdk/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let client: MemorialClient;
before(async () => {
  server = await startTestServer();
  client = createMemorialClient({ baseUrl: server.baseUrl });
});
afterEach(() => server.setNow(undefined));
after(() => server.close());

describe('campaigns', () => {
  it('gets a campaign by slug, with its own window and link', async () => {
    const c = await client.campaigns.get('qingming-2020');
    assert.equal(c.id, 'qingming-2020');
    assert.equal(c.kind, 'qingming');
    assert.equal(c.startDate, '2020-02-10');
    assert.equal(c.endDate, '2020-04-10');
    assert.match(c.url, /^https?:\/\//);
    assert.ok(c.title.includes('2020'), c.title);
  });

  it('rejects an unknown slug with 404', async () => {
    await assert.rejects(client.campaigns.get('qingming-1900'), (e) => e instanceof MemorialHttpError && e.status === 404 && e.code === 'not_found');
  });

  it('lists every seeded campaign', async () => {
    const all = await client.campaigns.list();
    const ids = all.map((c) => c.id);
    for (let y = 2019; y <= 2026; y++) assert.ok(ids.includes(`qingming-${y}`), `qingming-${y} in ${ids.join(', ')}`);
    assert.ok(ids.some((id) => id.startsWith('martyrs-day-')));
  });

  it('lists the campaigns active at an instant, judged in Asia/Shanghai', async () => {
    // 2020-04-10 23:30 in Shanghai is still the last day of the 2020 campaign, though UTC says the 10th too.
    const lastEvening = await client.campaigns.listActive(new Date('2020-04-10T15:30:00Z'));
    assert.deepEqual(lastEvening.map((c) => c.id), ['qingming-2020']);
    // 2020-04-11 00:30 in Shanghai is the day after, while UTC still says the 10th.
    const dayAfter = await client.campaigns.listActive(new Date('2020-04-10T16:30:00Z'));
    assert.deepEqual(dayAfter, []);
  });

  it("lists active campaigns by the server's clock with 'now', and 'current' follows it", async () => {
    // 烈士纪念日 is a fixed day, 9月30日: 10:00 in Shanghai.
    server.setNow(new Date('2024-09-30T02:00:00Z'));
    const active = await client.campaigns.listActive();
    assert.deepEqual(active.map((c) => c.id), ['martyrs-day-2024']);
    assert.deepEqual((await client.campaigns.listActive('now')).map((c) => c.id), ['martyrs-day-2024']);
    assert.equal((await client.campaigns.get('current')).id, 'martyrs-day-2024');
    server.setNow(new Date('2024-10-01T02:00:00Z'));
    assert.deepEqual(await client.campaigns.listActive(), []);
  });

  it('records an impression and a click', async () => {
    const origin = 'https://www.example-county.gov.cn';
    server.setNow(new Date('2026-04-01T02:00:00Z')); // only campaigns in their window count
    // A browser on the host page sends its Origin; Node's fetch sends none unless told.
    const onHost = createMemorialClient({ baseUrl: server.baseUrl, fetch: (input, init) => {
      const req = new Request(input, init);
      req.headers.set('origin', origin);
      return fetch(req);
    } });
    await onHost.campaigns.record('qingming-2026', { type: 'impression', origin, path: '/zwgk/tyjrswj/' });
    await onHost.campaigns.record('qingming-2026', { type: 'click', origin, path: '/zwgk/tyjrswj/' });
    const { rows } = await server.db.query<{ impressions: number; clicks: number }>(
      'SELECT impressions, clicks FROM campaign_embeds WHERE campaign_id = $1 AND origin = $2',
      ['qingming-2026', origin],
    );
    assert.equal(rows.length, 1);
    assert.equal(Number(rows[0]!.impressions), 1);
    assert.equal(Number(rows[0]!.clicks), 1);
  });

  it('refuses an origin with a path, naming the field', async () => {
    const err = await client.campaigns
      .record('qingming-2026', { type: 'click', origin: 'https://example.gov.cn/page', path: '/' })
      .catch((e: unknown) => e);
    assert.ok(err instanceof MemorialHttpError, String(err));
    assert.deepEqual(err.issues?.map((i) => i.path), ['origin']);
  });
});
