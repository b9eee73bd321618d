/**
 * Issue 17, item 7: campaign links are the national platform or a configured host, https,
 * without userinfo or lookalikes, normalized before they are stored. The same pure function
 * runs in the banner (src/elements/campaign-banner), which then shows its light-DOM link.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkCampaignLink } from '../../src/contract/index.js';
import { campaignHostsFromEnv } from '../../server/config.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const REFUSED = [
  'https://www.chinamartyrs.gov.cn@evil.example/',
  'https://user:pw@www.chinamartyrs.gov.cn/',
  'https://www.chinamartyrs.gov.cn.evil.example/',
  'https://www.chinamartyrs.g\u043ev.cn/', // Cyrillic о
  'https://www.chinamartyrs.gov.cn\u200b/', // zero-width space
  'https:evil.example',
  'https:/www.chinamartyrs.gov.cn/',
  'https:\\\\www.chinamartyrs.gov.cn\\',
  'http://www.chinamartyrs.gov.cn/',
  'HTTP://www.chinamartyrs.gov.cn/',
  'javascript:alert(1)',
  'https://www.chinamartyrs.gov.cn:8443/',
  ' https://www.chinamartyrs.gov.cn/',
  'https://xn--www-chinamartyrs-gov-cn.example/',
  'https://127.0.0.1/',
  'https://evil.example/https://www.chinamartyrs.gov.cn/',
];

describe('security: campaign link allowlist (pure function)', () => {
  it('refuses every lookalike from the review', () => {
    assert.deepEqual(REFUSED.filter((u) => checkCampaignLink(u, ['www.example.gov.cn']).ok), []);
  });

  it('accepts the national platform and configured hosts, normalized', () => {
    assert.deepEqual(checkCampaignLink('https://WWW.ChinaMartyrs.gov.cn./qm/../2026/?a=1#x'), { ok: true, url: 'https://www.chinamartyrs.gov.cn/2026/?a=1#x' });
    assert.deepEqual(checkCampaignLink('https://www.chinamartyrs.gov.cn:443/'), { ok: true, url: 'https://www.chinamartyrs.gov.cn/' });
    assert.equal(checkCampaignLink('https://www.example.gov.cn/zt/', ['www.example.gov.cn']).ok, true);
    assert.equal(checkCampaignLink('https://www.example.gov.cn/zt/').ok, false, 'a host only when configured');
    const han = checkCampaignLink('https://英烈.中国/', ['英烈.中国']);
    assert.equal(han.ok, true, 'a single-script Han IDN host may be configured');
  });

  it('refuses a configured host in mixed scripts at start-up', () => {
    assert.throws(() => campaignHostsFromEnv('www.ex\u0430mple.gov.cn'), /MEMORIAL_CAMPAIGN_HOSTS/);
    assert.deepEqual(campaignHostsFromEnv(' WWW.Example.gov.cn , 英烈.中国'), ['www.example.gov.cn', new URL('https://英烈.中国/').hostname]);
  });
});

describe('security: campaign links on the server', () => {
  let server: TestServer;
  let admin: Record<string, string>;
  before(async () => {
    server = await startTestServer({ campaignHosts: ['www.example.gov.cn'] });
    admin = { authorization: `Bearer ${server.adminToken}` };
  });
  after(() => server.close());
  const campaign = (url: string, partner = 'https://www.chinamartyrs.gov.cn/') => ({
    id: `links-${Math.random().toString(36).slice(2, 8)}`, kind: 'other', title: '测试', theme: null,
    startDate: '2030-01-01', endDate: '2030-01-02', url, partnerLinks: [{ title: '伙伴', url: partner }],
  });

  it('refuses a lookalike main or partner link with the field named', async () => {
    const main = await call(server, 'POST', '/admin/campaigns', { json: campaign('https://www.chinamartyrs.gov.cn@evil.example/'), headers: admin });
    assert.equal(main.status, 400);
    assert.equal(main.body.issues[0].path, 'url');
    const partner = await call(server, 'POST', '/admin/campaigns', { json: campaign('https://www.chinamartyrs.gov.cn/', 'http://www.example.gov.cn/'), headers: admin });
    assert.equal(partner.status, 400);
    assert.equal(partner.body.issues[0].path, 'partnerLinks.0.url');
  });

  it('stores the normalized form', async () => {
    const res = await call(server, 'POST', '/admin/campaigns', { json: campaign('https://WWW.CHINAMARTYRS.GOV.CN:443/a/./b', 'https://www.Example.gov.cn./'), headers: admin });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.url, 'https://www.chinamartyrs.gov.cn/a/b');
    assert.equal(res.body.partnerLinks[0].url, 'https://www.example.gov.cn/');
  });
});
