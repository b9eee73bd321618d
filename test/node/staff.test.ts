import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOTP, Secret } from 'otpauth';
import { AuditPage, SignInResult, StaffAccount, StaffMe, StaffTokenCreated } from '../../src/contract/index.js';
import { insertMartyrs, martyrRow, type MartyrRecord } from '../../server/martyr-store.js';
import { passwordProblem } from '../../server/staff/passwords.js';
import { breakGlassFromEnv } from '../../server/config.js';
import { call } from '../helpers/http.js';
import { startTestServer, type StaffFixture, type TestServer } from '../helpers/server.js';

let server: TestServer;
const now = new Date('2026-03-01T09:00:00Z');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const blank: MartyrRecord = {
  name: '', sex: 'male', ethnicity: '汉族', nativePlace: null, birthDate: null, enlistmentDate: null, unit: null, post: null,
  deathDate: null, deathPlace: null, period: null, burial: null, photoUrl: null, biography: null, approval: null,
  seekingRelatives: false, sample: true,
};
const lead = (martyrId: string, claimantName: string) => ({
  martyrId, claimantName, relationship: 'child', mobile: '13912345678', knowledge: '家中有烈士证明书。', consent: true,
});

let yudu = ''; // a lead about a martyr from 于都县 (360731)
let linyi = ''; // a lead about a martyr from 临沂市 (371300)
let moderator: StaffFixture;
let yuduCaseworker: StaffFixture;
let auditor: StaffFixture;

before(async () => {
  server = await startTestServer({ seed: false, authThrottle: true, sessionPolicy: { idleMinutes: 30, absoluteHours: 12 } });
  server.setNow(now);
  await insertMartyrs(server.db, [
    martyrRow('t-st-01', { ...blank, name: '林𠀋青', nativePlace: { text: '江西省赣州市于都县', code: '360731' } }),
    martyrRow('t-st-02', { ...blank, name: '王德胜', nativePlace: { text: '山东省临沂市', code: '371300' } }),
  ]);
  yudu = (await call(server, 'POST', '/relative-leads', { json: lead('t-st-01', '林秀英') })).body.reference;
  linyi = (await call(server, 'POST', '/relative-leads', { json: lead('t-st-02', '王建国') })).body.reference;
  assert.match(yudu, /^L/);
  moderator = await server.createStaff({ login: 'mod', roles: [{ role: 'moderator' }] });
  yuduCaseworker = await server.createStaff({ login: 'yudu.case', displayName: '于都县社工', roles: [{ role: 'caseworker', region: '360731' }] });
  auditor = await server.createStaff({ login: 'audit', roles: [{ role: 'auditor' }] });
});
after(() => server.close());

