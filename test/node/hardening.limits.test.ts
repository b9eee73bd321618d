// Abuse limits (issue 7, item 6): every write in the route table is rate limited (429 with
// Retry-After), refuses bodies over the limit (413) and JSON nested deeper than 32 levels (400);
// the admin token check refuses near-misses; MEMORIAL_RATE_LIMIT configures the limit; the
// server's own pages (index, /demo, /docs, /dist) carry a strict Content-Security-Policy and
// the other security headers, the demo pages use no inline script or style, and the built
// browser files may be loaded by host pages on other origins.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { routes, type RouteDef } from '../../src/contract/index.js';
import { createApp } from '../../server/app.js';
import { rateLimitFromEnv } from '../../server/config.js';
import { DEFAULT_WORDS_FILE, loadWordList } from '../../server/moderation/sensitive-words.js';
import { mountSite, SITE_CSP } from '../../server/site.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const BODY_LIMIT = 64 * 1024;
const writes = (Object.entries(routes) as [string, RouteDef][]).filter(([, r]) => r.method !== 'GET');
// Tributes and minting answer from budgets of their own (issue 16: counted false, test/node/fair-limits.test.ts).
const OWN_BUDGET = new Set(['offerTribute', 'mintVisitor']);
const pathOf = (r: RouteDef) => r.path.replace('{reference}', 'L20240101-AAAAAA').replace(/\{\w+\}/g, 'sample-0001');

let server: TestServer;
/** The same database behind a second app with a tight rate limit and the site mounted, as main.ts does. */
let site: { baseUrl: string; close(): Promise<void> };

before(async () => {
  server = await startTestServer({ seed: false });
  const app = createApp({
    db: server.db,
    dataKey: randomBytes(32),
    now: () => new Date(),
    bodyLimit: BODY_LIMIT,
    words: loadWordList(fileURLToPath(DEFAULT_WORDS_FILE)),
    rateLimit: { burst: 1, perSecond: 0.01 },
  });
  mountSite(app, repoRoot);
  const http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => http.once('listening', () => resolve()));
  site = {
    baseUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
});
after(async () => {
  await site?.close();
  await server?.close();
});

describe('rate limits on every write', () => {
  it(`answers each of the ${writes.length} write routes with 429 and Retry-After once the client is over its limit`, async () => {
    const auth = { authorization: `Bearer ${server.adminToken}` };
    // The first write spends the burst of 1; every write after it, on any route, is limited.
    await call(site, 'POST', '/campaigns/qingming-2024/events', { json: { type: 'impression', origin: 'https://x.gov.cn', path: '/' } });
    for (const [name, route] of writes.filter(([n]) => !OWN_BUDGET.has(n))) {
      const res = await call(site, route.method, pathOf(route), { json: {}, headers: route.admin ? auth : {} });
      assert.equal(res.status, 429, `${name}: ${res.status} ${JSON.stringify(res.body)}`);
      assert.equal(res.body.code, 'rate_limited');
      assert.match(res.headers.get('retry-after') ?? '', /^[1-9]\d*$/, `${name} says when to come back`);
    }
    const read = await call(site, 'GET', '/campaigns');
    assert.equal(read.status, 200, 'reads are not limited');
  });

  it('MEMORIAL_RATE_LIMIT: default 300:5, `off`, or BURST:PER_SECOND; anything else stops the server', () => {
    assert.deepEqual(rateLimitFromEnv(undefined), { burst: 300, perSecond: 5 });
    assert.deepEqual(rateLimitFromEnv(''), { burst: 300, perSecond: 5 });
    assert.equal(rateLimitFromEnv('off'), null);
    assert.deepEqual(rateLimitFromEnv('20:0.5'), { burst: 20, perSecond: 0.5 });
    for (const bad of ['on', '0:1', '10:0', '10', '-1:1', '10:1:1', 'x:y']) {
      assert.throws(() => rateLimitFromEnv(bad), /MEMORIAL_RATE_LIMIT/, bad);
    }
  });
});

