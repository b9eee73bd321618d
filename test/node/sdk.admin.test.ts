import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMemorialAdminClient, createMemorialClient, MemorialHttpError } from '../../src/sdk/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

describe('admin client', () => {
  it('moderates through the real server: queue, approve, reject, delete, audit with the actor', async () => {
    const pub = createMemorialClient({ baseUrl: server.baseUrl });
    const admin = createMemorialAdminClient({ baseUrl: server.baseUrl, token: server.adminToken, actor: '李编辑' });
    const a = await pub.messages.post('sample-0040', { text: '英雄永垂不朽' });
    const b = await pub.messages.post('sample-0040', { text: '请加微信领取' });
    const queue = [];
    for await (const m of admin.messages.list()) queue.push(m);
    assert.deepEqual(queue.map((m) => m.id).sort(), [a.id, b.id].sort());
    assert.match(queue.find((m) => m.id === b.id)!.reason ?? '', /加微信/);
    await admin.messages.approve(a.id);
    await admin.messages.reject(b.id, { reason: '广告' });
    const wall = await pub.messages.list('sample-0040').firstPage();
    assert.deepEqual(wall.items.map((m) => m.text), ['英雄永垂不朽']);
    await admin.messages.delete(a.id);
    assert.equal((await pub.messages.list('sample-0040').firstPage()).items.length, 0);
    const log = [];
    for await (const e of admin.audit()) log.push(e);
    assert.deepEqual(log.map((e) => e.action), ['message.delete', 'message.reject', 'message.approve']);
    assert.ok(log.every((e) => e.actor === 'admin'));
  });

  it('reads the embed report and edits the calendar; a wrong token is a 401 MemorialHttpError', async () => {
    const pub = createMemorialClient({ baseUrl: server.baseUrl });
    const admin = createMemorialAdminClient({ baseUrl: server.baseUrl, token: server.adminToken });
    server.setNow(new Date('2024-04-01T02:00:00Z')); // inside qingming-2024
    const origin = 'https://www.b-county.gov.cn';
    const onHost = createMemorialClient({ baseUrl: server.baseUrl, fetch: (input, init) => {
      const req = new Request(input, init);
      req.headers.set('origin', origin);
      return fetch(req);
    } });
    await onHost.campaigns.record('qingming-2024', { type: 'impression', origin, path: '/' });
    server.setNow(undefined);
    const report = await admin.campaigns.embeds('qingming-2024');
    assert.deepEqual(report.items.map((s) => [s.origin, s.impressions]), [['https://www.b-county.gov.cn', 1]]);
    const c = await pub.campaigns.get('qingming-2024');
    const updated = await admin.campaigns.update({ ...c, partnerLinks: [{ title: '中华英烈网', url: 'https://www.chinamartyrs.gov.cn/' }] });
    assert.equal(updated.partnerLinks.length, 1);
    const wrong = createMemorialAdminClient({ baseUrl: server.baseUrl, token: 'nope', retry: 0 });
    await assert.rejects(wrong.campaigns.embeds('qingming-2024'), (e: unknown) => e instanceof MemorialHttpError && e.status === 401 && e.code === 'unauthorized');
  });

  it('works relative casework: leads and family searches paged with for await, reveal, matches, confirm, close', async () => {
    const pub = createMemorialClient({ baseUrl: server.baseUrl });
    const admin = createMemorialAdminClient({ baseUrl: server.baseUrl, token: server.adminToken });
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) {
      refs.push((await pub.relatives.submitLead({ martyrId: 'sample-0007', claimantName: `林${i}`, relationship: 'child', mobile: '13912345678', knowledge: '线索', consent: true })).reference);
    }
    const seen: string[] = [];
    for await (const lead of admin.cases.leads({ limit: 2 })) seen.push(lead.reference);
    assert.deepEqual(seen, refs, 'three leads over two pages, oldest first');
    const contact = await admin.cases.reveal(refs[0]!, '电话回访');
    assert.equal(contact.mobile, '13912345678');
    const martyr = await pub.martyrs.get('sample-0007');
    await admin.cases.setSeekingRelatives('sample-0007', { seeking: true });
    const search = await pub.relatives.registerFamilySearch({ martyrName: martyr.name, claimantName: '林家', relationship: 'grandchild', mobile: '15912345678', knowledge: '祖父', consent: true });
    const families = [];
    for await (const f of admin.cases.familySearches()) families.push(f.reference);
    assert.ok(families.includes(search.reference));
    const matches = [];
    for await (const m of admin.cases.matches({ familySearch: search.reference })) matches.push(m);
    assert.equal(matches[0]?.martyr.id, 'sample-0007');
    const confirmed = await admin.cases.confirmMatch(matches[0]!.id, { reason: '家属确认' });
    assert.equal(confirmed.status, 'confirmed');
    assert.equal(confirmed.decidedBy, 'admin');
    const closed = await admin.cases.close(refs[0]!, { reason: '已联系' });
    assert.equal(closed.status, 'closed');
    const revealLog = [];
    for await (const e of admin.audit({ action: 'case.reveal' })) revealLog.push(e);
    assert.deepEqual(revealLog.map((e) => [e.case, e.role]), [[refs[0], 'caseworker']]);
  });

  it('manages accounts and tokens; a revoked token fails with 401', async () => {
    const admin = createMemorialAdminClient({ baseUrl: server.baseUrl, token: server.adminToken });
    const made = await admin.accounts.create({ login: 'county.mod', displayName: '县审核员', password: 'a quiet hill in 于都', roles: [{ role: 'moderator' }] });
    assert.deepEqual(made.roles, [{ role: 'moderator', region: null, cemetery: null }]);
    const logins = [];
    for await (const a of admin.accounts.list({ limit: 1 })) logins.push(a.login);
    assert.deepEqual(logins, ['admin', 'county.mod']);
    const token = await admin.accounts.issueToken(made.id, 'sdk test');
    const asMod = createMemorialAdminClient({ baseUrl: server.baseUrl, token: token.token, retry: 0 });
    assert.equal((await asMod.staff.me()).login, 'county.mod');
    await assert.rejects(asMod.cases.leads().firstPage(), (e: unknown) => e instanceof MemorialHttpError && e.status === 403 && e.code === 'forbidden');
    await admin.accounts.revokeToken(made.id, token.id);
    await assert.rejects(asMod.staff.me(), (e: unknown) => e instanceof MemorialHttpError && e.status === 401);
    const roles = await admin.accounts.setRoles(made.id, [{ role: 'caseworker', region: '3607' }]);
    assert.deepEqual(roles.roles, [{ role: 'caseworker', region: '3607', cemetery: null }]);
  });

  it('signs in with a session and sends the CSRF token on writes (cookies carried by a small jar around fetch)', async () => {
    const admin = createMemorialAdminClient({ baseUrl: server.baseUrl, token: server.adminToken });
    await admin.accounts.create({ login: 'web.mod', displayName: '网评员', password: 'another quiet hill 1934', roles: [{ role: 'moderator' }] });
    let cookie = '';
    const sent: Headers[] = [];
    // What a browser does for a same-origin page: keep the cookie, send it back.
    const jar: typeof fetch = async (input, init) => {
      const req = new Request(input, init);
      if (cookie) req.headers.set('cookie', cookie);
      sent.push(req.headers);
      const res = await fetch(req);
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      return res;
    };
    const web = createMemorialAdminClient({ baseUrl: server.baseUrl, fetch: jar, retry: 0 });
    const signed = await web.staff.signIn({ login: 'web.mod', password: 'another quiet hill 1934' });
    assert.equal(web.staff.csrfToken, signed.csrfToken);
    const pub = createMemorialClient({ baseUrl: server.baseUrl });
    const msg = await pub.messages.post('sample-0041', { text: '缅怀先烈' });
    assert.equal((await web.messages.approve(msg.id)).status, 'approved');
    assert.equal(sent.at(-1)!.get('x-csrf-token'), signed.csrfToken);
    const [entry] = (await admin.audit({ action: 'message.approve', limit: 1 }).firstPage()).items;
    assert.deepEqual([entry?.actor, entry?.subject, entry?.role], ['web.mod', msg.id, 'moderator']);
    await web.staff.signOut();
    await assert.rejects(web.staff.me(), (e: unknown) => e instanceof MemorialHttpError && e.status === 401);
  });
});
