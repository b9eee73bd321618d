/**
 * Issue 17, items 4 and 8: crafted cursors are a 400 on every list, never a 500, and nothing a
 * request carried reaches the error log (no stack, no SQL, no bound parameters).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { routes } from '../../src/contract/index.js';
import { keysetCursor } from '../../server/http/paging.js';
import { CRAFTED_CURSORS } from '../helpers/crafted.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: Record<string, string>;
const logged: string[] = [];
const original = console.error;
before(async () => {
  server = await startTestServer();
  admin = { authorization: `Bearer ${server.adminToken}` };
  console.error = (...args: unknown[]) => {
    logged.push(args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
});
after(async () => {
  console.error = original;
  await server.close();
});

/** Every list that takes a cursor, public and admin. */
const LISTS: [name: keyof typeof routes, path: string, admin: boolean][] = [
  ['searchMartyrs', '/martyrs?q=张', false],
  ['searchMartyrs', '/martyrs', false],
  ['listMessages', '/martyrs/sample-0001/messages', false],
  ['adminListMessages', '/admin/messages', true],
  ['adminAuditLog', '/admin/audit', true],
  ['adminListRelativeLeads', '/admin/relative-leads', true],
  ['adminListFamilySearches', '/admin/family-searches', true],
  ['adminListMatches', '/admin/matches', true],
  ['campaignEmbeds', '/campaigns/qingming-2026/embeds', true],
  ['listCemeteries', '/cemeteries', false],
  ['listGraves', '/cemeteries/sample-qingsong/graves', false],
  ['adminListGraves', '/admin/graves', true],
  ['adminListStaff', '/admin/staff', true],
  ['adminThrottled', '/admin/throttled', true],
];
/**
 * Lists keyed by text alone (a cemetery's name and id, a login): a crafted date is a valid name
 * there, so the answer may be a page; what must hold is no 5xx and nothing in the log.
 */
const TEXT_KEYED = new Set(['/cemeteries', '/admin/staff']);

describe('security: cursors', () => {
  it('covers every route whose query takes a cursor', () => {
    const withCursor = Object.entries(routes).filter(([, r]) => 'query' in r && r.query && 'cursor' in (r.query as { shape: object }).shape).map(([n]) => n);
    assert.deepEqual([...new Set(LISTS.map(([n]) => n))].sort(), withCursor.sort());
  });

  it('answers every crafted cursor on every list with a 400 naming the cursor', async () => {
    const bad: string[] = [];
    for (const [, path, isAdmin] of LISTS) {
      for (const cursor of CRAFTED_CURSORS) {
        const sep = path.includes('?') ? '&' : '?';
        const res = await call(server, 'GET', `${path}${sep}cursor=${encodeURIComponent(cursor)}`, { headers: isAdmin ? admin : {} });
        const refused = res.status === 400 && res.body.code === 'validation_failed' && res.body.issues?.[0]?.path === 'cursor';
        if (!refused && !(TEXT_KEYED.has(path) && res.status === 200)) {
          bad.push(`${path} ${Buffer.from(cursor, 'base64url').toString()} → ${res.status} ${res.body?.code}`);
        }
      }
    }
    assert.deepEqual(bad, []);
    assert.deepEqual(logged, [], 'nothing was logged');
  });

  it('still pages with the cursors the server issues', async () => {
    const first = await call(server, 'GET', '/martyrs?limit=3');
    const second = await call(server, 'GET', `/martyrs?limit=3&cursor=${first.body.nextCursor}`);
    assert.equal(second.status, 200);
    assert.notEqual(second.body.items[0].id, first.body.items[0].id);
    const audit = keysetCursor(['int'] as const);
    assert.deepEqual(audit.decode(audit.encode([42])), [42]);
  });
});

describe('security: error log', () => {
  it('logs a failed insert of a lead by request id and SQLSTATE, without the name, mobile or SQL', async () => {
    await server.db.exec('ALTER TABLE relative_leads ADD CONSTRAINT test_refuse_all CHECK (false)');
    try {
      logged.length = 0;
      const knowledge = '家父1951年入朝，独有线索';
      const res = await call(server, 'POST', '/relative-leads', {
        json: { martyrId: 'sample-0001', claimantName: '赵秘密', relationship: 'child', mobile: '13700137000', knowledge, consent: true },
        headers: { 'x-request-id': 'req-security-0001' },
      });
      assert.equal(res.status, 500);
      assert.equal(res.body.requestId, 'req-security-0001');
      assert.equal(logged.length, 1, logged.join('\n'));
      const line = logged[0]!;
      for (const secret of ['赵秘密', '13700137000', knowledge, 'INSERT', 'relative_leads', ' at ']) assert.ok(!line.includes(secret), `log carries ${secret}: ${line}`);
      const entry = JSON.parse(line);
      assert.deepEqual([entry.requestId, entry.sqlstate, entry.path], ['req-security-0001', '23514', '/api/v1/relative-leads']);
    } finally {
      await server.db.exec('ALTER TABLE relative_leads DROP CONSTRAINT test_refuse_all');
    }
  });
});
