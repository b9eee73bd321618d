import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AdminFamilySearchPage, AdminRelativeLeadPage, AuditPage, CaseContact, CaseMatch, CaseMatchPage, RetentionPurgeResult, routes,
  type RouteDef,
} from '../../src/contract/index.js';
import { applyRoll, parseRoll } from '../../server/import/roll.js';
import { insertMartyrs, martyrRow, type MartyrRecord } from '../../server/martyr-store.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
const admin = () => ({ authorization: `Bearer ${server.adminToken}`, 'x-admin-actor': encodeURIComponent('审核员甲') });
const asAdmin = (method: string, path: string, json?: unknown) => call(server, method, path, { headers: admin(), ...(json !== undefined ? { json } : {}) });

const blank: MartyrRecord = {
  name: '', sex: 'male', ethnicity: '汉族', nativePlace: null, birthDate: null, enlistmentDate: null, unit: null, post: null,
  deathDate: null, deathPlace: null, period: null, burial: null, photoUrl: null, biography: null, approval: null,
  seekingRelatives: false, sample: true,
};

/** Planted personal data: none of it may ever appear in a public response. */
const PLANTED = { claimantName: '甄秘密', mobile: '13912345678', idNumber: '11010519491231002X' };

const family = (over: Record<string, unknown>) => ({
  claimantName: '刘红', relationship: 'grandchild', mobile: '15912345678', knowledge: '祖父1948年随部队南下后失去音讯。', consent: true, ...over,
});

