/**
 * Bureau staff run the calendar through the admin API (issue 18): a day of remembrance added once
 * as a rule, a year's notice entered as that year's override, a rule ended; bad input refused
 * with nothing written; beacons and embed reports for computed campaigns.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CampaignOverride, CampaignRuleList, CampaignRuleWithOverrides, type CampaignRuleInput } from '../../src/contract/index.js';
import { createMemorialAdminClient, createMemorialClient } from '../../src/sdk/index.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let auth: Record<string, string>;
before(async () => {
  server = await startTestServer({ seed: false, campaignHosts: ['www.example-county.gov.cn'] });
  auth = { authorization: `Bearer ${server.adminToken}` };
});
after(() => server.close());

const ARMY_DAY: CampaignRuleInput = {
  id: 'army-day',
  kind: 'army-day',
  title: '{year}年八一建军节',
  anchor: '08-01',
  daysBefore: 2,
  daysAfter: 0,
  url: 'https://www.example-county.gov.cn/tyjrswj/',
  partnerLinks: [],
  label: { 'zh-Hans': '致敬最可爱的人', 'zh-Hant': '致敬最可愛的人', en: 'Saluting those who serve' },
  tone: null,
  firstYear: 2027,
  lastYear: null,
};

const at = (iso: string) => server.setNow(new Date(iso));

describe('admin: campaign rules', () => {
  it('lists the seeded rules with their overrides', async () => {
    const res = await call(server, 'GET', '/admin/campaign-rules', { headers: auth });
    assert.equal(res.status, 200);
    const { items } = CampaignRuleList.parse(res.body);
    assert.deepEqual(items.map((r) => r.id), ['martyrs-day', 'memorial-day', 'qingming', 'victory-day']);
    const qingming = items.find((r) => r.id === 'qingming')!;
    assert.deepEqual(qingming.overrides.map((o) => [o.year, o.theme]), [
      [2019, '传承'], [2020, '致敬'], [2021, '守护'], [2022, '奋进'], [2023, '崇尚'], [2024, '铸魂'], [2025, '赓续'],
    ]);
    assert.equal((await call(server, 'GET', '/admin/campaign-rules')).status, 401);
  });

  it('a rule added once makes a campaign every year, with its own label; the kind gives the tone', async () => {
    const res = await call(server, 'POST', '/admin/campaign-rules', { json: ARMY_DAY, headers: auth });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(CampaignRuleWithOverrides.parse(res.body).overrides, []);
    assert.equal((await call(server, 'POST', '/admin/campaign-rules', { json: ARMY_DAY, headers: auth })).status, 409);
    at('2031-07-30T09:00:00+08:00');
    const current = await call(server, 'GET', '/campaigns/current');
    assert.equal(current.body.id, 'army-day-2031');
    assert.deepEqual([current.body.startDate, current.body.endDate, current.body.title], ['2031-07-30', '2031-08-01', '2031年八一建军节']);
    assert.equal(current.body.label['zh-Hans'], '致敬最可爱的人');
    assert.equal(current.body.tone, 'honour');
    at('2026-07-30T09:00:00+08:00');
    assert.equal((await call(server, 'GET', '/campaigns/current')).status, 404, 'the rule starts in 2027');
    assert.equal((await call(server, 'GET', '/campaigns/army-day-2026')).status, 404);
    const audit = await call(server, 'GET', '/admin/audit', { headers: auth });
    assert.ok(audit.body.items.some((e: { action: string; actor: string; subject: string }) => e.action === 'campaign-rule.create' && e.subject === 'army-day' && e.actor === 'admin'));
  });

  it("a year's notice overrides title, theme, exact dates and column for that year only", async () => {
    const notice = { theme: '奋斗', startDate: '2027-03-01', endDate: '2027-04-30', url: 'https://www.chinamartyrs.gov.cn/2027/', source: '2027年清明祭英烈通知' };
    const res = await call(server, 'PUT', '/admin/campaign-rules/qingming/years/2027', { json: notice, headers: auth });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(CampaignOverride.parse(res.body).theme, '奋斗');
    const c = (await call(server, 'GET', '/campaigns/qingming-2027')).body;
    assert.deepEqual([c.title, c.theme, c.startDate, c.endDate, c.url], ['奋斗·2027清明祭英烈', '奋斗', '2027-03-01', '2027-04-30', notice.url]);
    // the next year still follows the rule
    const c28 = (await call(server, 'GET', '/campaigns/qingming-2028')).body;
    assert.deepEqual([c28.title, c28.theme, c28.url], ['2028清明祭英烈', null, 'https://www.chinamartyrs.gov.cn/']);
    // a full title from the notice wins over theme·title
    await call(server, 'PUT', '/admin/campaign-rules/qingming/years/2027', { json: { ...notice, title: '奋斗·2027年“清明祭英烈”' }, headers: auth });
    assert.equal((await call(server, 'GET', '/campaigns/qingming-2027')).body.title, '奋斗·2027年“清明祭英烈”');
    // removing the override gives the rule's campaign back
    assert.equal((await call(server, 'DELETE', '/admin/campaign-rules/qingming/years/2027', { headers: auth })).status, 200);
    assert.equal((await call(server, 'DELETE', '/admin/campaign-rules/qingming/years/2027', { headers: auth })).status, 404);
    const back = (await call(server, 'GET', '/campaigns/qingming-2027')).body;
    assert.deepEqual([back.title, back.startDate, back.endDate], ['2027清明祭英烈', '2027-02-10', '2027-04-11']);
  });

  it('refuses an override that leaves no window, or a year outside the rule, and writes nothing', async () => {
    const before = (await call(server, 'GET', '/campaigns/qingming-2029')).body;
    const inverted = await call(server, 'PUT', '/admin/campaign-rules/qingming/years/2029', { json: { endDate: '2029-01-01' }, headers: auth });
    assert.equal(inverted.status, 400);
    assert.equal(inverted.body.code, 'validation_failed');
    assert.equal(inverted.body.issues[0].path, 'endDate');
    assert.deepEqual((await call(server, 'GET', '/campaigns/qingming-2029')).body, before, 'nothing written');
    const outside = await call(server, 'PUT', '/admin/campaign-rules/army-day/years/2026', { json: { theme: '强军' }, headers: auth });
    assert.equal(outside.status, 400);
    assert.equal(outside.body.issues[0].path, 'year');
    const unknown = await call(server, 'PUT', '/admin/campaign-rules/no-such/years/2027', { json: { theme: 'x' }, headers: auth });
    assert.equal(unknown.status, 404);
    const rules = CampaignRuleList.parse((await call(server, 'GET', '/admin/campaign-rules', { headers: auth })).body).items;
    assert.equal(rules.find((r) => r.id === 'army-day')?.overrides.length, 0);
    for (const bad of [{ anchor: '02-29' }, { anchor: 'easter' }, { id: 'day-2027' }, { daysBefore: -1 }, { lastYear: 2020 }, { title: '题'.repeat(60) }]) {
      const res = await call(server, 'POST', '/admin/campaign-rules', { json: { ...ARMY_DAY, id: 'other-day', ...bad }, headers: auth });
      assert.equal(res.status, 400, JSON.stringify(bad));
      assert.equal(res.body.code, 'validation_failed');
    }
  });

  it('a rule ended with lastYear makes no campaign after it', async () => {
    const res = await call(server, 'PUT', '/admin/campaign-rules/army-day', { json: { ...ARMY_DAY, lastYear: 2030 }, headers: auth });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal((await call(server, 'GET', '/campaigns/army-day-2030')).status, 200);
    assert.equal((await call(server, 'GET', '/campaigns/army-day-2031')).status, 404);
    at('2031-07-20T09:00:00+08:00');
    assert.equal((await call(server, 'GET', '/campaigns/next')).body.id, 'victory-day-2031');
    const mismatch = await call(server, 'PUT', '/admin/campaign-rules/army-day', { json: { ...ARMY_DAY, id: 'qingming' }, headers: auth });
    assert.equal(mismatch.status, 400);
  });

  it("a one-off campaign cannot take a rule's id; replacing a rule's campaign sets that year's override", async () => {
    const oneOff = { id: 'qingming-2030', kind: 'qingming', title: '2030清明祭英烈', theme: null, startDate: '2030-03-01', endDate: '2030-04-10', url: 'https://www.chinamartyrs.gov.cn/', partnerLinks: [] };
    const res = await call(server, 'POST', '/admin/campaigns', { json: oneOff, headers: auth });
    assert.equal(res.status, 409);
    assert.match(res.body.message, /use PUT/);
    const wrongKind = await call(server, 'PUT', '/admin/campaigns/qingming-2030', { json: { ...oneOff, kind: 'other' }, headers: auth });
    assert.deepEqual([wrongKind.status, wrongKind.body.issues?.[0]?.path], [400, 'kind']);
    const put = await call(server, 'PUT', '/admin/campaigns/qingming-2030', { json: oneOff, headers: auth });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual([put.body.startDate, put.body.endDate, put.body.label['zh-Hans']], ['2030-03-01', '2030-04-10', '缅怀英烈']);
    const rules = CampaignRuleList.parse((await call(server, 'GET', '/admin/campaign-rules', { headers: auth })).body).items;
    assert.deepEqual(rules.find((r) => r.id === 'qingming')?.overrides.find((o) => o.year === 2030)?.startDate, '2030-03-01');
    assert.equal((await call(server, 'GET', '/campaigns/qingming-2030')).body.startDate, '2030-03-01');
    // a one-off of its own id sits in the calendar beside the rules
    const own = { ...oneOff, id: 'county-heroes-2030', kind: 'other', title: '本县英烈事迹展' };
    assert.equal((await call(server, 'POST', '/admin/campaigns', { json: own, headers: auth })).status, 201);
    at('2030-03-05T09:00:00+08:00');
    const active = (await call(server, 'GET', '/campaigns?activeAt=now')).body.items.map((c: { id: string }) => c.id);
    assert.deepEqual(active, ['county-heroes-2030', 'qingming-2030']);
    assert.equal((await call(server, 'GET', '/campaigns/current')).body.id, 'county-heroes-2030', 'the most recently started');
  });

  it('records beacons for a computed campaign and reports its embeds', async () => {
    const event = { type: 'impression', origin: 'https://www.example-county.gov.cn', path: '/index.html' };
    // counted only inside the campaign's window and from a page on the host it names (issue 17)
    at('2088-03-20T09:00:00+08:00');
    const beacon = (id: string) => call(server, 'POST', `/campaigns/${id}/events`, { json: event, headers: { origin: event.origin } });
    const first = await beacon('qingming-2088');
    assert.deepEqual([first.status, first.body.recorded], [202, true]);
    assert.equal((await beacon('qingming-2201')).status, 404);
    const report = await call(server, 'GET', '/campaigns/qingming-2088/embeds', { headers: auth });
    assert.deepEqual(report.body.items.map((i: { origin: string; impressions: number }) => [i.origin, i.impressions]), [[event.origin, 1]]);
    assert.equal((await call(server, 'GET', '/campaigns/nothing-2088/embeds', { headers: auth })).status, 404);
  });

  it('the SDK: campaigns.current() and campaigns.next(), with the day’s label and tone; the admin client’s rules', async () => {
    const client = createMemorialClient({ baseUrl: server.baseUrl });
    at('2040-12-13T09:00:00+08:00');
    const current = await client.campaigns.current();
    assert.deepEqual([current.id, current.tone, current.label?.['zh-Hans']], ['memorial-day-2040', 'mourning', '悼念死难同胞']);
    const next = await client.campaigns.next();
    assert.deepEqual([next.id, next.tone, next.label?.en], ['qingming-2041', 'honour', 'Honouring the martyrs']);
    at('2040-12-14T09:00:00+08:00');
    await assert.rejects(client.campaigns.current(), (e: unknown) => (e as { status?: number }).status === 404);
    const admin = createMemorialAdminClient({ baseUrl: server.baseUrl, token: server.adminToken });
    const seen = await admin.campaigns.embeds('qingming-2088');
    assert.equal(seen.items.length, 1);
    // the admin client's rules and overrides
    assert.ok((await admin.campaignRules.list()).some((r) => r.id === 'army-day'));
    assert.equal((await admin.campaignRules.setYear('qingming', 2033, { theme: '铭记' })).theme, '铭记');
    assert.equal((await client.campaigns.get('qingming-2033')).title, '铭记·2033清明祭英烈');
    await admin.campaignRules.clearYear('qingming', 2033);
    assert.equal((await client.campaigns.get('qingming-2033')).title, '2033清明祭英烈');
    const ended = await admin.campaignRules.update({ ...ARMY_DAY, lastYear: 2029 });
    assert.equal(ended.lastYear, 2029);
  });
});
