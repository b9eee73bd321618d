import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  createMemorialClient,
  isMemorialError,
  MemorialHttpError,
  MemorialNetworkError,
  MemorialTimeoutError,
  MemorialValidationError,
  type MemorialClient,
} from '../../src/sdk/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// The fake fetches here provoke only what the real server cannot: dropped connections, hangs,
// malformed bodies and rate limiting. Everything they do not fake is forwarded to the server.

let server: TestServer;
let martyrId: string;
before(async () => {
  server = await startTestServer();
  const { rows } = await server.db.query<{ id: string }>('SELECT id FROM martyrs ORDER BY id LIMIT 1');
  martyrId = rows[0]!.id;
});
after(() => server.close());

const client = (fetch: typeof globalThis.fetch, more: Partial<Parameters<typeof createMemorialClient>[0]> = {}): MemorialClient =>
  createMemorialClient({ baseUrl: server.baseUrl, fetch, ...more });

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

describe('network failures', () => {
  it('maps a refused connection to MemorialNetworkError after retrying the GET', async () => {
    const port = await closedPort();
    let attempts = 0;
    const c = createMemorialClient({
      baseUrl: `http://127.0.0.1:${port}`,
      retry: 1,
      fetch: (input, init) => (attempts++, fetch(input, init)),
    });
    const err = await c.martyrs.get(martyrId).catch((e: unknown) => e);
    assert.ok(err instanceof MemorialNetworkError, String(err));
    assert.equal(err.name, 'MemorialNetworkError');
    assert.ok(isMemorialError(err));
    assert.ok(err.cause, 'the runtime error is kept as the cause');
    assert.equal(attempts, 2);
  });

  it('maps a connection dropped mid-body to MemorialNetworkError', async () => {
    const dropping: typeof fetch = async (input, init) => {
      const real = await fetch(input, init);
      const text = await real.text();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text.slice(0, 20)));
          controller.error(new TypeError('terminated'));
        },
      });
      return new Response(body, { status: 200, headers: real.headers });
    };
    const err = await client(dropping, { retry: 0 }).martyrs.get(martyrId).catch((e: unknown) => e);
    assert.ok(err instanceof MemorialNetworkError, String(err));
  });

  it('retries a POST after a dropped connection with the same Idempotency-Key, counting once', async () => {
    const keys: (string | null)[] = [];
    const flaky: typeof fetch = async (input, init) => {
      const req = new Request(input, init);
      keys.push(req.headers.get('idempotency-key'));
      // The first attempt reaches the server, but its answer is lost on the way back.
      const res = await fetch(req);
      if (keys.length === 1) throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
      return res;
    };
    const visitorId = `v-drop-${Date.now()}`;
    const result = await client(flaky).tributes.offer(martyrId, { kind: 'bow', visitorId });
    assert.equal(keys.length, 2);
    assert.ok(keys[0]);
    assert.equal(keys[1], keys[0]);
    assert.equal(result.counted, true, 'the replay answers as the first attempt did');
    const { rows } = await server.db.query('SELECT 1 FROM tribute_offers WHERE visitor_id = $1', [visitorId]);
    assert.equal(rows.length, 1);
  });
});

describe('timeouts', () => {
  it('maps a hang past the timeout to MemorialTimeoutError and cancels the request', async () => {
    let attempts = 0;
    let cancelled = false;
    const hanging: typeof fetch = (input) =>
      new Promise((_, reject) => {
        attempts++;
        const signal = (input as Request).signal;
        signal.addEventListener('abort', () => {
          cancelled = true;
          reject(signal.reason);
        });
      });
    const started = performance.now();
    const err = await client(hanging, { timeout: 150 }).martyrs.get(martyrId).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    assert.ok(err instanceof MemorialTimeoutError, String(err));
    assert.equal(err.timeout, 150);
    assert.ok(elapsed >= 140 && elapsed < 1000, `took ${elapsed} ms`);
    assert.equal(attempts, 1, 'a timed-out attempt is not retried');
    assert.ok(cancelled);
  });
});

