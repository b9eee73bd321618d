/**
 * Issue 17, item 9: idempotency keys belong to one route and one client and replay a body with
 * its keys reordered; bodies that are not UTF-8, or say another charset, are a 4xx.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { canonicalJson } from '../../server/http/idempotency.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

/** A client on its own source address (127.0.0.x): what another visitor looks like to the server. */
function from(localAddress: string, path: string, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: any; replayed: boolean }>((resolve, reject) => {
    const u = new URL(`${server.baseUrl}/api/v1${path}`);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()), replayed: res.headers['idempotent-replayed'] === 'true' }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('security: idempotency keys', () => {
  it('a body with its keys reordered is a replay, not a 422', async () => {
    const key = 'reorder-0001';
    const a = await call(server, 'POST', '/martyrs/sample-0003/tributes', { body: '{"kind":"flower","visitorId":"reorder-visitor-1"}', headers: { 'content-type': 'application/json', 'idempotency-key': key } });
    const b = await call(server, 'POST', '/martyrs/sample-0003/tributes', { body: '{"visitorId":"reorder-visitor-1","kind":"flower"}', headers: { 'content-type': 'application/json', 'idempotency-key': key } });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    assert.equal(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null }), '{"a":null,"b":[1,{"c":2,"d":1}]}');
  });

  it('the same key on another route is another request', async () => {
    const key = 'shared-key-0002';
    const t = await call(server, 'POST', '/martyrs/sample-0003/tributes', { json: { kind: 'bow', visitorId: 'route-visitor-1' }, headers: { 'idempotency-key': key } });
    const m = await call(server, 'POST', '/martyrs/sample-0003/messages', { json: { text: '缅怀' }, headers: { 'idempotency-key': key } });
    assert.deepEqual([t.status, m.status], [201, 202]);
  });

  it("the same key from another client is that client's own request, not a 422 about someone else's", async () => {
    const key = 'client-key-0003';
    const one = await from('127.0.0.1', '/martyrs/sample-0004/messages', JSON.stringify({ text: '第一位' }), { 'idempotency-key': key });
    const two = await from('127.0.0.2', '/martyrs/sample-0004/messages', JSON.stringify({ text: '第二位' }), { 'idempotency-key': key });
    assert.deepEqual([one.status, two.status, two.replayed], [202, 202, false]);
    assert.notEqual(one.body.id, two.body.id);
    const again = await from('127.0.0.1', '/martyrs/sample-0004/messages', JSON.stringify({ text: '第一位' }), { 'idempotency-key': key });
    assert.deepEqual([again.status, again.replayed, again.body.id], [202, true, one.body.id]);
  });
});

describe('security: body encoding', () => {
  const post = (body: Blob | string, contentType: string) =>
    fetch(`${server.baseUrl}/api/v1/martyrs/sample-0005/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('refuses invalid UTF-8 instead of storing U+FFFD', async () => {
    const res = await post(new Blob([Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xd6, 0xc2, 0xbe, 0xb4]), Buffer.from('"}')])]), 'application/json');
    assert.equal(res.status, 400);
    assert.equal((await res.json()).code, 'invalid_json');
    const { rows } = await server.db.query("SELECT 1 FROM messages WHERE text LIKE '%\uFFFD%'");
    assert.equal(rows.length, 0);
  });

  it('refuses a declared charset other than UTF-8, and accepts UTF-8 however it is spelt', async () => {
    for (const type of ['application/json; charset=gbk', 'application/json; charset=iso-8859-1', 'application/json; charset=utf-16']) {
      assert.equal((await post('{"text":"致敬"}', type)).status, 415, type);
    }
    for (const type of ['application/json; charset=utf-8', 'application/json; charset="UTF-8"', 'application/json;charset=utf8']) {
      assert.equal((await post('{"text":"致敬"}', type)).status, 202, type);
    }
  });
});

describe('security: NUL and control characters in filters and beacons', () => {
  // Found by the whole-API fuzz on PostgreSQL (seed 1120479346): `?actor=%00` reached the query and
  // PostgreSQL refused the NUL with a 500. Text that goes to the database is checked first.
  it('the audit filters refuse a NUL with 400, never 500', async () => {
    const admin = { authorization: `Bearer ${server.adminToken}` };
    for (const q of ['actor=%00', 'action=a%00b', 'case=L%00']) {
      const res = await call(server, 'GET', `/admin/audit?${q}`, { headers: admin });
      assert.equal(res.status, 400, q);
      assert.equal(res.body.code, 'validation_failed', q);
    }
  });

  it('a beacon whose path carries a NUL is a 400, also from a page on the host it names', async () => {
    server.setNow(new Date('2026-04-01T02:00:00Z'));
    const origin = 'https://www.example.gov.cn';
    const res = await call(server, 'POST', '/campaigns/qingming-2026/events', { json: { type: 'impression', origin, path: '/a\u0000b' }, headers: { origin } });
    server.setNow(undefined);
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'validation_failed');
  });
});
