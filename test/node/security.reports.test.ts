/**
 * Issue 17, item 1: one anonymous request must not take an approved message off the wall.
 * Reports count once per visitor and per address; a message is hidden before review only on
 * several distinct reporters or a sensitive word; hides and re-shows are audited; a re-approved
 * message is not knocked off again by the same reporters.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: Record<string, string>;
before(async () => {
  // Behind a proxy that names the client: each test reporter gets its own address.
  server = await startTestServer({ rateLimit: { burst: 1e6, perSecond: 1e6 }, trustProxy: 1, reportHideAfter: 3 });
  admin = { authorization: `Bearer ${server.adminToken}` };
});
after(() => server.close());

async function approvedMessage(text: string, martyr = 'sample-0050'): Promise<string> {
  const res = await call(server, 'POST', `/martyrs/${martyr}/messages`, { json: { text } });
  assert.equal(res.status, 202);
  const ok = await call(server, 'POST', `/admin/messages/${res.body.id}/approve`, { json: {}, headers: admin });
  assert.equal(ok.status, 200);
  return res.body.id;
}

const report = (id: string, address: string, visitorId?: string) =>
  call(server, 'POST', `/messages/${id}/reports`, { json: { reason: '不当', ...(visitorId ? { visitorId } : {}) }, headers: { 'x-forwarded-for': address } });

const onWall = async (id: string, martyr = 'sample-0050') =>
  (await call(server, 'GET', `/martyrs/${martyr}/messages?limit=100`)).body.items.some((m: { id: string }) => m.id === id);

const auditFor = async (id: string) =>
  (await call(server, 'GET', '/admin/audit?limit=100', { headers: admin })).body.items.filter((e: { subject: string }) => e.subject === id);

describe('security: message reports', () => {
  it('one client reporting again and again (new visitor ids, same address) counts once and hides nothing', async () => {
    const id = await approvedMessage('英雄永垂不朽');
    for (let i = 0; i < 10; i++) assert.equal((await report(id, '203.0.113.1', `visitor-${i}-aaaaaaaa`)).status, 202);
    assert.ok(await onWall(id), 'still on the wall');
    const { rows } = await server.db.query<{ reports: number; status: string }>('SELECT reports, status FROM messages WHERE id = $1', [id]);
    assert.deepEqual([Number(rows[0]!.reports), rows[0]!.status], [1, 'approved']);
  });

  it('one visitor id from many addresses counts once too', async () => {
    const id = await approvedMessage('缅怀先烈');
    for (let i = 0; i < 5; i++) await report(id, `198.51.100.${i + 1}`, 'same-visitor-0001');
    assert.ok(await onWall(id));
    const queued = await call(server, 'GET', '/admin/messages?status=approved&reported=true', { headers: admin });
    assert.ok(queued.body.items.some((m: { id: string; reports: number }) => m.id === id && m.reports === 1), 'moderators see it among the reported');
  });

  it('three distinct reporters hide it, audited as system; approving again shows it, audited, and the same reporters cannot hide it again', async () => {
    const id = await approvedMessage('致敬英烈');
    await report(id, '192.0.2.1', 'reporter-one-0001');
    await report(id, '192.0.2.2', 'reporter-two-0002');
    assert.ok(await onWall(id), 'two reporters are not enough');
    await report(id, '192.0.2.3', 'reporter-three-03');
    assert.ok(!(await onWall(id)), 'the third distinct reporter hides it for review');
    const hide = (await auditFor(id)).find((e: { action: string }) => e.action === 'message.hide');
    assert.equal(hide?.actor, 'system');
    assert.equal(hide?.detail.trigger, 'reporters');
    assert.equal(hide?.detail.reporters, 3);

    await call(server, 'POST', `/admin/messages/${id}/approve`, { json: { reason: '核实无误' }, headers: admin });
    assert.ok(await onWall(id), 're-approved');
    assert.ok((await auditFor(id)).some((e: { action: string }) => e.action === 'message.reshow'), 're-show audited');
    for (const [a, v] of [['192.0.2.1', 'reporter-one-0001'], ['192.0.2.2', 'reporter-two-0002'], ['192.0.2.3', 'reporter-three-03']] as const) await report(id, a, v);
    assert.ok(await onWall(id), 'the same reporters do not knock it off again');
    await report(id, '192.0.2.4', 'reporter-four-004');
    assert.ok(await onWall(id), 'one new reporter after review is one, not four');
  });

  it('a single report hides a message that matches the sensitive-word list (added after it was approved)', async () => {
    const id = await approvedMessage('缅怀');
    // The text as it would stand if the list had grown since: a listed phrase.
    await server.db.query("UPDATE messages SET text = '请加微信了解' WHERE id = $1", [id]);
    await report(id, '192.0.2.50');
    assert.ok(!(await onWall(id)));
    const hide = (await auditFor(id)).find((e: { action: string }) => e.action === 'message.hide');
    assert.equal(hide?.detail.trigger, 'sensitive-word');
  });

  it('answers the same for an unknown, a rejected and a pending message', async () => {
    const pending = await call(server, 'POST', '/martyrs/sample-0050/messages', { json: { text: '待审' } });
    const rejected = await call(server, 'POST', '/martyrs/sample-0050/messages', { json: { text: '拒绝' } });
    await call(server, 'POST', `/admin/messages/${rejected.body.id}/reject`, { json: { reason: '广告' }, headers: admin });
    const answers = [];
    for (const id of ['no-such-message', rejected.body.id, pending.body.id]) {
      const r = await report(id, '192.0.2.60');
      answers.push([r.status, JSON.stringify(r.body)]);
    }
    assert.deepEqual(answers, [[202, '{"ok":true}'], [202, '{"ok":true}'], [202, '{"ok":true}']]);
  });

  it('keeps no address: reporters are keyed hashes', async () => {
    const { rows } = await server.db.query<{ v: string; a: string }>('SELECT visitor_hash AS v, address_hash AS a FROM message_reports');
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => !r.a.includes('192.0.2') && !r.v.includes('reporter')));
  });
});