describe('roles and scopes', () => {
  it('a moderator cannot read relative leads, and a caseworker cannot moderate', async () => {
    const leads = await call(server, 'GET', '/admin/relative-leads', { headers: bearer(moderator.token) });
    assert.equal(leads.status, 403);
    assert.equal(leads.body.code, 'forbidden');
    assert.equal((await call(server, 'GET', '/admin/messages', { headers: bearer(moderator.token) })).status, 200);
    assert.equal((await call(server, 'GET', '/admin/messages', { headers: bearer(yuduCaseworker.token) })).status, 403);
  });

  it("a caseworker of one county sees that county's cases only, and cannot reveal or close another's", async () => {
    const mine = await call(server, 'GET', '/admin/relative-leads', { headers: bearer(yuduCaseworker.token) });
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.body.items.map((l: { reference: string }) => l.reference), [yudu]);
    const all = await call(server, 'GET', '/admin/relative-leads', { headers: bearer(server.adminToken) });
    assert.deepEqual(all.body.items.map((l: { reference: string }) => l.reference).sort(), [yudu, linyi].sort());
    const other = await call(server, 'POST', `/admin/cases/${linyi}/reveal`, { headers: bearer(yuduCaseworker.token), json: { reason: '核实' } });
    assert.equal(other.status, 404, 'out of scope reads as not found');
    const close = await call(server, 'POST', `/admin/cases/${linyi}/close`, { headers: bearer(yuduCaseworker.token), json: {} });
    assert.equal(close.status, 404);
    const own = await call(server, 'POST', `/admin/cases/${yudu}/reveal`, { headers: bearer(yuduCaseworker.token), json: { reason: '电话回访' } });
    assert.equal(own.status, 200);
    assert.equal(own.body.mobile, '13912345678');
    // A province-wide grant (36 = 江西) covers the county too.
    const province = await server.createStaff({ login: 'jx.case', roles: [{ role: 'caseworker', region: '36' }] });
    const seen = await call(server, 'GET', '/admin/relative-leads', { headers: bearer(province.token) });
    assert.deepEqual(seen.body.items.map((l: { reference: string }) => l.reference), [yudu]);
  });

  it('an auditor reads the audit log but cannot approve a message or read cases', async () => {
    const msg = await call(server, 'POST', '/martyrs/t-st-01/messages', { json: { text: '英雄永垂不朽' } });
    assert.equal(msg.status, 202);
    const approve = await call(server, 'POST', `/admin/messages/${msg.body.id}/approve`, { headers: bearer(auditor.token), json: {} });
    assert.equal(approve.status, 403);
    assert.equal((await call(server, 'GET', '/admin/relative-leads', { headers: bearer(auditor.token) })).status, 403);
    assert.equal((await call(server, 'GET', '/admin/audit', { headers: bearer(auditor.token) })).status, 200);
    assert.equal((await call(server, 'GET', '/admin/audit', { headers: bearer(moderator.token) })).status, 403, 'only auditors read the log');
    assert.equal((await call(server, 'POST', '/admin/staff', { headers: bearer(auditor.token), json: {} })).status, 403);
  });

  it('a person may hold several roles', async () => {
    const both = await server.createStaff({ login: 'both', roles: [{ role: 'moderator' }, { role: 'caseworker', region: '3713' }] });
    assert.equal((await call(server, 'GET', '/admin/messages', { headers: bearer(both.token) })).status, 200);
    const leads = await call(server, 'GET', '/admin/relative-leads', { headers: bearer(both.token) });
    assert.deepEqual(leads.body.items.map((l: { reference: string }) => l.reference), [linyi]);
    const me = StaffMe.parse((await call(server, 'GET', '/staff/me', { headers: bearer(both.token) })).body);
    assert.deepEqual(me.roles.map((g) => [g.role, g.region]), [['moderator', null], ['caseworker', '3713']]);
  });

  it('every staff answer, refusals included, carries Cache-Control: no-store', async () => {
    for (const [path, headers] of [
      ['/admin/relative-leads', bearer(server.adminToken)],
      ['/admin/relative-leads', bearer(moderator.token)],
      ['/admin/relative-leads', {}],
      ['/staff/me', bearer(auditor.token)],
      ['/campaigns/qingming-2024/embeds', bearer(server.adminToken)],
    ] as const) {
      const res = await call(server, 'GET', path, { headers });
      assert.equal(res.headers.get('cache-control'), 'no-store', `${path} ${res.status}`);
    }
  });
});

describe('audit by person', () => {
  it('records who read which cases (masked lists included) and who revealed a contact, with role, request id and address', async () => {
    const requestId = 'audit-test-0001';
    await call(server, 'GET', '/admin/relative-leads', { headers: { ...bearer(yuduCaseworker.token), 'x-request-id': requestId } });
    const log = AuditPage.parse((await call(server, 'GET', `/admin/audit?actor=yudu.case`, { headers: bearer(auditor.token) })).body).items;
    const list = log.find((e) => e.requestId === requestId)!;
    assert.ok(list, JSON.stringify(log));
    assert.equal(list.action, 'cases.list');
    assert.equal(list.accountId, yuduCaseworker.id);
    assert.equal(list.role, 'caseworker');
    assert.equal(list.address, '127.0.0.1');
    assert.deepEqual(list.detail?.cases, [yudu]);
    const reveal = log.find((e) => e.action === 'case.reveal')!;
    assert.equal(reveal.case, yudu);
    assert.equal(reveal.detail?.reason, '电话回访');
    // Filtered by case: the list views and the reveal of that case, nobody else's.
    const byCase = AuditPage.parse((await call(server, 'GET', `/admin/audit?case=${yudu}`, { headers: bearer(auditor.token) })).body).items;
    assert.ok(byCase.length >= 3);
    assert.ok(byCase.every((e) => e.case === yudu || (e.detail?.cases as string[]).includes(yudu)));
    const byAction = AuditPage.parse((await call(server, 'GET', '/admin/audit?action=case.reveal', { headers: bearer(auditor.token) })).body).items;
    assert.deepEqual(byAction.map((e) => e.actor), ['yudu.case']);
  });

  it('the audit log cannot be changed: no API route writes it, and the table refuses UPDATE and DELETE', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await call(server, method, '/admin/audit', { headers: bearer(server.adminToken), json: {} });
      assert.equal(res.status, 404, method);
    }
    await assert.rejects(server.db.query("UPDATE audit_log SET actor = 'someone else'"), /append-only/);
    await assert.rejects(server.db.query('DELETE FROM audit_log'), /append-only/);
  });
});

