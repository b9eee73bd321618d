// The SDK's fetch-only GET (src/sdk/get-json.ts), the campaign banner's way to the API: the same
// answers as the client against the real server, and the same retry and error rules
// (retry-policy.ts, http-error.ts). A fake `fetch` only for answers the real server cannot give.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { getCampaign } from '../../src/contract/routes.public.js';
import { CAMPAIGN_PATH, getCampaignLean } from '../../src/sdk/campaign-lean.js';
import { apiRoot } from '../../src/sdk/base-url.js';
import { createMemorialClient, MemorialHttpError, MemorialNetworkError, MemorialValidationError } from '../../src/sdk/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
const realFetch = globalThis.fetch;
before(async () => {
  server = await startTestServer();
});
afterEach(() => {
  globalThis.fetch = realFetch;
});
after(() => server.close());

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** Answers from `answers` in turn, counting the calls. */
function scripted(...answers: (() => Response)[]): { calls: () => number } {
  let n = 0;
  globalThis.fetch = (async () => {
    const answer = answers[Math.min(n++, answers.length - 1)]!;
    return answer();
  }) as typeof fetch;
  return { calls: () => n };
}

describe('getCampaignLean (the banner without ky or zod)', () => {
  it('uses the contract route table path', () => {
    assert.equal(CAMPAIGN_PATH, getCampaign.path);
  });

  it('returns what the client returns, for a slug and for current', async () => {
    const client = createMemorialClient({ baseUrl: server.baseUrl });
    const root = apiRoot(server.baseUrl);
    assert.deepEqual(await getCampaignLean(root, 'qingming-2020'), await client.campaigns.get('qingming-2020'));
    server.setNow(new Date('2020-03-01T02:00:00Z'));
    try {
      assert.deepEqual(await getCampaignLean(root, 'current'), await client.campaigns.get('current'));
    } finally {
      server.setNow(undefined);
    }
  });

  it('maps a 404 as the client does, and never sends a malformed id', async () => {
    const root = apiRoot(server.baseUrl);
    const client = createMemorialClient({ baseUrl: server.baseUrl });
    const lean = await getCampaignLean(root, 'qingming-1900').catch((e: unknown) => e);
    const sdk = await client.campaigns.get('qingming-1900').catch((e: unknown) => e);
    assert.ok(lean instanceof MemorialHttpError && sdk instanceof MemorialHttpError);
    assert.deepEqual([lean.status, lean.code, lean.serverMessage], [sdk.status, sdk.code, sdk.serverMessage]);
    await assert.rejects(getCampaignLean(root, '../admin'), TypeError);
  });

  it('retries a 503 and a network error by the SDK rules, then succeeds', async () => {
    const campaign = await getCampaignLean(apiRoot(server.baseUrl), 'qingming-2020');
    const fake = scripted(
      () => json({ code: 'unavailable', message: 'busy' }, 503),
      () => {
        throw new TypeError('fetch failed');
      },
      () => json(campaign),
    );
    assert.deepEqual(await getCampaignLean('http://api.test/api/v1/', 'qingming-2020'), campaign);
    assert.equal(fake.calls(), 3);
  });

  it('keeps the 429 code and Retry-After, and fails at once past the 30 s limit', async () => {
    const fake = scripted(() => json({ code: 'rate_limited', message: 'Slow down', requestId: 'req-1' }, 429, { 'retry-after': '3600' }));
    const err = await getCampaignLean('http://api.test/api/v1/', 'qingming-2020').catch((e: unknown) => e);
    assert.ok(err instanceof MemorialHttpError, String(err));
    assert.deepEqual([err.status, err.code, err.retryAfter, err.requestId], [429, 'rate_limited', 3600, 'req-1']);
    assert.equal(fake.calls(), 1);
  });

  it('gives up after the retry limit with a network error, and refuses a campaign that breaks the contract', async () => {
    const fake = scripted(() => {
      throw new TypeError('fetch failed');
    });
    await assert.rejects(getCampaignLean('http://api.test/api/v1/', 'x', { retryLimit: 1 }), MemorialNetworkError);
    assert.equal(fake.calls(), 2);
    scripted(() => json({ id: 'evil', kind: 'qingming', title: 'x', theme: null, startDate: '2020-01-01', endDate: '2020-01-02', url: 'javascript:alert(1)', partnerLinks: [] }));
    await assert.rejects(getCampaignLean('http://api.test/api/v1/', 'evil'), (e) => e instanceof MemorialValidationError && e.issues.some((i) => i.path === 'url'));
  });
});