async function matchesFor(reference: string, status = 'pending') {
  const res = await asAdmin('GET', `/admin/matches?status=${status}&familySearch=${reference}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return CaseMatchPage.parse(res.body).items;
}

before(async () => {
  server = await startTestServer();
  await insertMartyrs(server.db, [
    martyrRow('t-rel-01', { ...blank, name: '刘振邦', period: 'liberation-war', nativePlace: { text: '江西省赣州市于都县', code: '360731' }, deathDate: '1948', seekingRelatives: true }),
    martyrRow('t-rel-02', { ...blank, name: '刘震邦', period: 'korean-war', nativePlace: { text: '江西省赣州市于都县', code: '360731' }, seekingRelatives: true }),
    martyrRow('t-rel-03', { ...blank, name: '刘振邦', period: 'liberation-war', nativePlace: { text: '山东省临沂市', code: '371300' }, seekingRelatives: true }),
    martyrRow('t-rel-04', { ...blank, name: '刘振邦', period: 'liberation-war', nativePlace: { text: '江西省赣州市', code: '360700' }, seekingRelatives: false }),
    martyrRow('t-rel-05', { ...blank, name: '趙振鐸', period: 'anti-japanese-war', seekingRelatives: false }),
  ]);
});
after(() => server.close());

describe('two-sided matching', () => {
  let fsRef = '';

  it('a new family search is matched against martyrs seeking relatives, by name, 籍贯 and period', async () => {
    const res = await call(server, 'POST', '/family-searches', {
      json: family({ martyrName: '刘震帮', nativePlaceCode: '360700', period: 'liberation-war', deathDate: '1948-05', ...PLANTED, idNumberConsent: true }),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body), ['reference'], 'the family gets a reference and nothing else');
    fsRef = res.body.reference;
    const items = await matchesFor(fsRef);
    // t-rel-02: another period; t-rel-03: another province; t-rel-04: not seeking relatives.
    assert.deepEqual(items.map((m) => m.martyr.id), ['t-rel-01']);
    assert.equal(items[0]!.reason, 'homophone', '刘震帮 ~ 刘振邦');
    assert.ok(items[0]!.score > 0.9 && items[0]!.score <= 1, 'same pinyin, plus the same city and death year');
  });

  it('a martyr newly flagged as seeking relatives is matched against open family searches', async () => {
    const res = await call(server, 'POST', '/family-searches', { json: family({ martyrName: '赵振铎', period: 'anti-japanese-war' }) });
    const ref = res.body.reference as string;
    assert.deepEqual(await matchesFor(ref), [], 'nobody seeks relatives under that name yet');
    const flag = await asAdmin('PUT', '/admin/martyrs/t-rel-05/seeking-relatives', { seeking: true, reason: '县局公布寻亲名单' });
    assert.equal(flag.status, 200, JSON.stringify(flag.body));
    assert.deepEqual(flag.body, { martyrId: 't-rel-05', seekingRelatives: true, newMatches: 1 });
    const items = await matchesFor(ref);
    assert.deepEqual(items.map((m) => [m.martyr.id, m.reason]), [['t-rel-05', 'script-variant']]);
    const again = await asAdmin('PUT', '/admin/martyrs/t-rel-05/seeking-relatives', { seeking: true });
    assert.equal(again.body.newMatches, 0, 'a pair is proposed once');
    const unflag = await asAdmin('PUT', '/admin/martyrs/t-rel-05/seeking-relatives', { seeking: false });
    assert.deepEqual(unflag.body, { martyrId: 't-rel-05', seekingRelatives: false, newMatches: 0 });
    assert.equal((await asAdmin('PUT', '/admin/martyrs/nobody/seeking-relatives', { seeking: true })).status, 404);
  });

  it('an imported martyr seeking relatives is matched against open family searches', async () => {
    const res = await call(server, 'POST', '/family-searches', { json: family({ martyrName: '孫立本', period: 'agrarian-revolution' }) });
    const csv = ['source_id,name,period,seeking_relatives,sample', 'R-1,孙立本,土地革命战争时期,是,true', 'R-2,孙立本,抗日战争时期,是,true'].join('\n');
    const report = await applyRoll(server.db, await parseRoll(csv, 'csv', server.db));
    assert.equal(report.newMatches, 1, 'R-2 is another period');
    const items = await matchesFor(res.body.reference);
    assert.equal(items.length, 1);
    assert.equal(items[0]!.reason, 'script-variant');
  });

  it('staff confirm or dismiss a match; both are audited', async () => {
    const [match] = await matchesFor(fsRef);
    const confirmed = await asAdmin('POST', `/admin/matches/${match!.id}/confirm`, { reason: '家属提供的信件吻合' });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    const m = CaseMatch.parse(confirmed.body);
    assert.equal(m.status, 'confirmed');
    assert.equal(m.decidedBy, 'admin');
    assert.deepEqual(await matchesFor(fsRef), [], 'no longer pending');
    assert.equal((await matchesFor(fsRef, 'confirmed')).length, 1);
    const dismissed = await asAdmin('POST', `/admin/matches/${match!.id}/dismiss`, {});
    assert.equal(dismissed.body.status, 'dismissed');
    assert.equal((await asAdmin('POST', '/admin/matches/no-such-match/confirm', {})).status, 404);
    const audit = AuditPage.parse((await asAdmin('GET', '/admin/audit?limit=10')).body).items;
    assert.ok(audit.some((a) => a.action === 'match.confirm' && a.subject === match!.id && a.detail?.reason === '家属提供的信件吻合'));
    assert.ok(audit.some((a) => a.action === 'match.dismiss'));
    assert.ok(audit.some((a) => a.action === 'martyr.seeking-relatives' && a.subject === 't-rel-05'));
  });
});

describe('personal data', () => {
  let leadRef = '';

  before(async () => {
    const res = await call(server, 'POST', '/relative-leads', {
      json: { martyrId: 't-rel-01', relationship: 'child', knowledge: '家中有烈士证明书。', consent: true, ...PLANTED, idNumberConsent: true },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    leadRef = res.body.reference;
  });

  it('admin lists mask the mobile and never carry an ID number', async () => {
    const leads = await asAdmin('GET', '/admin/relative-leads');
    assert.equal(leads.status, 200, JSON.stringify(leads.body));
    const lead = AdminRelativeLeadPage.parse(leads.body).items.find((l) => l.reference === leadRef)!;
    assert.equal(lead.mobileMasked, '139****5678');
    assert.equal(lead.hasIdNumber, true);
    assert.equal(lead.martyrName, '刘振邦');
    const searches = AdminFamilySearchPage.parse((await asAdmin('GET', '/admin/family-searches')).body).items;
    assert.ok(searches.length >= 3);
    for (const body of [JSON.stringify(leads.body), JSON.stringify(searches)]) {
      assert.ok(!body.includes(PLANTED.mobile) && !body.includes(PLANTED.idNumber), 'no full mobile, no ID number in lists');
    }
    assert.ok(searches.some((s) => s.hasIdNumber && s.mobileMasked === '139****5678'));
  });

  it('pages the case lists without gaps', async () => {
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = AdminFamilySearchPage.parse((await asAdmin('GET', `/admin/family-searches?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body);
      seen.push(...page.items.map((s) => s.reference));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    const all = AdminFamilySearchPage.parse((await asAdmin('GET', '/admin/family-searches?limit=100')).body).items.map((s) => s.reference);
    assert.deepEqual(seen, all);
  });

  it('reveals one case\'s contact only with a reason, and audits who saw it (never the values)', async () => {
    const noReason = await asAdmin('POST', `/admin/cases/${leadRef}/reveal`, {});
    assert.equal(noReason.status, 400);
    const res = await asAdmin('POST', `/admin/cases/${leadRef}/reveal`, { reason: '电话核实亲属关系' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(CaseContact.parse(res.body), { reference: leadRef, claimantName: PLANTED.claimantName, mobile: PLANTED.mobile, idNumber: PLANTED.idNumber });
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const audit = AuditPage.parse((await asAdmin('GET', '/admin/audit?limit=5')).body).items;
    const entry = audit.find((a) => a.action === 'case.reveal' && a.subject === leadRef);
    assert.equal(entry?.actor, 'admin');
    assert.equal(entry?.detail?.reason, '电话核实亲属关系');
    assert.ok(!JSON.stringify(audit).includes(PLANTED.idNumber) && !JSON.stringify(audit).includes(PLANTED.mobile));
    const idem = await call(server, 'POST', `/admin/cases/${leadRef}/reveal`, { headers: { ...admin(), 'idempotency-key': 'reveal-1' }, json: { reason: '再次核实' } });
    assert.equal(idem.status, 200);
    const { rows } = await server.db.query<{ n: number }>("SELECT CAST(count(*) AS int) AS n FROM idempotency_keys WHERE response::text LIKE '%' || $1 || '%'", [PLANTED.idNumber]);
    assert.equal(Number(rows[0]!.n), 0, 'a revealed ID number is never stored for replay');
    assert.equal((await asAdmin('POST', '/admin/cases/F20200101-ZZZZZZ/reveal', { reason: 'x' })).status, 404);
  });

  it('every admin casework route wants the token', async () => {
    const adminRoutes = Object.entries(routes as Record<string, RouteDef>).filter(([n, r]) => r.admin && /Relative|Family|Case|Match|Seeking|Purge/.test(n));
    assert.ok(adminRoutes.length >= 9);
    for (const [name, r] of adminRoutes) {
      const path = r.path.replace('{reference}', leadRef).replace('{id}', 't-rel-01');
      const res = await call(server, r.method, path, r.method === 'GET' ? {} : { json: { reason: 'x', seeking: true } });
      assert.equal(res.status, 401, name);
    }
  });

  it('no public endpoint ever returns a claimant name, mobile or ID number', async () => {
    // A matched martyr, a lead and family searches with the planted data exist by now.
    // Public: neither staff-only (`admin`) nor needing a staff session (`auth: 'session'`).
    const pub = Object.entries(routes as Record<string, RouteDef>).filter(([, r]) => !r.admin && r.auth !== 'session');
    const requests: Record<string, { path: string; json?: unknown }[]> = {
      searchMartyrs: [
        { path: `/martyrs?q=${encodeURIComponent(PLANTED.claimantName)}` },
        { path: `/martyrs?q=${encodeURIComponent('刘振邦')}&seekingRelatives=true` },
        { path: `/martyrs?q=${PLANTED.mobile}` },
        { path: '/martyrs?seekingRelatives=true&limit=100' },
      ],
      getMartyr: [{ path: '/martyrs/t-rel-01' }, { path: '/martyrs/t-rel-05' }],
      getTributeSummary: [{ path: '/martyrs/t-rel-01/tributes' }],
      offerTribute: [{ path: '/martyrs/t-rel-01/tributes', json: { kind: 'flower', visitorId: 'visitor-0000000001' } }],
      listMessages: [{ path: '/martyrs/t-rel-01/messages' }],
      postMessage: [{ path: '/martyrs/t-rel-01/messages', json: { text: '缅怀先烈' } }],
      reportMessage: [{ path: '/messages/no-such-message/reports', json: { reason: '不当内容' } }],
      listCampaigns: [{ path: '/campaigns' }],
      getCampaign: [{ path: '/campaigns/current' }],
      currentCampaign: [{ path: '/campaigns/current' }],
      nextCampaign: [{ path: '/campaigns/next' }],
      recordCampaignEvent: [{ path: '/campaigns/qingming-2025/events', json: { type: 'impression', origin: 'https://www.example.gov.cn', path: '/' } }],
      submitLead: [{ path: '/relative-leads', json: { martyrId: 't-rel-01', relationship: 'child', knowledge: '线索', consent: true, ...PLANTED, idNumberConsent: true } }],
      registerFamilySearch: [{ path: '/family-searches', json: family({ martyrName: '刘振邦', ...PLANTED, idNumberConsent: true }) }],
      listRegions: [{ path: '/regions' }, { path: '/regions?parent=360700' }],
      listCemeteries: [{ path: '/cemeteries' }],
      getCemetery: [{ path: '/cemeteries/sample-qingsong' }],
      listGraves: [{ path: '/cemeteries/sample-qingsong/graves?limit=100' }],
      getGrave: [{ path: '/graves/no-such-grave' }],
      mintVisitor: [{ path: '/visitors', json: {} }],
      staffSignIn: [{ path: '/staff/session', json: { login: 'admin', password: PLANTED.mobile } }],
      staffSetup: [{ path: '/staff/setup', json: { setupToken: 'x'.repeat(30), login: 'first', displayName: PLANTED.claimantName, password: 'a long enough passphrase' } }],
    };
    for (const [name] of pub) assert.ok(requests[name], `the scan covers the public route ${name}`);
    const bodies: string[] = [];
    for (const [name, r] of pub) {
      for (const req of requests[name]!) {
        const res = await call(server, r.method, req.path, req.json === undefined ? {} : { json: req.json });
        assert.ok(res.status < 500, `${name} ${req.path}: ${res.status}`);
        // The response only (the request itself of course carries the planted values).
        bodies.push(`${name}: ${JSON.stringify(res.body)} ${JSON.stringify([...res.headers])}`);
      }
    }
    for (const extra of ['/health', '/openapi.json']) bodies.push(JSON.stringify((await call(server, 'GET', extra)).body));
    for (const body of bodies) {
      for (const [what, value] of Object.entries(PLANTED)) assert.ok(!body.includes(value), `${what} leaked: ${body.slice(0, 200)}`);
      assert.ok(!body.includes('139****5678'), 'not even masked');
    }
  });

  it('refuses a bad mobile or ID number on the server, with the field named', async () => {
    const badMobile = await call(server, 'POST', '/family-searches', { json: family({ martyrName: '刘振邦', mobile: '1391234567' }) });
    assert.equal(badMobile.status, 400);
    assert.deepEqual(badMobile.body.issues.map((i: { path: string }) => i.path), ['mobile']);
    assert.match(badMobile.body.issues[0].message, /11-digit mainland mobile/);
    const badId = await call(server, 'POST', '/family-searches', { json: family({ martyrName: '刘振邦', idNumber: '110105194912310021', idNumberConsent: true }) });
    assert.equal(badId.status, 400);
    assert.deepEqual(badId.body.issues.map((i: { path: string }) => i.path), ['idNumber']);
    const badDate = await call(server, 'POST', '/relative-leads', {
      json: { martyrId: 't-rel-01', relationship: 'child', knowledge: 'x', consent: true, claimantName: '某', mobile: '13912345678', idNumber: '11010519491332002X', idNumberConsent: true },
    });
    assert.equal(badDate.status, 400, 'an impossible birth date inside the ID number');
  });
});

