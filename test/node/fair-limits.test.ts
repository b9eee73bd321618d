// Fair limits (issue 16) against the real server and database: a computer room of 200 behind
// one address gets nothing refused; a script inventing visitors at one address adds a bounded
// number of tributes and is told `counted: false` with the reason, never an error page; the
// budgets hold across two server instances on one database; staff see who was throttled; the
// client address comes from the trusted hop of X-Forwarded-For, not the spoofable left end.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { SIGNED_VISITOR_ID, TributeResult, TRIBUTE_KINDS } from '../../src/contract/index.js';
import { createMemorialClient } from '../../src/sdk/index.js';
import { createApp } from '../../server/app.js';
import { addressKey, clientAddress, trustProxyFromEnv } from '../../server/http/client-address.js';
import { DEFAULT_FAIR_LIMITS, fairLimitsFromEnv, type FairLimits } from '../../server/limits/fair-limits.js';
import { isSignedVisitor, mintVisitorId, visitorKey } from '../../server/limits/visitor-id.js';
import { DEFAULT_WORDS_FILE, loadWordList } from '../../server/moderation/sensitive-words.js';
import { call, type JsonResponse } from '../helpers/http.js';
import { runBounded } from '../helpers/processes.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const unsigned = () => randomBytes(16).toString('base64url').slice(0, 22);
const offer = (s: Pick<TestServer, 'baseUrl'>, martyr: string, kind: string, visitorId: string, headers: Record<string, string> = {}) =>
  call(s, 'POST', `/martyrs/${martyr}/tributes`, { json: { kind, visitorId }, headers });
const total = async (s: Pick<TestServer, 'baseUrl'>, martyr: string) => {
  const res = await call(s, 'GET', `/martyrs/${martyr}/tributes`);
  return TRIBUTE_KINDS.reduce((n, k) => n + res.body.total[k], 0);
};
async function drift(s: TestServer): Promise<number> {
  const { rows } = await s.db.query<{ n: number }>(
    `SELECT CAST(count(*) AS int) AS n FROM (SELECT martyr_id, kind, day, count(*) AS n FROM tribute_offers GROUP BY 1, 2, 3) o
       FULL JOIN tribute_counts c USING (martyr_id, kind, day) WHERE o.n IS DISTINCT FROM c.count`,
  );
  return rows[0]!.n;
}

describe('the computer room: 200 visitors behind one address', () => {
  let server: TestServer;
  before(async () => {
    // Everything as deployed: the default write limit and the default fair limits.
    server = await startTestServer({ rateLimit: { burst: 300, perSecond: 5 }, fairLimits: DEFAULT_FAIR_LIMITS });
  });
  after(() => server.close());

  it('each offers four tributes and leaves a message, all at once through the SDK: nothing is refused', async () => {
    const martyrs = ['sample-0031', 'sample-0032', 'sample-0033', 'sample-0034'];
    const before = await Promise.all(martyrs.map((m) => total(server, m)));
    const statuses: Record<string, number> = {};
    const notCounted: string[] = [];
    // Each student is one browser: one client that mints its own signed visitor id.
    const students = Array.from({ length: 200 }, (_, n) => async () => {
      const client = createMemorialClient({ baseUrl: server.baseUrl, timeout: 120_000, retry: 0 });
      for (const [i, kind] of TRIBUTE_KINDS.entries()) {
        const r = await client.tributes.offer(martyrs[(n + i) % 4]!, { kind });
        if (!r.counted) notCounted.push(`${n}/${kind}: ${r.reason}`);
      }
      const m = await call(server, 'POST', `/martyrs/${martyrs[n % 4]}/messages`, { json: { text: `第${n + 1}位同学：缅怀先烈，砥砺前行。` } });
      statuses[m.status] = (statuses[m.status] ?? 0) + 1;
    });
    await runBounded(50, students);
    assert.deepEqual(notCounted, [], 'every tribute counted');
    assert.deepEqual(statuses, { 202: 200 }, 'every message accepted for review');
    const after = await Promise.all(martyrs.map((m) => total(server, m)));
    assert.equal(after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0), 800);
    const { rows } = await server.db.query<{ n: number }>("SELECT CAST(count(DISTINCT visitor_id) AS int) AS n FROM tribute_offers WHERE visitor_id LIKE 'S1%'");
    assert.equal(rows[0]!.n, 200, 'each student minted one signed visitor id');
    assert.equal(await drift(server), 0, 'counters agree with offers');
  });
});