describe('sign-in, sessions and CSRF', () => {
  let casey: StaffFixture;
  before(async () => {
    casey = await server.createStaff({ login: 'casey', displayName: '个案员', roles: [{ role: 'caseworker' }], password: 'Xu6-雪松-long-passphrase' });
  });

  it('signs in with an HttpOnly SameSite cookie and a CSRF token; writes without the token are refused', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/staff/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'Casey', password: casey.password }),
    });
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^memorial_staff=mss_[\w-]+;/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\/api\/v1/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = SignInResult.parse(await res.json());
    assert.equal(body.me.login, 'casey');
    assert.equal(body.idleMinutes, 30);
    const session = await server.signIn('casey', casey.password);
    assert.equal((await call(server, 'GET', '/admin/relative-leads', { headers: session.headers() })).status, 200, 'reads need only the cookie');
    const noToken = await call(server, 'POST', `/admin/cases/${yudu}/reveal`, { headers: session.headers(), json: { reason: '核实' } });
    assert.equal(noToken.status, 403);
    assert.match(noToken.body.message, /CSRF/);
    const wrong = await call(server, 'POST', `/admin/cases/${yudu}/reveal`, { headers: { ...session.headers(), 'x-csrf-token': body.csrfToken }, json: { reason: '核实' } });
    assert.equal(wrong.status, 403, "another session's CSRF token does not fit");
    const right = await call(server, 'POST', `/admin/cases/${yudu}/reveal`, { headers: session.headers(true), json: { reason: '核实' } });
    assert.equal(right.status, 200);
  });

  it('a wrong password, an unknown login and a disabled account all get the same 401', async () => {
    const wrong = await call(server, 'POST', '/staff/session', { json: { login: 'casey', password: 'not the password' } });
    const unknown = await call(server, 'POST', '/staff/session', { json: { login: 'nobody', password: 'not the password' } });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.equal(wrong.body.message, unknown.body.message);
  });

  it('ends a session after 30 idle minutes and after 12 hours however busy, on the server clock', async () => {
    const t0 = new Date('2026-03-02T08:00:00Z');
    server.setNow(t0);
    const s = await server.signIn('casey', casey.password);
    const at = (min: number) => server.setNow(new Date(t0.getTime() + min * 60_000));
    at(29);
    assert.equal((await call(server, 'GET', '/staff/me', { headers: s.headers() })).status, 200);
    at(29 + 31);
    const idle = await call(server, 'GET', '/staff/me', { headers: s.headers() });
    assert.equal(idle.status, 401);
    assert.match(idle.body.message, /ended/);
    server.setNow(t0);
    const busy = await server.signIn('casey', casey.password);
    for (let min = 25; min < 12 * 60; min += 25) {
      at(min);
      assert.equal((await call(server, 'GET', '/staff/me', { headers: busy.headers() })).status, 200, `minute ${min}`);
    }
    at(12 * 60 + 1);
    assert.equal((await call(server, 'GET', '/staff/me', { headers: busy.headers() })).status, 401, 'absolute timeout');
    server.setNow(now);
  });

  it('signs out one session, or every session at once', async () => {
    const a = await server.signIn('casey', casey.password);
    const b = await server.signIn('casey', casey.password);
    const c = await server.signIn('casey', casey.password);
    const out = await call(server, 'DELETE', '/staff/session', { headers: a.headers(true) });
    assert.equal(out.status, 200);
    assert.match(out.headers.get('set-cookie') ?? '', /memorial_staff=;/);
    assert.equal((await call(server, 'GET', '/staff/me', { headers: a.headers() })).status, 401);
    assert.equal((await call(server, 'GET', '/staff/me', { headers: b.headers() })).status, 200);
    const all = await call(server, 'DELETE', '/staff/sessions', { headers: b.headers(true) });
    assert.equal(all.status, 200);
    assert.ok(all.body.sessionsEnded >= 2);
    assert.equal((await call(server, 'GET', '/staff/me', { headers: b.headers() })).status, 401);
    assert.equal((await call(server, 'GET', '/staff/me', { headers: c.headers() })).status, 401);
    assert.equal((await call(server, 'GET', '/staff/me', { headers: bearer(casey.token) })).status, 200, 'API tokens are revoked separately');
  });
});

