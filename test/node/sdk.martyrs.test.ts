import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMemorialClient, isMemorialError, MemorialHttpError, type MartyrSummary, type MemorialClient } from '../../src/sdk/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let client: MemorialClient;
before(async () => {
  server = await startTestServer();
  client = createMemorialClient({ baseUrl: server.baseUrl });
});
after(() => server.close());

async function count(where = 'TRUE', params: unknown[] = []): Promise<number> {
  const { rows } = await server.db.query<{ n: number }>(`SELECT CAST(count(*) AS int) AS n FROM martyrs WHERE ${where}`, params);
  return Number(rows[0]!.n);
}

async function someMartyrId(where = 'TRUE'): Promise<string> {
  const { rows } = await server.db.query<{ id: string }>(`SELECT id FROM martyrs WHERE ${where} ORDER BY id LIMIT 1`);
  assert.ok(rows[0], `the seed has a martyr where ${where}`);
  return rows[0].id;
}

/** Counts the requests that reach the network, forwarding each to the real fetch. */
function countingFetch() {
  const urls: string[] = [];
  const f: typeof fetch = (input, init) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  return { fetch: f, urls };
}

describe('martyrs.get', () => {
  it('returns the validated record of a seeded martyr', async () => {
    const id = await someMartyrId();
    const { rows } = await server.db.query<{ name: string }>('SELECT name FROM martyrs WHERE id = $1', [id]);
    const martyr = await client.martyrs.get(id);
    assert.equal(martyr.id, id);
    assert.equal(martyr.name, rows[0]!.name);
    assert.equal(martyr.sample, true);
    assert.match(martyr.updatedAt, /^\d{4}-\d{2}-\d{2}T/);
  });

  it('rejects a missing id with MemorialHttpError carrying status, code and request id', async () => {
    const err = await client.martyrs.get('no-such-martyr').then(
      () => assert.fail('expected a 404'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof MemorialHttpError);
    assert.ok(isMemorialError(err));
    assert.equal(err.name, 'MemorialHttpError');
    assert.equal(err.status, 404);
    assert.equal(err.code, 'not_found');
    assert.ok(err.requestId && err.requestId.length >= 8, `request id: ${err.requestId}`);
    assert.ok(err.serverMessage);
  });

  it('refuses an id that could walk out of the path, without a request', async () => {
    const counting = countingFetch();
    const c = createMemorialClient({ baseUrl: server.baseUrl, fetch: counting.fetch });
    await assert.rejects(c.martyrs.get('..'), TypeError);
    await assert.rejects(c.martyrs.get('a/b'), TypeError);
    assert.equal(counting.urls.length, 0);
  });
});

describe('martyrs.search', () => {
  it('walks every page with for-await and finds each martyr once', async () => {
    const total = await count();
    assert.ok(total > 100, `the seed has a full roll (${total})`);
    const counting = countingFetch();
    const c = createMemorialClient({ baseUrl: server.baseUrl, fetch: counting.fetch });
    const ids = new Set<string>();
    let n = 0;
    for await (const m of c.martyrs.search({ limit: 50 })) {
      ids.add(m.id);
      n++;
    }
    assert.equal(n, total);
    assert.equal(ids.size, total);
    assert.equal(counting.urls.length, Math.ceil(total / 50) + (total % 50 === 0 ? 1 : 0));
    assert.ok(counting.urls.slice(1).every((u) => new URL(u).searchParams.has('cursor')), 'later pages follow nextCursor');
  });

  it('pages by hand with firstPage, page(cursor) and pages()', async () => {
    const list = client.martyrs.search({ limit: 5 });
    const first = await list.firstPage();
    assert.equal(first.items.length, 5);
    assert.ok(first.nextCursor);
    const second = await list.page(first.nextCursor);
    assert.equal(second.items.length, 5);
    assert.equal(new Set([...first.items, ...second.items].map((m) => m.id)).size, 10);
    let pages = 0;
    for await (const page of client.martyrs.search({ limit: 100 }).pages()) {
      assert.ok(page.items.length <= 100);
      pages++;
    }
    assert.equal(pages, Math.ceil((await count()) / 100));
  });

  it('applies filters, serializing booleans and numbers into the query', async () => {
    const seeking: MartyrSummary[] = [];
    for await (const m of client.martyrs.search({ seekingRelatives: true, limit: 100 })) seeking.push(m);
    assert.equal(seeking.length, await count('seeking_relatives'));
    assert.ok(seeking.length > 0 && seeking.every((m) => m.seekingRelatives));

    const { rows } = await server.db.query<{ period: string }>('SELECT period FROM martyrs WHERE period IS NOT NULL LIMIT 1');
    const period = rows[0]!.period;
    const hits: MartyrSummary[] = [];
    for await (const m of client.martyrs.search({ period, deathYearFrom: 1900, deathYearTo: 2100, limit: 100 })) hits.push(m);
    assert.equal(hits.length, await count('period = $1 AND death_year BETWEEN 1900 AND 2100', [period]));
    assert.ok(hits.length > 0 && hits.every((m) => m.period === period && m.match?.reason === 'filter'));
  });

  it('finds a martyr by name, exact match first', async () => {
    const { rows } = await server.db.query<{ name: string }>("SELECT name FROM martyrs WHERE char_length(name) >= 2 ORDER BY id LIMIT 1");
    const name = rows[0]!.name;
    const page = await client.martyrs.search({ q: name }).firstPage();
    assert.equal(page.items[0]?.name, name);
    assert.equal(page.items[0]?.match?.reason, 'exact');
  });

  it('turns a refused query into MemorialHttpError with field issues', async () => {
    const err = await client.martyrs.search({ limit: 1000 }).firstPage().catch((e: unknown) => e);
    assert.ok(err instanceof MemorialHttpError, String(err));
    assert.equal(err.status, 400);
    assert.equal(err.code, 'validation_failed');
    assert.ok(err.issues?.some((i) => i.path === 'limit'), JSON.stringify(err.issues));
  });
});

describe('aborting', () => {
  it('rejects at once with the signal reason when already aborted, sending nothing', async () => {
    const counting = countingFetch();
    const c = createMemorialClient({ baseUrl: server.baseUrl, fetch: counting.fetch });
    const ac = new AbortController();
    ac.abort();
    const aborted = await c.martyrs.get(await someMartyrId(), { signal: ac.signal }).catch((e: unknown) => e);
    assert.ok(aborted instanceof DOMException);
    assert.equal(aborted.name, 'AbortError');
    assert.equal(aborted, ac.signal.reason);
    const post = await c.messages.post('sample-0001', { text: '缅怀' }, { signal: ac.signal }).catch((e: unknown) => e);
    assert.equal(post, ac.signal.reason);
    assert.equal(counting.urls.length, 0);
  });

  it('passes a mid-flight abort through as the signal reason (GET and POST)', async () => {
    const id = await someMartyrId();
    // Holds each response back long enough to abort while the request is in flight.
    const slow: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      await new Promise((r) => setTimeout(r, 200));
      return res;
    };
    const c = createMemorialClient({ baseUrl: server.baseUrl, fetch: slow });
    const reason = new Error('reader left the page');
    const ac = new AbortController();
    setTimeout(() => ac.abort(reason), 50);
    await assert.rejects(c.martyrs.get(id, { signal: ac.signal }), (e) => e === reason);

    const ac2 = new AbortController();
    setTimeout(() => ac2.abort(), 50);
    const err = await c.tributes.offer(id, { kind: 'flower', visitorId: 'visitor-abort-1' }, { signal: ac2.signal }).catch((e: unknown) => e);
    assert.ok(err instanceof DOMException && err.name === 'AbortError', String(err));
    assert.ok(!isMemorialError(err));
  });
});

