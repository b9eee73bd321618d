// Reads a CDN or reverse proxy can keep (issue 16): tribute summaries and martyr records carry a
// strong ETag and `Cache-Control: public, max-age`, and answer 304 to a matching If-None-Match;
// a tribute changes the summary's ETag at once on the process that took it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Martyr, TributeSummary } from '../../src/contract/index.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}/api/v1${path}`, { headers });
const STRONG = /^"[A-Za-z0-9_-]{27}"$/;

describe('cacheable reads', () => {
  it('a tribute summary: strong ETag, public max-age of a few seconds, 304 on revalidation', async () => {
    const first = await get('/martyrs/sample-0071/tributes');
    assert.equal(first.status, 200);
    TributeSummary.parse(await first.json());
    const etag = first.headers.get('etag')!;
    assert.match(etag, STRONG);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=5');
    assert.match(first.headers.get('content-type') ?? '', /^application\/json/);

    const again = await get('/martyrs/sample-0071/tributes', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('etag'), etag);
    const listed = await get('/martyrs/sample-0071/tributes', { 'if-none-match': `"other", ${etag}` });
    assert.equal(listed.status, 304, 'a list of ETags that contains it');
    const stale = await get('/martyrs/sample-0071/tributes', { 'if-none-match': '"not-this-one"' });
    assert.equal(stale.status, 200);
  });

  it('a tribute changes the representation: the old ETag no longer matches', async () => {
    const before = await get('/martyrs/sample-0072/tributes');
    const etag = before.headers.get('etag')!;
    const offered = await call(server, 'POST', '/martyrs/sample-0072/tributes', { json: { kind: 'flower', visitorId: randomBytes(12).toString('base64url') } });
    assert.equal(offered.status, 201);
    const after = await get('/martyrs/sample-0072/tributes', { 'if-none-match': etag });
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.get('etag'), etag);
    assert.equal(TributeSummary.parse(await after.json()).total.flower, 1);
  });

  it("a summary naming a visitor is the browser's alone: private, revalidated every time", async () => {
    const res = await get(`/martyrs/sample-0071/tributes?visitorId=${randomBytes(12).toString('base64url')}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'private, no-cache');
    assert.match(res.headers.get('etag') ?? '', STRONG);
    assert.deepEqual(TributeSummary.parse(await res.json()).offeredToday, []);
  });

  it("a martyr's record: strong ETag, public max-age, 304; an unknown martyr is still a 404", async () => {
    const first = await get('/martyrs/sample-0073');
    assert.equal(first.status, 200);
    Martyr.parse(await first.json());
    const etag = first.headers.get('etag')!;
    assert.match(etag, STRONG);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=60');
    assert.equal((await get('/martyrs/sample-0073', { 'if-none-match': etag })).status, 304);
    const missing = await get('/martyrs/no-such-martyr/tributes');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('cache-control'), null);
  });
});