describe('the script: a new visitor for every request from one address', () => {
  // Small budgets so the bounds show in a few hundred requests; the figures scale.
  const limits: FairLimits = {
    mint: { burst: 60, perHour: 60 },
    visitor: { burst: 40, perHour: 40 },
    address: { burst: 40, perHour: 120 },
    unsigned: { burst: 10, perHour: 60 },
  };
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ fairLimits: limits, trustProxy: 1 });
  });
  after(() => server.close());
  const from = (address: string) => ({ 'x-forwarded-for': address });
  // Hours just ahead of the real clock (records older than 30 days are pruned as they should be).
  const base = Math.ceil(Date.now() / 3_600_000) * 3_600_000;
  const hour = (n: number, minutes = 0) => new Date(base + n * 3_600_000 + minutes * 60_000);
  const hourIso = (n: number) => hour(n).toISOString();

  it('unsigned ids: the unsigned allowance counts, then `counted: false` with the reason, as 200', async () => {
    server.setNow(hour(1));
    const answers = [];
    for (let i = 0; i < 120; i++) answers.push(await offer(server, 'sample-0041', 'flower', unsigned(), from('198.51.100.1')));
    assert.ok(answers.every((a) => a.status === 201 || a.status === 200), 'never an error');
    const results = answers.map((a) => TributeResult.parse(a.body));
    assert.equal(results.filter((r) => r.counted).length, limits.unsigned.burst);
    assert.deepEqual([...new Set(results.filter((r) => !r.counted).map((r) => r.reason))], ['unsigned_visitor']);
    // A minute later it has earned one more (60 an hour).
    server.setNow(hour(1, 1));
    const later = await Promise.all(Array.from({ length: 5 }, () => offer(server, 'sample-0041', 'flower', unsigned(), from('198.51.100.1'))));
    assert.equal(later.filter((a) => a.body.counted).length, 1);
    assert.equal(await total(server, 'sample-0041'), limits.unsigned.burst + 1);
    server.setNow(undefined);
  });

  it('minting a signed visitor per request: bounded by the address budget, then by minting (429)', async () => {
    server.setNow(hour(2));
    const tally = { counted: 0, address_limit: 0, minted: 0, mintRefused: 0, other: 0 };
    for (let i = 0; i < limits.mint.burst + 10; i++) {
      const m = await call(server, 'POST', '/visitors', { json: {}, headers: from('198.51.100.2') });
      if (m.status === 429) {
        tally.mintRefused++;
        assert.match(m.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
        continue;
      }
      assert.equal(m.status, 201);
      tally.minted++;
      const r = await offer(server, 'sample-0042', 'candle', m.body.visitorId, from('198.51.100.2'));
      if (r.body.counted) tally.counted++;
      else if (r.body.reason === 'address_limit') tally.address_limit++;
      else tally.other++;
    }
    assert.deepEqual(tally, {
      counted: limits.address.burst,
      address_limit: limits.mint.burst - limits.address.burst,
      minted: limits.mint.burst,
      mintRefused: 10,
      other: 0,
    });
    // Another address is not affected.
    const m = await call(server, 'POST', '/visitors', { json: {}, headers: from('198.51.100.3') });
    const r = await offer(server, 'sample-0042', 'candle', m.body.visitorId, from('198.51.100.3'));
    assert.equal(r.body.counted, true);
    server.setNow(undefined);
  });

  it('one signed visitor is held to its own allowance; an idempotent retry replays instead of counting or spending', async () => {
    server.setNow(hour(3));
    const m = await call(server, 'POST', '/visitors', { json: {}, headers: from('198.51.100.4') });
    const v = m.body.visitorId as string;
    const key = randomUUID();
    const first = await offer(server, 'sample-0043', 'bow', v, { ...from('198.51.100.4'), 'idempotency-key': key });
    const retry = await offer(server, 'sample-0043', 'bow', v, { ...from('198.51.100.4'), 'idempotency-key': key });
    assert.equal(first.status, 201);
    assert.deepEqual(retry.body, first.body);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    // 40 martyrs × 1 kind: the visitor's allowance (40) less the one above, then visitor_limit.
    let counted = 1;
    let refused = 0;
    for (let i = 0; i < 45; i++) {
      const r = await offer(server, `sample-${String(100 + i).padStart(4, '0')}`, 'bow', v, from('198.51.100.4'));
      if (r.body.counted) counted++;
      else if (r.body.reason === 'visitor_limit') refused++;
    }
    assert.equal(counted, limits.visitor.burst);
    assert.equal(refused, 45 + 1 - limits.visitor.burst);
    server.setNow(undefined);
  });

  it('a tampered signature is an unsigned visitor', async () => {
    const m = await call(server, 'POST', '/visitors', { json: {}, headers: from('198.51.100.5') });
    const v = m.body.visitorId as string;
    const forged = v.slice(0, -1) + (v.endsWith('A') ? 'B' : 'A');
    assert.match(forged, SIGNED_VISITOR_ID);
    for (let i = 0; i < limits.unsigned.burst; i++) await offer(server, 'sample-0044', 'sweep', unsigned(), from('198.51.100.5'));
    const r = await offer(server, 'sample-0044', 'sweep', forged, from('198.51.100.5'));
    assert.equal(r.body.counted, false);
    assert.equal(r.body.reason, 'unsigned_visitor');
  });

  it('staff see which addresses were throttled, by which budget, when and how often', async () => {
    const denied = await call(server, 'GET', '/admin/throttled');
    assert.equal(denied.status, 401);
    const res = await call(server, 'GET', '/admin/throttled?limit=100', { headers: { authorization: `Bearer ${server.adminToken}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const byKey = new Map<string, number>();
    for (const e of res.body.items) byKey.set(`${e.address} ${e.budget} ${e.hour}`, e.refused);
    assert.equal(byKey.get(`198.51.100.1 unsigned ${hourIso(1)}`), 120 - limits.unsigned.burst + 4);
    assert.equal(byKey.get(`198.51.100.2 address ${hourIso(2)}`), limits.mint.burst - limits.address.burst);
    assert.equal(byKey.get(`198.51.100.2 mint ${hourIso(2)}`), 10);
    assert.equal(byKey.get(`198.51.100.4 visitor ${hourIso(3)}`), 45 + 1 - limits.visitor.burst);
    assert.ok(!byKey.has(`198.51.100.3 address ${hourIso(2)}`), 'an address that stayed within budget is not listed');
    // Paged: one at a time reaches the same entries.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: JsonResponse<{ items: { address: string; budget: string; hour: string }[]; nextCursor: string | null }> = await call(server, 'GET', `/admin/throttled?limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { authorization: `Bearer ${server.adminToken}` },
      });
      assert.equal(page.status, 200);
      seen.push(...page.body.items.map((e) => `${e.address} ${e.budget} ${e.hour}`));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, res.body.items.map((e: { address: string; budget: string; hour: string }) => `${e.address} ${e.budget} ${e.hour}`));
    const bad = await call(server, 'GET', `/admin/throttled?cursor=${Buffer.from('[1e300,"a","b"]').toString('base64url')}`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    assert.equal(bad.status, 400);
    assert.equal(await drift(server), 0, 'counters agree with offers');
  });
});