describe('closing and retention', () => {
  it('closes a case, and the purge deletes closed cases older than the retention period', async () => {
    const res = await call(server, 'POST', '/family-searches', {
      json: family({ martyrName: '刘振邦', period: 'liberation-war' }),
      headers: { 'idempotency-key': randomUUID() },
    });
    const ref = res.body.reference as string;
    assert.ok((await matchesFor(ref)).length > 0);
    const closed = await asAdmin('POST', `/admin/cases/${ref}/close`, { reason: '家属已找到' });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.status, 'closed');
    const open = AdminFamilySearchPage.parse((await asAdmin('GET', '/admin/family-searches?limit=100')).body).items;
    assert.ok(!open.some((s) => s.reference === ref), 'closed cases leave the open list');
    const closedList = AdminFamilySearchPage.parse((await asAdmin('GET', '/admin/family-searches?status=closed')).body).items;
    assert.ok(closedList.some((s) => s.reference === ref && s.closedAt));

    const now = RetentionPurgeResult.parse((await asAdmin('POST', '/admin/retention/purge', {})).body);
    assert.deepEqual([now.retentionDays, now.familySearches, now.relativeLeads, now.idempotencyKeys], [365, 0, 0, 0], 'kept within the retention period and the idempotency window');
    server.setNow(new Date(Date.now() + 366 * 86_400_000));
    try {
      const later = RetentionPurgeResult.parse((await asAdmin('POST', '/admin/retention/purge', {})).body);
      assert.equal(later.familySearches, 1);
      const { rows } = await server.db.query('SELECT 1 FROM family_searches WHERE reference = $1', [ref]);
      assert.equal(rows.length, 0);
      const { rows: matches } = await server.db.query("SELECT 1 FROM case_matches cm WHERE NOT EXISTS (SELECT 1 FROM family_searches f WHERE f.id = cm.family_search_id)");
      assert.equal(matches.length, 0, 'its matches went with it');
      assert.ok(later.idempotencyKeys >= 1, 'the stored answer of the family search is past the 24-hour window');
      const { rows: keys } = await server.db.query('SELECT 1 FROM idempotency_keys');
      assert.equal(keys.length, 0, 'no stored POST answer outlives the window');
    } finally {
      server.setNow(undefined);
    }
    const audit = AuditPage.parse((await asAdmin('GET', '/admin/audit?limit=5')).body).items;
    assert.ok(audit.some((a) => a.action === 'cases.purge' && a.detail?.familySearches === 1));
    assert.ok(audit.some((a) => a.action === 'case.close' && a.subject === ref));
  });
});
