import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decryptField } from '../../server/personal-data.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

describe('messages', () => {
  it('holds a new message for review: not listed until approved, then listed as plain text', async () => {
    const text = '<img src=x onerror=alert(1)>缅怀先烈 𠀋';
    const res = await call(server, 'POST', '/martyrs/sample-0010/messages', { json: { text, signature: '一名读者' } });
    assert.equal(res.status, 202);
    assert.equal(res.body.status, 'pending');
    assert.equal((await call(server, 'GET', '/martyrs/sample-0010/messages')).body.items.length, 0);
    await server.db.query("UPDATE messages SET status = 'approved' WHERE id = $1", [res.body.id]);
    const listed = (await call(server, 'GET', '/martyrs/sample-0010/messages')).body.items;
    assert.equal(listed.length, 1);
    assert.equal(listed[0].text, text, 'stored and returned exactly, markup included, as data');
    assert.equal(listed[0].signature, '一名读者');
    assert.equal(listed[0].status, undefined, 'moderation fields stay private');
  });

  it('one report queues an approved message for moderators without taking it off the wall', async () => {
    const res = await call(server, 'POST', '/martyrs/sample-0011/messages', { json: { text: '致敬' } });
    await server.db.query("UPDATE messages SET status = 'approved' WHERE id = $1", [res.body.id]);
    const report = await call(server, 'POST', `/messages/${res.body.id}/reports`, { json: { reason: '不当内容' } });
    assert.equal(report.status, 202);
    assert.equal((await call(server, 'GET', '/martyrs/sample-0011/messages')).body.items.length, 1, 'one reporter is not a strong signal');
    const { rows } = await server.db.query<{ status: string; reports: number }>('SELECT status, reports FROM messages WHERE id = $1', [res.body.id]);
    assert.deepEqual([rows[0]!.status, Number(rows[0]!.reports)], ['approved', 1]);
  });

  it('pages approved messages newest first without gaps or repeats', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await call(server, 'POST', '/martyrs/sample-0012/messages', { json: { text: `第${i}条` } });
      ids.push(r.body.id);
      await server.db.query(`UPDATE messages SET status = 'approved', created_at = now() + interval '${i} second' WHERE id = $1`, [r.body.id]);
    }
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = (await call(server, 'GET', `/martyrs/sample-0012/messages?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).body;
      seen.push(...page.items.map((m: { id: string }) => m.id));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    assert.deepEqual(seen, [...ids].reverse());
  });

  it('limits text to 500 characters counted as people count them', async () => {
    const ok = await call(server, 'POST', '/martyrs/sample-0013/messages', { json: { text: '𠀋'.repeat(500) } });
    assert.equal(ok.status, 202, '500 astral characters are 500 characters');
    const tooLong = await call(server, 'POST', '/martyrs/sample-0013/messages', { json: { text: '念'.repeat(501) } });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.issues[0].path, 'text');
    const blank = await call(server, 'POST', '/martyrs/sample-0013/messages', { json: { text: '   ' } });
    assert.equal(blank.status, 400);
  });
});

describe('relative leads and family searches', () => {
  const lead = {
    martyrId: 'sample-0020',
    claimantName: '李明',
    relationship: 'grandchild',
    mobile: '13800138000',
    knowledge: '祖父1950年参军，家中有一封来信。',
    consent: true,
  };

  it('stores a lead, answers only with a reference, and encrypts the ID number at rest', async () => {
    const idNumber = '11010519491231002X';
    const res = await call(server, 'POST', '/relative-leads', { json: { ...lead, idNumber, idNumberConsent: true } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.reference, /^L\d{8}-[A-Z0-9]{6}$/);
    assert.deepEqual(Object.keys(res.body), ['reference']);
    const { rows } = await server.db.query<{ id_number_enc: string; mobile: string }>('SELECT id_number_enc, mobile FROM relative_leads WHERE reference = $1', [res.body.reference]);
    assert.ok(!rows[0]!.id_number_enc.includes(idNumber));
    assert.throws(() => decryptField(Buffer.alloc(32), rows[0]!.id_number_enc), 'another key cannot read it');
  });

  it('refuses a bad mobile, a bad ID check character, an ID without its consent, and no consent', async () => {
    const badMobile = await call(server, 'POST', '/relative-leads', { json: { ...lead, mobile: '12800138000' } });
    assert.equal(badMobile.status, 400);
    assert.equal(badMobile.body.issues[0].path, 'mobile');
    const badId = await call(server, 'POST', '/relative-leads', { json: { ...lead, idNumber: '110105194912310021', idNumberConsent: true } });
    assert.equal(badId.status, 400);
    assert.equal(badId.body.issues[0].path, 'idNumber');
    const noIdConsent = await call(server, 'POST', '/relative-leads', { json: { ...lead, idNumber: '11010519491231002X' } });
    assert.equal(noIdConsent.status, 400);
    assert.equal(noIdConsent.body.issues[0].path, 'idNumberConsent');
    const noConsent = await call(server, 'POST', '/relative-leads', { json: { ...lead, consent: false } });
    assert.equal(noConsent.status, 400);
    const { rows } = await server.db.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM relative_leads');
    assert.equal(Number(rows[0]!.n), 1, 'only the valid lead of the previous test was stored');
  });

  it('registers a family search and returns a reference', async () => {
    const res = await call(server, 'POST', '/family-searches', {
      json: { martyrName: '章志名', nativePlace: '江西省赣县', period: 'liberation-war', claimantName: '章红', relationship: 'child', mobile: '15912345678', knowledge: '父亲1948年随部队南下后失去音讯。', consent: true },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.reference, /^F\d{8}-/);
  });
});