describe('budgets hold across server instances on one database', () => {
  let server: TestServer;
  let second: { baseUrl: string; close(): Promise<void> };
  const limits: FairLimits = { ...DEFAULT_FAIR_LIMITS, unsigned: { burst: 30, perHour: 1 } };
  before(async () => {
    server = await startTestServer({ fairLimits: limits });
    const app = createApp({
      db: server.db,
      adminToken: server.adminToken,
      dataKey: randomBytes(32),
      now: () => new Date(),
      bodyLimit: 64 * 1024,
      words: loadWordList(fileURLToPath(DEFAULT_WORDS_FILE)),
      rateLimit: null,
      fairLimits: limits,
    });
    const http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => http.once('listening', () => resolve()));
    second = { baseUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, close: () => new Promise((r) => http.close(() => r())) };
  });
  after(async () => {
    await second?.close();
    await server?.close();
  });

  it('120 unsigned offers from one address, concurrently over two instances: exactly the 30 of the budget count', async () => {
    const results = await Promise.all(Array.from({ length: 120 }, (_, i) => offer(i % 2 ? second : server, 'sample-0051', 'flower', unsigned())));
    assert.ok(results.every((r) => r.status === 200 || r.status === 201));
    assert.equal(results.filter((r) => r.body.counted).length, 30);
    assert.equal(await total(server, 'sample-0051'), 30);
    assert.equal(await drift(server), 0);
  });
});