describe('body size and JSON depth limits on every write with a body', () => {
  const withBody = writes.filter(([, r]) => r.body);

  it('refuses a body one byte over the limit with 413, and never reads it into a handler', async () => {
    for (const [name, route] of withBody) {
      const body = JSON.stringify({ text: 'x'.repeat(BODY_LIMIT - 10) }); // 64 KiB + 1
      assert.equal(Buffer.byteLength(body), BODY_LIMIT + 1);
      const res = await call(server, route.method, pathOf(route), { body, headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` } });
      assert.equal(res.status, 413, `${name}: ${res.status}`);
      assert.equal(res.body.code, 'payload_too_large');
    }
  });

  it('lets a body of exactly the limit through to validation', async () => {
    const [, route] = withBody.find(([n]) => n === 'postMessage')!;
    const body = JSON.stringify({ text: 'x'.repeat(BODY_LIMIT - 11) });
    assert.equal(Buffer.byteLength(body), BODY_LIMIT);
    const res = await call(server, route.method, pathOf(route), { body, headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 400, 'validated (too long a message), not refused for size');
    assert.equal(res.body.code, 'validation_failed');
  });

  it('refuses JSON nested deeper than 32 levels with 400 invalid_json', async () => {
    const nest = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    for (const [name, route] of withBody) {
      const res = await call(server, route.method, pathOf(route), { body: nest(33), headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` } });
      assert.equal(res.status, 400, name);
      assert.equal(res.body.code, 'invalid_json', name);
      assert.match(res.body.message, /deeper than 32/);
      const ok = await call(server, route.method, pathOf(route), { body: nest(32), headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` } });
      assert.notEqual(ok.body.code, 'invalid_json', `${name}: 32 levels is still JSON we read`);
    }
  });
});

describe('admin token', () => {
  it('refuses every near miss of a staff API token: prefix, one more character, one character changed, other case, other scheme', async () => {
    const token = server.adminToken;
    const status = async (authorization?: string) =>
      (await call(server, 'GET', '/admin/audit', { headers: authorization === undefined ? {} : { authorization } })).status;
    assert.equal(await status(`Bearer ${token}`), 200);
    for (const wrong of [
      undefined, '', 'Bearer', 'Bearer ', `Bearer ${token.slice(0, -1)}`, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}Z`,
      `Bearer ${token.toUpperCase()}`, `bearer ${token}`, `Basic ${token}`, token, 'Bearer x'.repeat(1000),
    ]) {
      assert.equal(await status(wrong), 401, JSON.stringify(wrong)?.slice(0, 60));
    }
    // Tokens are looked up by their SHA-256 digest, so no comparison runs over the secret itself;
    // the break-glass token is compared as digests through timingSafeEqual.
    const source = readFileSync(join(repoRoot, 'server/staff/secrets.ts'), 'utf8');
    assert.match(source, /timingSafeEqual\(createHash\('sha256'\)\.update\(a\)\.digest\(\), createHash\('sha256'\)\.update\(b\)\.digest\(\)\)/);
  });
});

describe("security headers on the server's own pages", () => {
  const pages = ['/', ...readdirSync(join(repoRoot, 'demo')).filter((f) => f.endsWith('.html')).map((f) => `/demo/${f}`)];
  const docs = readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.md'));

  it(`sends the strict CSP and friends with the index, every demo page${docs.length ? ' and the docs' : ''}`, async () => {
    assert.equal(
      SITE_CSP,
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
    );
    for (const page of [...pages, ...docs.map((f) => `/docs/${f}`)]) {
      const res = await fetch(`${site.baseUrl}${page}`);
      await res.arrayBuffer();
      assert.equal(res.status, 200, page);
      assert.equal(res.headers.get('content-security-policy'), SITE_CSP, page);
      assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN', page);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', page);
      assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', page);
    }
    const api = await fetch(`${site.baseUrl}/api/v1/health`);
    assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
  });

  it('serves the built browser files to other origins (module scripts are fetched with CORS)', { skip: existsSync(join(repoRoot, 'dist/cdn/memorial-elements.min.js')) ? false : 'dist/ is not built' }, async () => {
    const res = await fetch(`${site.baseUrl}/dist/cdn/memorial-elements.min.js`, { headers: { origin: 'https://www.example.gov.cn' } });
    await res.arrayBuffer();
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
  });

  it('the demo pages use no inline script, inline style, style attribute or event-handler attribute (they would break under the CSP)', () => {
    const broken: string[] = [];
    for (const file of readdirSync(join(repoRoot, 'demo')).filter((f) => /\.(html|js|ts)$/.test(f))) {
      const text = readFileSync(join(repoRoot, 'demo', file), 'utf8');
      const isHtml = file.endsWith('.html');
      const checks: [string, RegExp][] = [
        ['inline <script>', /<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i],
        ['<style> element', /<style[\s>]/i],
        ['style="…" attribute', /<[a-z][^>]*\sstyle\s*=/i],
        ['on…= event handler attribute', /<[a-z][^>]*\son[a-z]+\s*=/i],
        ['javascript: URL', /(href|src|action)\s*=\s*["']?\s*javascript:/i],
      ];
      for (const [what, re] of checks) if ((isHtml || what !== 'inline <script>') && re.test(text)) broken.push(`demo/${file}: ${what}`);
      if (!isHtml && /\bnew\s+Function\b|(?<![\w$.])eval\s*\(/.test(text)) broken.push(`demo/${file}: eval or new Function`);
    }
    assert.deepEqual(broken, []);
  });
});
