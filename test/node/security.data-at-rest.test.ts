/**
 * Issue 17, item 2: the embedded database's files are the server user's alone (directories
 * 0700, files 0600 whatever the umask), and relatives' names and mobiles are encrypted at rest
 * like ID numbers, with key rotation.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { decryptField, encryptField } from '../../server/personal-data.js';
import { mobileHash, openContact, reencryptCases, sealPlainCases, type SealedRow } from '../../server/relatives/sealed-fields.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

async function modes(dir: string, out: { path: string; mode: number; dir: boolean }[] = []) {
  out.push({ path: dir, mode: (await stat(dir)).mode & 0o777, dir: true });
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await modes(p, out);
    else if (e.isFile()) out.push({ path: p, mode: (await stat(p)).mode & 0o777, dir: false });
  }
  return out;
}

describe('security: the embedded data directory', () => {
  let dir: string;
  let umask: number;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'memorial-modes-'));
    umask = process.umask(0); // the worst umask: everything would be world-writable
  });
  after(async () => {
    process.umask(umask);
    await rm(dir, { recursive: true, force: true });
  });

  it('directories are 0700 and files 0600 even with umask 0, including files written after start', { skip: process.env.TEST_DATABASE_URL ? 'embedded database only' : false }, async () => {
    const data = join(dir, 'pglite');
    const db = await openDatabase({ dataDir: data });
    await migrate(db);
    await db.query("INSERT INTO periods (id, sort_order, name_zh_hans, name_zh_hant, name_en) VALUES ('p', 1, 'a', 'a', 'a')");
    await db.query('CHECKPOINT');
    await db.close();
    const all = await modes(data);
    assert.ok(all.filter((f) => !f.dir).length > 50, 'the walk saw the database files');
    assert.deepEqual(all.filter((f) => f.mode !== (f.dir ? 0o700 : 0o600)).map((f) => `${f.path} ${f.mode.toString(8)}`), []);
  });
});

describe('security: relatives\' names and mobiles at rest', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());
  const lead = { martyrId: 'sample-0001', claimantName: '林𠀋青', relationship: 'child', mobile: '13800138000', knowledge: '家中有烈士证', consent: true };

  it('stores only ciphertext and a keyed hash; the admin reveal still reads them exactly', async () => {
    const res = await call(server, 'POST', '/relative-leads', { json: lead });
    assert.equal(res.status, 201);
    const { rows } = await server.db.query<Record<string, string | null>>('SELECT * FROM relative_leads WHERE reference = $1', [res.body.reference]);
    const row = rows[0]!;
    const stored = JSON.stringify(row);
    assert.ok(!stored.includes('13800138000') && !stored.includes('林𠀋青') && !stored.includes('138'), 'no plain name or mobile in any column');
    assert.equal(row.mobile_hash, mobileHash(server.dataKey, '13800138000'), 'equality by keyed hash');
    const reveal = await call(server, 'POST', `/admin/cases/${res.body.reference}/reveal`, { json: { reason: '回电核实' }, headers: { authorization: `Bearer ${server.adminToken}` } });
    assert.equal(reveal.body.claimantName, '林𠀋青');
    assert.equal(reveal.body.mobile, '13800138000');
  });

  it('seals rows written before the change, and a rotation re-encrypts everything under the new key', async () => {
    await server.db.query(
      `INSERT INTO relative_leads (id, reference, martyr_id, claimant_name, relationship, mobile, id_number_enc, knowledge)
       VALUES ('old-1', 'L20240101-OLD111', 'sample-0001', '王小明', 'child', '13900139000', $1, '旧线索')`,
      [encryptField(server.dataKey, '11010519491231002X')],
    );
    assert.equal(await sealPlainCases(server.db, server.dataKey), 1);
    const read = async () => (await server.db.query<SealedRow & { id_number_enc: string; mobile_hash: string }>("SELECT * FROM relative_leads WHERE id = 'old-1'")).rows[0]!;
    const sealed = await read();
    assert.equal(sealed.mobile, null);
    assert.equal(sealed.claimant_name, null);
    assert.deepEqual(openContact(server.dataKey, sealed), { claimantName: '王小明', mobile: '13900139000' });

    const next = randomBytes(32);
    const seen: number[] = [];
    const n = await reencryptCases(server.db, next, [server.dataKey], (done) => seen.push(done));
    assert.ok(n >= 2 && seen.at(-1) === n, 'progress reported');
    const rotated = await read();
    assert.deepEqual(openContact(next, rotated), { claimantName: '王小明', mobile: '13900139000' });
    assert.equal(decryptField(next, rotated.id_number_enc), '11010519491231002X');
    assert.throws(() => decryptField(server.dataKey, rotated.mobile_enc!), 'the old key no longer reads it');
    assert.equal(rotated.mobile_hash, mobileHash(next, '13900139000'));
    assert.equal(decryptField([server.dataKey, next], rotated.mobile_enc!), '13900139000', 'a key ring reads with any of its keys');
  });
});