describe('concurrent GET de-duplication', () => {
  it('sends one request for identical concurrent GETs and gives each caller its own copy', async () => {
    const id = await someMartyrId();
    const counting = countingFetch();
    const c = createMemorialClient({ baseUrl: server.baseUrl, fetch: counting.fetch });
    const results = await Promise.all([c.martyrs.get(id), c.martyrs.get(id), c.martyrs.get(id), c.tributes.summary(id)]);
    assert.equal(counting.urls.filter((u) => u.endsWith(`/martyrs/${id}`)).length, 1);
    assert.equal(counting.urls.length, 2, 'the different URL is fetched separately');
    assert.deepEqual(results[0], results[1]);
    assert.notEqual(results[0], results[1], 'callers must not share one mutable object');

    await c.martyrs.get(id);
    assert.equal(counting.urls.length, 3, 'nothing is cached after the request settles');
  });

  it('lets one caller abort without aborting the others', async () => {
    const id = await someMartyrId();
    const counting = countingFetch();
    const slow: typeof fetch = async (input, init) => {
      const res = await counting.fetch(input, init);
      await new Promise((r) => setTimeout(r, 150));
      return res;
    };
    const c = createMemorialClient({ baseUrl: server.baseUrl, fetch: slow });
    const ac = new AbortController();
    const leaving = c.martyrs.get(id, { signal: ac.signal });
    const staying = c.martyrs.get(id, { signal: new AbortController().signal });
    const noSignal = c.martyrs.get(id);
    setTimeout(() => ac.abort(), 20);
    await assert.rejects(leaving, (e) => e instanceof DOMException && e.name === 'AbortError');
    assert.equal((await staying).id, id);
    assert.equal((await noSignal).id, id);
    assert.equal(counting.urls.length, 1);
  });

  it('aborts the shared request when every caller has left, and a newcomer starts afresh', async () => {
    const id = await someMartyrId();
    let aborted = 0;
    let calls = 0;
    const watching: typeof fetch = async (input, init) => {
      calls++;
      const signal = input instanceof Request ? input.signal : init?.signal;
      signal?.addEventListener('abort', () => aborted++);
      await new Promise((r) => setTimeout(r, 100));
      return fetch(input, init);
    };
    const c = createMemorialClient({ baseUrl: server.baseUrl, fetch: watching });
    const a = new AbortController();
    const b = new AbortController();
    const pa = c.martyrs.get(id, { signal: a.signal });
    const pb = c.martyrs.get(id, { signal: b.signal });
    a.abort();
    await assert.rejects(pa);
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(aborted, 0, 'one caller is still waiting');
    b.abort();
    await assert.rejects(pb);
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(aborted, 1, 'the request is abandoned once nobody waits for it');
    assert.equal((await c.martyrs.get(id)).id, id);
    assert.equal(calls, 2);
  });
});