describe('API tokens', () => {
  it('are issued by an admin, act as that person, are listed without their value, and stop working when revoked', async () => {
    const issued = await call(server, 'POST', `/admin/staff/${moderator.id}/tokens`, { headers: bearer(server.adminToken), json: { label: '夜间审核脚本' } });
    assert.equal(issued.status, 201);
    const t = StaffTokenCreated.parse(issued.body);
    assert.match(t.token, /^mat_/);
    const me = StaffMe.parse((await call(server, 'GET', '/staff/me', { headers: bearer(t.token) })).body);
    assert.equal(me.login, 'mod');
    assert.equal(me.via, 'token');
    const list = await call(server, 'GET', `/admin/staff/${moderator.id}/tokens`, { headers: bearer(server.adminToken) });
    assert.ok(!JSON.stringify(list.body).includes(t.token), 'never listed');
    const { rows } = await server.db.query<{ n: number }>("SELECT CAST(count(*) AS int) AS n FROM staff_tokens WHERE token_hash = $1 OR label LIKE 'mat_%'", [t.token]);
    assert.equal(Number(rows[0]!.n), 0, 'stored only as a hash');
    const revoked = await call(server, 'DELETE', `/admin/staff/${moderator.id}/tokens/${t.id}`, { headers: bearer(server.adminToken) });
    assert.equal(revoked.status, 200);
    assert.ok(revoked.body.items.find((x: { id: string }) => x.id === t.id).revokedAt);
    assert.equal((await call(server, 'GET', '/admin/messages', { headers: bearer(t.token) })).status, 401);
    assert.equal((await call(server, 'GET', '/admin/messages', { headers: bearer(moderator.token) })).status, 200, 'other tokens of the person still work');
  });

  it("stop working when the account is disabled; roles changed take effect on the next request", async () => {
    const p = await server.createStaff({ login: 'temp', roles: [{ role: 'moderator' }] });
    const session = await server.signIn('temp', p.password);
    const roles = await call(server, 'PUT', `/admin/staff/${p.id}/roles`, { headers: bearer(server.adminToken), json: { roles: [{ role: 'campaigns' }] } });
    assert.equal(roles.status, 200);
    assert.equal((await call(server, 'GET', '/admin/messages', { headers: bearer(p.token) })).status, 403);
    const disabled = StaffAccount.parse((await call(server, 'POST', `/admin/staff/${p.id}/disable`, { headers: bearer(server.adminToken), json: {} })).body);
    assert.equal(disabled.disabled, true);
    assert.equal((await call(server, 'GET', '/staff/me', { headers: bearer(p.token) })).status, 401);
    assert.equal((await call(server, 'GET', '/staff/me', { headers: session.headers() })).status, 401);
  });
});

