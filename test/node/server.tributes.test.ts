import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TributeResult, TributeSummary } from '../../src/contract/index.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const visitor = () => `v-${randomUUID()}`;
const offer = (id: string, kind: string, visitorId: string, key?: string) =>
  call(server, 'POST', `/martyrs/${id}/tributes`, { json: { kind, visitorId }, headers: key ? { 'idempotency-key': key } : {} });

describe('tributes', () => {
  it('summary starts at zero for every kind, today and all-time', async () => {
    const res = await call(server, 'GET', '/martyrs/sample-0002/tributes');
    assert.equal(res.status, 200);
    const s = TributeSummary.parse(res.body);
    assert.deepEqual(s.today, { flower: 0, bow: 0, candle: 0, sweep: 0 });
    assert.deepEqual(s.total, s.today);
    assert.equal(s.offeredToday, undefined);
  });

  it('counts an offer once per visitor, kind and Asia/Shanghai day', async () => {
    const v = visitor();
    const first = await offer('sample-0003', 'flower', v);
    assert.equal(first.status, 201);
    const r = TributeResult.parse(first.body);
    assert.equal(r.counted, true);
    assert.equal(r.summary.today.flower, 1);
    assert.deepEqual(r.summary.offeredToday, ['flower']);
    const second = await offer('sample-0003', 'flower', v);
    assert.equal(second.status, 200);
    assert.equal(second.body.counted, false);
    assert.equal(second.body.summary.total.flower, 1);
    const other = await offer('sample-0003', 'candle', v);
    assert.equal(other.body.counted, true);
    assert.deepEqual(other.body.summary.offeredToday, ['flower', 'candle']);
  });

  it('starts a new day at midnight in Asia/Shanghai, keeping the all-time total', async () => {
    const v = visitor();
    server.setNow(new Date('2026-04-04T15:59:00Z')); // 23:59 in Shanghai
    await offer('sample-0004', 'bow', v);
    server.setNow(new Date('2026-04-04T16:00:00Z')); // 00:00 next day in Shanghai
    const next = await offer('sample-0004', 'bow', v);
    server.setNow(undefined);
    assert.equal(next.body.counted, true);
    assert.equal(next.body.summary.day, '2026-04-05');
    assert.equal(next.body.summary.today.bow, 1);
    assert.equal(next.body.summary.total.bow, 2);
  });

  it('honours Idempotency-Key: the same key twice counts once and replays the first answer', async () => {
    const key = randomUUID();
    const v = visitor();
    const a = await offer('sample-0005', 'sweep', v, key);
    const b = await offer('sample-0005', 'sweep', v, key);
    assert.equal(a.status, 201);
    assert.equal(b.status, 201, 'the replay has the original status');
    assert.deepEqual(b.body, a.body);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    const s = await call(server, 'GET', '/martyrs/sample-0005/tributes');
    assert.equal(s.body.total.sweep, 1);
    const reused = await offer('sample-0005', 'flower', v, key);
    assert.equal(reused.status, 422);
    assert.equal(reused.body.code, 'idempotency_key_reused');
  });

  it('counts exactly under concurrency, including racing retries with one key', async () => {
    const n = 60;
    const keys = Array.from({ length: n }, () => randomUUID());
    const visitors = Array.from({ length: n }, visitor);
    const attempts = [...keys.map((k, i) => offer('sample-0006', 'flower', visitors[i]!, k)), ...keys.slice(0, 20).map((k, i) => offer('sample-0006', 'flower', visitors[i]!, k))];
    const results = await Promise.all(attempts);
    assert.ok(results.every((r) => r.status === 201), JSON.stringify(results.find((r) => r.status !== 201)?.body));
    const s = await call(server, 'GET', '/martyrs/sample-0006/tributes');
    assert.equal(s.body.total.flower, n);
  });

  it('a failed attempt stores nothing, so the same key may be retried', async () => {
    const key = randomUUID();
    const v = visitor();
    const missing = await offer('no-such-martyr', 'flower', v, key);
    assert.equal(missing.status, 404);
    const { rows } = await server.db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key]);
    assert.equal(rows.length, 0);
  });

  it('refuses bad bodies with the field, the content type and the size at fault', async () => {
    const bad = await call(server, 'POST', '/martyrs/sample-0007/tributes', { json: { kind: 'fireworks', visitorId: 'x' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'validation_failed');
    assert.deepEqual(bad.body.issues.map((i: { path: string }) => i.path).sort(), ['kind', 'visitorId']);
    const notJson = await call(server, 'POST', '/martyrs/sample-0007/tributes', { body: '{"kind":', headers: { 'content-type': 'application/json' } });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.code, 'invalid_json');
    const form = await call(server, 'POST', '/martyrs/sample-0007/tributes', { body: 'kind=flower', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(form.status, 415);
    const huge = await call(server, 'POST', '/martyrs/sample-0007/tributes', { json: { kind: 'flower', visitorId: visitor(), pad: 'x'.repeat(70 * 1024) } });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.code, 'payload_too_large');
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    const nested = await call(server, 'POST', '/martyrs/sample-0007/tributes', { json: { kind: 'flower', visitorId: visitor(), deep } });
    assert.equal(nested.status, 400);
    const s = await call(server, 'GET', '/martyrs/sample-0007/tributes');
    assert.deepEqual(s.body.total, { flower: 0, bow: 0, candle: 0, sweep: 0 }, 'nothing half-written');
  });
});
