import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMemorialAdminClient, createMemorialClient, MemorialHttpError } from '../../src/sdk/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

describe('admin client', () => {
  it('moderates through the real server: queue, approve, reject, delete, audit with the actor', async () => {
    const pub = createMemorialClient({ baseUrl: server.baseUrl });
    const admin = createMemorialAdminClient({ baseUrl: server.baseUrl, token: server.adminToken, actor: '李编辑' });
    const a = await pub.messages.post('sample-0040', { text: '英雄永垂不朽' });
    const b = await pub.messages.post('sample-0040', { text: '请加微信领取' });
    const queue = [];
    for await (const m of admin.messages.list()) queue.push(m);
    assert.deepEqual(queue.map((m) => m.id).sort(), [a.id, b.id].sort());
    assert.match(queue.find((m) => m.id === b.id)!.reason ?? '', /加微信/);
    await admin.messages.approve(a.id);
    await admin.messages.reject(b.id, { reason: '广告' });
    const wall = await pub.messages.list('sample-0040').firstPage();
    assert.deepEqual(wall.items.map((m) => m.text), ['英雄永垂不朽']);
    await admin.messages.delete(a.id);
    assert.equal((await pub.messages.list('sample-0040').firstPage()).items.length, 0);
    const log = [];
    for await (const e of admin.audit()) log.push(e);
    assert.deepEqual(log.map((e) => e.action), ['message.delete', 'message.reject', 'message.approve']);
    assert.ok(log.every((e) => e.actor === 'admin'));
  });

  it('reads the embed report and edits the calendar; a wrong token is a 401 MemorialHttpError', async () => {
    const pub = createMemorialClient({ baseUrl: server.baseUrl });
    const admin = createMemorialAdminClient({ baseUrl: server.baseUrl, token: server.adminToken });
    await pub.campaigns.record('qingming-2024', { type: 'impression', origin: 'https://www.b-county.gov.cn', path: '/' });
    const report = await admin.campaigns.embeds('qingming-2024');
    assert.deepEqual(report.items.map((s) => [s.origin, s.impressions]), [['https://www.b-county.gov.cn', 1]]);
    const c = await pub.campaigns.get('qingming-2024');
    const updated = await admin.campaigns.update({ ...c, partnerLinks: [{ title: '中华英烈网', url: 'https://www.chinamartyrs.gov.cn/' }] });
    assert.equal(updated.partnerLinks.length, 1);
    const wrong = createMemorialAdminClient({ baseUrl: server.baseUrl, token: 'nope', retry: 0 });
    await assert.rejects(wrong.campaigns.embeds('qingming-2024'), (e: unknown) => e instanceof MemorialHttpError && e.status === 401 && e.code === 'unauthorized');
  });
});