describe('TOTP and first run', () => {
  it('an admin without TOTP may only enrol it; with a real otpauth code enrolled, sign-in needs the code, and a code works once', async () => {
    const boss = await server.createStaff({ login: 'boss', roles: [{ role: 'admin' }] });
    const first = await server.signIn('boss', boss.password);
    const me = StaffMe.parse((await call(server, 'GET', '/staff/me', { headers: first.headers() })).body);
    assert.deepEqual([me.totpRequired, me.secondFactor], [true, false]);
    const blocked = await call(server, 'GET', '/admin/staff', { headers: first.headers() });
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.code, 'second_factor_required');
    const begun = await call(server, 'POST', '/staff/me/totp', { headers: first.headers(true), json: {} });
    assert.equal(begun.status, 200);
    assert.match(begun.body.uri, /^otpauth:\/\/totp\/memorial-elements:boss\?/);
    // What an authenticator app does with the URI: the otpauth library, on the server's clock.
    const app = new TOTP({ secret: Secret.fromBase32(begun.body.secret) });
    const at = (d: Date) => app.generate({ timestamp: d.getTime() });
    const confirmed = await call(server, 'POST', '/staff/me/totp/confirm', { headers: first.headers(true), json: { code: at(now) } });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.codes.length, 10);
    assert.equal((await call(server, 'GET', '/admin/staff', { headers: first.headers() })).status, 200, 'this session now has the second factor');

    const noCode = await call(server, 'POST', '/staff/session', { json: { login: 'boss', password: boss.password } });
    assert.equal(noCode.status, 401);
    assert.equal(noCode.body.code, 'second_factor_required');
    const later = new Date(now.getTime() + 90_000);
    server.setNow(later);
    const ok = await call(server, 'POST', '/staff/session', { json: { login: 'boss', password: boss.password, totp: at(later) } });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.me.secondFactor, true);
    const replay = await call(server, 'POST', '/staff/session', { json: { login: 'boss', password: boss.password, totp: at(later) } });
    assert.equal(replay.status, 401, 'the same code twice is refused');
    const recovery = confirmed.body.codes[0] as string;
    assert.equal((await call(server, 'POST', '/staff/session', { json: { login: 'boss', password: boss.password, totp: recovery } })).status, 200);
    assert.equal((await call(server, 'POST', '/staff/session', { json: { login: 'boss', password: boss.password, totp: recovery } })).status, 401, 'a recovery code works once');
    server.setNow(now);
  });

  it('the first admin is created once with the setup token, never with a default password', async () => {
    const fresh = await startTestServer({ seed: false });
    try {
      // The harness made its own admin; remove every account to be a fresh install.
      await fresh.db.query('DELETE FROM staff_accounts');
      const { firstRunSetupToken } = await import('../../server/staff/setup.js');
      const token = (await firstRunSetupToken(fresh.db, new Date()))!;
      const body = { setupToken: token, login: 'first.admin', displayName: '第一位管理员', password: 'password1234' };
      const weak = await call(fresh, 'POST', '/staff/setup', { json: body });
      assert.equal(weak.status, 400, 'a common password is refused');
      const made = await call(fresh, 'POST', '/staff/setup', { json: { ...body, password: 'Yudu county 1934 long march' } });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.deepEqual(made.body.roles, [{ role: 'admin', region: null, cemetery: null }]);
      const again = await call(fresh, 'POST', '/staff/setup', { json: { ...body, login: 'second', password: 'Yudu county 1934 long march' } });
      assert.equal(again.status, 403, 'the link works once');
    } finally {
      await fresh.close();
    }
  });
});

describe('the OpenAPI document', () => {
  it('declares how every operation is secured: public, staff session with CSRF on writes, or session or API token', async () => {
    const doc = (await call(server, 'GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { operationId: string; security?: Record<string, string[]>[] }>>;
      components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
    };
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['apiToken', 'csrfToken', 'staffSession']);
    assert.deepEqual([doc.components.securitySchemes.staffSession!.in, doc.components.securitySchemes.staffSession!.name], ['cookie', 'memorial_staff']);
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, ...op })));
    for (const op of ops) assert.ok(Array.isArray(op.security), `${op.operationId} declares its security`);
    const byId = Object.fromEntries(ops.map((o) => [o.operationId, o.security!]));
    assert.deepEqual(byId.searchMartyrs, []);
    assert.deepEqual(byId.staffSignIn, []);
    assert.deepEqual(byId.adminListRelativeLeads, [{ staffSession: [] }, { apiToken: [] }]);
    assert.deepEqual(byId.adminRevealCase, [{ staffSession: [], csrfToken: [] }, { apiToken: [] }]);
    assert.deepEqual(byId.staffBeginTotp, [{ staffSession: [], csrfToken: [] }], 'a token cannot enrol a second factor');
    for (const op of ops.filter((o) => o.path.startsWith('/api/v1/admin/'))) assert.ok(JSON.stringify(op.security).includes('apiToken'), op.operationId);
  });
});