describe('malformed responses', () => {
  it('refuses a record that does not match the contract, naming the fields', async () => {
    const tampering: typeof fetch = async (input, init) => {
      const real = (await (await fetch(input, init)).json()) as Record<string, unknown>;
      delete real.name;
      real.photoUrl = 'javascript:alert(1)';
      return json(real);
    };
    const err = await client(tampering).martyrs.get(martyrId).catch((e: unknown) => e);
    assert.ok(err instanceof MemorialValidationError, String(err));
    assert.equal(err.name, 'MemorialValidationError');
    assert.deepEqual(err.issues.map((i) => i.path).sort(), ['name', 'photoUrl']);
  });

  it('refuses a body that is not JSON', async () => {
    const html: typeof fetch = async () => new Response('<html>portal maintenance</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const err = await client(html).campaigns.list().catch((e: unknown) => e);
    assert.ok(err instanceof MemorialValidationError, String(err));
  });

  it('refuses a page whose nextCursor repeats instead of looping forever', async () => {
    // Always serves the first page, pointing at the same "next" page.
    const looping: typeof fetch = async (input) => {
      const url = new URL((input as Request).url);
      url.searchParams.delete('cursor');
      const page = (await (await fetch(url)).json()) as { nextCursor: string | null };
      page.nextCursor = 'same-cursor';
      return json(page);
    };
    let n = 0;
    await assert.rejects(
      (async () => {
        for await (const _ of client(looping).martyrs.search({ limit: 2 })) if (++n > 100) break;
      })(),
      MemorialValidationError,
    );
    assert.equal(n, 4, 'two pages were yielded before the repeat was noticed');
  });
});

describe('rate limiting and Retry-After', () => {
  it('waits out a 429 Retry-After, then retries the POST with the same Idempotency-Key', async () => {
    const attempts: { at: number; key: string | null }[] = [];
    const limited: typeof fetch = async (input, init) => {
      const req = new Request(input, init);
      attempts.push({ at: performance.now(), key: req.headers.get('idempotency-key') });
      if (attempts.length === 1) return json({ code: 'rate_limited', message: 'Slow down' }, 429, { 'retry-after': '1' });
      return fetch(req);
    };
    const result = await client(limited).tributes.offer(martyrId, { kind: 'sweep', visitorId: `v-429-${Date.now()}` });
    assert.equal(result.counted, true);
    assert.equal(attempts.length, 2);
    const waited = attempts[1]!.at - attempts[0]!.at;
    assert.ok(waited >= 990 && waited < 2500, `waited ${waited} ms`);
    assert.ok(attempts[0]!.key);
    assert.equal(attempts[1]!.key, attempts[0]!.key);
  });

  it('fails at once, telling when to come back, if Retry-After is too long to wait', async () => {
    let attempts = 0;
    const unavailable: typeof fetch = async () => {
      attempts++;
      return json({ code: 'unavailable', message: 'Down for maintenance', requestId: 'req-12345678' }, 503, { 'retry-after': '3600' });
    };
    const started = performance.now();
    const err = await client(unavailable).martyrs.get(martyrId).catch((e: unknown) => e);
    assert.ok(err instanceof MemorialHttpError, String(err));
    assert.equal(err.status, 503);
    assert.equal(err.code, 'unavailable');
    assert.equal(err.retryAfter, 3600);
    assert.equal(err.requestId, 'req-12345678');
    assert.equal(attempts, 1);
    assert.ok(performance.now() - started < 500);
  });

  it("makes sense of a gateway's error page, taking the request id from the header", async () => {
    const gateway: typeof fetch = async () =>
      new Response('<h1>502 Bad Gateway</h1>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html', 'x-request-id': 'gw-abcdefgh' } });
    const err = await client(gateway, { retry: 0 }).martyrs.get(martyrId).catch((e: unknown) => e);
    assert.ok(err instanceof MemorialHttpError, String(err));
    assert.equal(err.status, 502);
    assert.equal(err.code, 'internal_error');
    assert.equal(err.requestId, 'gw-abcdefgh');
  });
});

describe('client options', () => {
  it('appends api/v1/ to the base URL once, keeping a path prefix', () => {
    const base = (b: string) => createMemorialClient({ baseUrl: b }).baseUrl;
    assert.equal(base('http://localhost:8080'), 'http://localhost:8080/api/v1/');
    assert.equal(base('http://localhost:8080/'), 'http://localhost:8080/api/v1/');
    assert.equal(base('https://www.example.gov.cn/memorial/'), 'https://www.example.gov.cn/memorial/api/v1/');
    assert.equal(base('https://www.example.gov.cn/memorial/api/v1'), 'https://www.example.gov.cn/memorial/api/v1/');
    assert.throws(() => base('/relative'), TypeError);
    assert.throws(() => base('ftp://example.gov.cn'), TypeError);
  });

  it('sends Accept-Language from locale, and extra headers', async () => {
    const seen: Headers[] = [];
    const recording: typeof fetch = (input, init) => {
      const req = new Request(input, init);
      seen.push(req.headers);
      return fetch(req);
    };
    const c = createMemorialClient({ baseUrl: server.baseUrl, fetch: recording, locale: 'zh-Hant', headers: { 'X-Site': 'county-42' } });
    const m = await c.martyrs.get(martyrId);
    assert.equal(m.id, martyrId);
    assert.equal(seen[0]?.get('accept-language'), 'zh-Hant');
    assert.equal(seen[0]?.get('x-site'), 'county-42');
    assert.equal(seen[0]?.get('accept'), 'application/json');
  });
});