describe('the client address behind trusted proxies', () => {
  const app = (hops: number) => {
    const a = new Hono();
    a.get('/', (c) => c.text(clientAddress(c, hops)));
    return a;
  };
  const ask = async (hops: number, xff?: string) =>
    (await app(hops).request('/', { headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }, { incoming: { socket: { remoteAddress: '10.0.0.9', remoteFamily: 'IPv4', remotePort: 1 } } })).text();

  it('counts hops from the right: the spoofed left end is never taken', async () => {
    assert.equal(await ask(1, 'evil-spoof, 203.0.113.9'), '203.0.113.9');
    assert.equal(await ask(1, '203.0.113.9'), '203.0.113.9');
    assert.equal(await ask(2, 'evil-spoof, 203.0.113.9, 10.0.0.2'), '203.0.113.9');
    assert.equal(await ask(2, '203.0.113.9'), '203.0.113.9', 'fewer entries than hops: the leftmost, which our proxies wrote');
    assert.equal(await ask(0, 'evil-spoof, 203.0.113.9'), '10.0.0.9', 'no trusted proxy: the socket address');
    assert.equal(await ask(1), '10.0.0.9', 'no header: the socket address');
  });

  it('one budget for one address however the client varies the left of X-Forwarded-For', async () => {
    const server = await startTestServer({ fairLimits: { ...DEFAULT_FAIR_LIMITS, unsigned: { burst: 5, perHour: 1 } }, trustProxy: 1 });
    try {
      const results = [];
      for (let i = 0; i < 20; i++) results.push(await offer(server, 'sample-0061', 'bow', unsigned(), { 'x-forwarded-for': `10.${i}.0.1, 203.0.113.77` }));
      assert.equal(results.filter((r) => r.body.counted).length, 5);
    } finally {
      await server.close();
    }
  });

  it('MEMORIAL_TRUST_PROXY is a hop count; IPv6 budgets are kept per /64', () => {
    assert.equal(trustProxyFromEnv(undefined), 0);
    assert.equal(trustProxyFromEnv('0'), 0);
    assert.equal(trustProxyFromEnv('2'), 2);
    for (const bad of ['true', 'yes', '-1', '1.5', '10']) assert.throws(() => trustProxyFromEnv(bad), /MEMORIAL_TRUST_PROXY/, bad);
    assert.equal(addressKey('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:db8:1:2::ffff'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(addressKey('192.0.2.1'), '192.0.2.1');
  });
});

describe('fair limit settings and signed ids', () => {
  it('MEMORIAL_FAIR_LIMITS: defaults, `off`, or NAME=BURST:PER_HOUR overrides; anything else stops the server', () => {
    assert.deepEqual(fairLimitsFromEnv(undefined), DEFAULT_FAIR_LIMITS);
    assert.equal(fairLimitsFromEnv('off'), null);
    assert.deepEqual(fairLimitsFromEnv('address=6000:6000,mint=1000:900'), { ...DEFAULT_FAIR_LIMITS, address: { burst: 6000, perHour: 6000 }, mint: { burst: 1000, perHour: 900 } });
    for (const bad of ['on', 'address=0:1', 'address=10', 'other=1:1', 'address=1:0']) assert.throws(() => fairLimitsFromEnv(bad), /MEMORIAL_FAIR_LIMITS/, bad);
    // The published bound: one address adds at most burst + one hour's refill in its first hour.
    const l = DEFAULT_FAIR_LIMITS;
    assert.ok(l.address.burst + l.address.perHour <= 3000);
    assert.ok(l.mint.burst >= 200 && l.address.burst >= 800, 'the computer room fits in the bursts');
  });

  it('a minted id verifies with its key only, and expires', () => {
    const key = visitorKey(randomBytes(32));
    const at = new Date('2026-04-04T00:00:00Z');
    const { visitorId, expiresAt } = mintVisitorId(key, at);
    assert.match(visitorId, SIGNED_VISITOR_ID);
    assert.equal(isSignedVisitor(key, visitorId, at), true);
    assert.equal(isSignedVisitor(visitorKey(randomBytes(32)), visitorId, at), false);
    assert.equal(isSignedVisitor(key, visitorId, new Date(expiresAt.getTime() + 1000)), false);
    assert.equal(isSignedVisitor(key, unsigned(), at), false);
  });
});