describe('passwords and break-glass', () => {
  it('refuses short, common, padded-common, repetitive and login-containing passwords', () => {
    assert.match(passwordProblem('short', 'li') ?? '', /12/);
    assert.match(passwordProblem('1q2w3e4r5t6y', 'li') ?? '', /common/);
    assert.match(passwordProblem('Password2024!!', 'li') ?? '', /common/);
    assert.match(passwordProblem('abababababab', 'li') ?? '', /different/);
    assert.match(passwordProblem('zhangsan-is-my-name', 'zhangsan') ?? '', /login/);
    assert.equal(passwordProblem('雪松 on the hill 1934', 'li'), null);
  });

  it('stores passwords as Argon2id hashes', async () => {
    const { rows } = await server.db.query<{ password_hash: string }>("SELECT password_hash FROM staff_accounts WHERE login = 'casey'");
    assert.match(rows[0]!.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('break-glass is off by default and refuses weak secrets at start-up', () => {
    assert.equal(breakGlassFromEnv({ MEMORIAL_ADMIN_TOKEN: 'x'.repeat(40) }), undefined, 'set but not switched on: ignored');
    assert.throws(() => breakGlassFromEnv({ MEMORIAL_BREAK_GLASS: '1', MEMORIAL_ADMIN_TOKEN: 'a' }), /too weak/);
    assert.throws(() => breakGlassFromEnv({ MEMORIAL_BREAK_GLASS: '1', MEMORIAL_ADMIN_TOKEN: 'ab'.repeat(20) }), /too weak/);
    assert.throws(() => breakGlassFromEnv({ MEMORIAL_BREAK_GLASS: '1' }), /needs MEMORIAL_ADMIN_TOKEN/);
    const strong = 'Q7v-Rb2kLm9PzX4wTy8NcJ5dHs3GfA6e';
    assert.equal(breakGlassFromEnv({ MEMORIAL_BREAK_GLASS: '1', MEMORIAL_ADMIN_TOKEN: strong }), strong);
  });

  it('a switched-on break-glass token works, and is logged and audited as break-glass', async () => {
    const strong = 'Q7v-Rb2kLm9PzX4wTy8NcJ5dHs3GfA6e';
    const bg = await startTestServer({ seed: false, adminToken: strong });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
    try {
      await insertMartyrs(bg.db, [martyrRow('t-bg-01', { ...blank, name: '赵一曼' })]);
      const msg = await call(bg, 'POST', '/martyrs/t-bg-01/messages', { json: { text: '缅怀先烈' } });
      assert.equal(msg.status, 202);
      const res = await call(bg, 'GET', '/admin/messages', { headers: bearer(strong) });
      assert.equal(res.status, 200);
      assert.ok(warnings.some((w) => /BREAK-GLASS/.test(w)), 'logged loudly');
      assert.equal((await call(bg, 'POST', `/admin/messages/${msg.body.id}/approve`, { headers: bearer(strong), json: {} })).status, 200);
      const log = await call(bg, 'GET', '/admin/audit', { headers: bearer(bg.adminToken) });
      assert.equal(log.body.items[0].actor, 'break-glass');
      assert.equal((await call(bg, 'GET', '/admin/messages', { headers: bearer(strong.slice(0, -1)) })).status, 401);
    } finally {
      console.warn = warn;
      await bg.close();
    }
  });
});

// Last: the throttles run on the server clock, which these tests move forward for good.
describe('throttling', () => {
  it('slows failed sign-ins per account after five, with Retry-After, even with the right password', async () => {
    const victim = await server.createStaff({ login: 'victim', roles: [{ role: 'moderator' }] });
    server.setNow(new Date('2026-03-03T10:00:00Z'));
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(server, 'POST', '/staff/session', { json: { login: 'victim', password: `guess number ${i}` } })).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
    const locked = await call(server, 'POST', '/staff/session', { json: { login: 'victim', password: victim.password } });
    assert.equal(locked.status, 429);
    assert.match(locked.headers.get('retry-after') ?? '', /^\d+$/);
    server.setNow(new Date('2026-03-03T10:30:00Z'));
    assert.equal((await call(server, 'POST', '/staff/session', { json: { login: 'victim', password: victim.password } })).status, 200, 'free again after the wait');
  });

  it('throttles failed bearer authentication per address on every method, GET included', async () => {
    server.setNow(new Date('2026-03-04T10:00:00Z'));
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await call(server, 'GET', '/admin/messages', { headers: bearer(`mat_guess${i}`) })).status);
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(401));
    assert.deepEqual(statuses.slice(20), [429, 429]);
    const later = await call(server, 'DELETE', '/admin/messages/x', { headers: bearer(server.adminToken) });
    assert.equal(later.status, 429, 'the address waits, whatever the method');
    server.setNow(new Date('2026-03-04T11:00:00Z'));
    assert.equal((await call(server, 'GET', '/admin/messages', { headers: bearer(server.adminToken) })).status, 200);
  });
});
