/**
 * Tributes under concurrency, through the public SDK against the real reference server:
 * 200 readers with 200 clients offer the same tribute at once and the count rises by exactly
 * 200; one visitor offering twice in a day (one after the other, or racing) counts once.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMemorialClient, type MemorialClient } from '../../src/sdk/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

/** What the tribute button stores: 22 random URL-safe characters. */
const visitor = () => randomBytes(16).toString('base64url').slice(0, 22);
/** One client per reader, as 200 separate browsers would have. Generous timeout: PGlite runs the writes one at a time. */
const client = (): MemorialClient => createMemorialClient({ baseUrl: server.baseUrl, timeout: 60_000 });

describe('tributes under concurrency (SDK → reference server)', () => {
  it('200 concurrent clients with distinct visitor ids: the count rises by exactly 200', async () => {
    const martyrId = 'sample-0200';
    const reader = client();
    const before = await reader.tributes.summary(martyrId);
    const visitors = Array.from({ length: 200 }, visitor);
    assert.equal(new Set(visitors).size, 200, 'distinct visitor ids');

    const results = await Promise.all(visitors.map((visitorId) => client().tributes.offer(martyrId, { kind: 'flower', visitorId })));

    assert.equal(results.length, 200);
    assert.ok(
      results.every((r) => r.counted && r.kind === 'flower'),
      `every offer counted; not counted: ${results.filter((r) => !r.counted).length}`,
    );
    const after = await reader.tributes.summary(martyrId);
    assert.equal(after.total.flower, before.total.flower + 200);
    assert.equal(after.today.flower, before.today.flower + 200);
    // the other kinds did not move
    for (const kind of ['bow', 'candle', 'sweep'] as const) assert.equal(after.total[kind], before.total[kind], kind);
    // every answer carried a consistent summary: the largest one is the final count
    assert.equal(Math.max(...results.map((r) => r.summary.total.flower)), after.total.flower);
    assert.equal(new Set(results.map((r) => r.summary.total.flower)).size, 200, 'each offer saw its own new count');
  });

  it('the same visitor twice in a day counts once, and says so', async () => {
    const martyrId = 'sample-0201';
    const visitorId = visitor();
    const reader = client();
    const before = await reader.tributes.summary(martyrId, { visitorId });
    assert.deepEqual(before.offeredToday, []);

    const first = await client().tributes.offer(martyrId, { kind: 'candle', visitorId });
    const second = await client().tributes.offer(martyrId, { kind: 'candle', visitorId });
    assert.equal(first.counted, true);
    assert.equal(second.counted, false);
    assert.equal(second.summary.total.candle, before.total.candle + 1);

    const after = await reader.tributes.summary(martyrId, { visitorId });
    assert.equal(after.total.candle, before.total.candle + 1);
    assert.deepEqual(after.offeredToday, ['candle']);
    // another kind the same day is a tribute of its own
    const bow = await client().tributes.offer(martyrId, { kind: 'bow', visitorId });
    assert.equal(bow.counted, true);
  });

  it('the same visitor racing itself (20 concurrent offers, distinct idempotency keys) counts once', async () => {
    const martyrId = 'sample-0202';
    const visitorId = visitor();
    const reader = client();
    const before = await reader.tributes.summary(martyrId);
    const results = await Promise.all(Array.from({ length: 20 }, () => client().tributes.offer(martyrId, { kind: 'sweep', visitorId })));
    assert.equal(results.filter((r) => r.counted).length, 1);
    const after = await reader.tributes.summary(martyrId);
    assert.equal(after.total.sweep, before.total.sweep + 1);
  });

  it('the next day (Asia/Shanghai) the same visitor counts again', async () => {
    const martyrId = 'sample-0203';
    const visitorId = visitor();
    try {
      server.setNow(new Date('2026-04-04T15:59:00Z')); // 23:59 in Shanghai
      const first = await client().tributes.offer(martyrId, { kind: 'flower', visitorId });
      server.setNow(new Date('2026-04-04T16:00:00Z')); // 00:00 the next day
      const next = await client().tributes.offer(martyrId, { kind: 'flower', visitorId });
      assert.equal(first.counted, true);
      assert.equal(next.counted, true);
      assert.equal(next.summary.day, '2026-04-05');
      assert.equal(next.summary.today.flower, 1);
      assert.equal(next.summary.total.flower, first.summary.total.flower + 1);
    } finally {
      server.setNow(undefined);
    }
  });
});
