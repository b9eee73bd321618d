import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Martyr, MartyrSearchPage } from '../../src/contract/index.js';
import { applyRoll, parseRoll, readRollFile } from '../../server/import/roll.js';
import { decodeRollFile, parseCsv } from '../../server/import/text.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = join(root, 'docs/examples/roll-sample.csv');
let server: TestServer;
let tmp: string;

const count = async () => Number((await server.db.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM martyrs')).rows[0]!.n);
const importCsv = async (csv: string, opts: { partial?: boolean; namespace?: string } = {}) =>
  applyRoll(server.db, await parseRoll(csv, 'csv', server.db, { namespace: opts.namespace }), { partial: opts.partial ?? false });

before(async () => {
  server = await startTestServer();
  tmp = await mkdtemp(join(tmpdir(), 'roll-import-'));
});
after(async () => {
  await server.close();
  await rm(tmp, { recursive: true, force: true });
});

const HEADER = 'source_id,name,sex,native_place,native_place_code,birth_date,death_date,period,seeking_relatives,sample';

describe('roll import', () => {
  it('imports the shipped example, then re-importing it changes nothing', async () => {
    const before = await count();
    const first = await applyRoll(server.db, await readRollFile(EXAMPLE, server.db));
    assert.deepEqual(first.bad, []);
    assert.equal(first.applied, true);
    assert.equal(first.inserted, 6);
    assert.equal(await count(), before + 6);
    const again = await applyRoll(server.db, await readRollFile(EXAMPLE, server.db));
    assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 6]);
    assert.equal(await count(), before + 6, 're-importing does not duplicate');
    // Imported records are searchable at once, by the forgiving keys too.
    const page = MartyrSearchPage.parse((await call(server, 'GET', `/martyrs?q=${encodeURIComponent('鍾守義')}`)).body);
    const hit = page.items.find((m) => m.name === '钟守义');
    assert.equal(hit?.match?.reason, 'script-variant');
    const full = Martyr.parse((await call(server, 'GET', `/martyrs/${hit!.id}`)).body);
    assert.equal(full.period, 'agrarian-revolution', 'period given as 土地革命战争时期');
    assert.equal(full.deathDate, '1934-10', '1934年10月 read as 1934-10');
    assert.deepEqual(full.nativePlace, { text: '江西省雩都县', code: null }, 'old place name, no code');
    assert.equal(full.seekingRelatives, true);
    assert.equal(full.sample, true);
    const coded = (await server.db.query<{ native_place_text: string }>("SELECT native_place_text FROM martyrs WHERE name = '曾繁荣'")).rows[0];
    assert.equal(coded?.native_place_text, '江西省赣州市于都县', 'a code alone gets its written place from GB/T 2260');
    const bio = (await server.db.query<{ biography: string }>("SELECT biography FROM martyrs WHERE name = '刘桂英'")).rows[0];
    assert.match(bio!.biography, /\n1938年/, 'a quoted cell keeps its line break');
  });

  it('reports every bad row with its line and reason, and applies nothing', async () => {
    const before = await count();
    const csv = [
      HEADER,
      'X-1,王德发,男,,360731,1915,1936,土地革命战争时期,否,true',
      'X-2,李得胜,男,,,1915,1937年13月,抗日战争时期,否,true',
      'X-3,,男,,,,,,,true',
      '"X-4","赵""二""虎",x,,,,,,,true',
      'X-5,孙立,女,,990101,,,,,true',
      'X-6,周正,男,,,,,不存在的时期,也许,true',
      'X-1,王德发,男,,360731,1915,1936,土地革命战争时期,否,true',
    ].join('\r\n');
    const report = await importCsv(csv);
    assert.equal(report.applied, false);
    assert.equal(report.total, 7);
    assert.deepEqual(report.bad.map((b) => b.line), [3, 4, 5, 6, 7, 8]);
    const reason = (line: number) => report.bad.find((b) => b.line === line)!.reason;
    assert.match(reason(3), /^death_date "1937年13月": must be YYYY/);
    assert.match(reason(4), /^name( "")?: must not be empty/);
    assert.match(reason(5), /^sex "x": must be 男 or 女/);
    assert.match(reason(6), /native_place_code "990101": is not a current GB\/T 2260 code/);
    assert.match(reason(7), /period "不存在的时期": is not a known history period/);
    assert.match(reason(7), /seeking_relatives "也许"/, 'all of a row\'s problems, not just the first');
    assert.match(reason(8), /repeats the record on line 2 \(the same source id\)/);
    assert.equal(await count(), before, 'all-or-nothing: the good row 2 was not applied either');
  });

  it('applies the good rows with partial, and reports the rest', async () => {
    const before = await count();
    const csv = [HEADER, 'P-1,吴立本,男,,360731,1915,1936,土地革命战争时期,否,true', 'P-2,郑,男,,,,1937-02-30,,,true'].join('\n');
    const report = await importCsv(csv, { partial: true });
    assert.equal(report.applied, true);
    assert.equal(report.inserted, 1);
    assert.deepEqual(report.bad.map((b) => b.line), [3]);
    assert.equal(await count(), before + 1);
  });

  it('upserts on the source id: a corrected row updates the same martyr', async () => {
    await importCsv([HEADER, 'U-1,黄有根,男,,,1920,1947,解放战争时期,否,true'].join('\n'));
    const id = (await server.db.query<{ id: string }>("SELECT id FROM martyrs WHERE import_key = 'id:U-1'")).rows[0]!.id;
    const fixed = await importCsv([HEADER, 'U-1,黃有根,男,,,1920,1947-05,解放战争时期,否,true'].join('\n'));
    assert.deepEqual([fixed.inserted, fixed.updated], [0, 1]);
    const row = (await server.db.query<{ id: string; name: string; death_date: string; name_simplified: string }>(
      "SELECT id, name, death_date, name_simplified FROM martyrs WHERE import_key = 'id:U-1'",
    )).rows;
    assert.deepEqual(row, [{ id, name: '黃有根', death_date: '1947-05', name_simplified: '黄有根' }], 'same id, keys recomputed');
    const clash = await importCsv([HEADER, 'U-1,钱大海,男,,,1920,1947,解放战争时期,否,true'].join('\n'));
    assert.equal(clash.applied, false);
    assert.match(clash.bad[0]!.reason, /source id already belongs to 黃有根/);
  });

  it('without a source id, keys on name, birth, native place and death: no duplicates on re-import', async () => {
    const csv = ['姓名,性别,籍贯,出生年月,牺牲时间,历史时期', '陶大山,男,湖南省浏阳县,1921.3,1949年4月,解放战争时期', '陶大山,男,湖南省浏阳县,1925,1949年4月,解放战争时期'].join('\n');
    const first = await importCsv(csv);
    assert.deepEqual(first.bad, []);
    assert.equal(first.inserted, 2, 'two different people (different birth years)');
    const again = await importCsv(csv);
    assert.deepEqual([again.inserted, again.unchanged], [0, 2]);
    const traditional = await importCsv(csv.replace('湖南省浏阳县', '湖南省瀏陽縣'));
    assert.equal(traditional.inserted, 0, 'the key uses the simplified forms');
  });

  it('reads JSON rolls with line numbers, and GB18030 CSV from Excel', async () => {
    const json = `[
  { "sourceId": "J-1", "name": "严正", "deathDate": "1938", "period": "anti-japanese-war" },
  {
    "sourceId": "J-2",
    "name": "严明",
    "deathDate": "1938-02-30"
  },
  { "name": "严格", "nickname": "x" }
]`;
    const report = await applyRoll(server.db, await parseRoll(json, 'json', server.db));
    assert.equal(report.applied, false);
    assert.deepEqual(report.bad.map((b) => [b.line, b.reason.split(':')[0]]), [[3, 'deathDate "1938-02-30"'], [8, 'unknown field "nickname"']]);
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd]); // "姓名\n张三" in GB18030
    assert.equal(decodeRollFile(gbk), '姓名\n张三');
    assert.deepEqual(parseCsv('a,"b\nc",d\n\n"e""f",g\n').map((r) => [r.line, r.cells]), [[1, ['a', 'b\nc', 'd']], [4, ['e"f', 'g']]]);
  });

  it('the CLI reports bad rows as file:line and exits 1; a good file exits 0 and says what it did', async () => {
    const bad = join(tmp, 'bad.csv');
    await writeFile(bad, [HEADER, 'C-1,冯立,男,,,,1937年13月,,,true'].join('\n'));
    const env: NodeJS.ProcessEnv = { ...process.env, MEMORIAL_DATA_DIR: join(tmp, 'data') };
    delete env.DATABASE_URL;
    const run = promisify(execFile);
    const failed = await run(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', bad], { cwd: root, env }).catch((e: { code: number; stderr: string }) => e);
    assert.equal((failed as { code: number }).code, 1);
    assert.match((failed as { stderr: string }).stderr, /bad\.csv:2: death_date "1937年13月"/);
    assert.match((failed as { stderr: string }).stderr, /Nothing imported/);
    const ok = await run(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', EXAMPLE], { cwd: root, env });
    assert.match(ok.stdout, /6 rows read, 6 new, 0 updated, 0 unchanged/);
    assert.ok((await readFile(EXAMPLE, 'utf8')).includes('（示例数据，人物虚构）'), 'the example is marked as fictional sample data');
  });
});
