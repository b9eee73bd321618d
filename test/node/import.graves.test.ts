import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { Grave, Martyr } from '../../src/contract/index.js';
import { importGraves, readGraveRecords } from '../../server/cemeteries/grave-import.js';
import { upsertCemetery } from '../../server/cemeteries/store.js';
import { applyRoll, parseRoll, readRollFile } from '../../server/import/roll.js';
import { parseCsv } from '../../server/import/text.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: TestServer;
let tmp: string;

const ROLL = [
  'source_id,name,sex,native_place,birth_date,death_date,period,sample',
  'G-001,林𠀋青,男,福建省某县,1920,1944-05,抗日战争时期,true',
  'G-002,王德发,男,江西省某县,1915,1936,土地革命战争时期,true',
  'G-003,李秀英,女,湖南省浏阳县,1921,1947,解放战争时期,true',
  'G-004,张国华,男,河北省某县,1925,1948,解放战争时期,true',
  'G-005,张国华,男,山东省某县,1926,1948,解放战争时期,true',
  'G-006,陈志远,男,广东省某县,1930,1951,抗美援朝时期,true',
  'G-007,周建国,男,安徽省某县,1928,1952,抗美援朝时期,true',
].join('\n');

const CEMETERY = 'c-test';
let ids: Record<string, string>;

const graveCount = async () => Number((await server.db.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM graves WHERE cemetery_id = $1', [CEMETERY])).rows[0]!.n);
const csv = (lines: string[]) => ({ records: parseCsv(lines.join('\r\n')), format: 'csv' as const });

before(async () => {
  server = await startTestServer({ seed: false });
  tmp = await mkdtemp(join(tmpdir(), 'grave-import-'));
  const roll = await applyRoll(server.db, await parseRoll(ROLL, 'csv', server.db));
  assert.deepEqual(roll.bad, []);
  const { rows } = await server.db.query<{ id: string; import_key: string }>('SELECT id, import_key FROM martyrs');
  ids = Object.fromEntries(rows.map((r) => [r.import_key.replace('id:', ''), r.id]));
  await upsertCemetery(server.db, {
    id: CEMETERY, name: '测试烈士陵园', level: 3, regionCode: '360731', address: null, contactPhone: '0797-1234567', visitingNotes: null, location: null, sample: true,
  });
});
after(async () => {
  await server.close();
  await rm(tmp, { recursive: true, force: true });
});

const HEADER = '墓区,排,号,英名录编号,烈士ID,姓名,籍贯,出生年月,牺牲时间,碑文';

describe('grave-list import', () => {
  it('links by 英名录编号 and by name + 籍贯 + dates, holds doubtful and ambiguous links for a person, and writes nothing', async () => {
    const report = await importGraves(server.db, CEMETERY, csv([
      HEADER,
      '一区,1,1,G-001,,林𠀋青,,,,',
      '一区,1,2,,,王德发,江西省某县,,1936,',
      '一区,1,3,,,李秀英,,1921,,合葬',
      '一区,1,3,,,陈志远,广东省,,1951,合葬',
      '一区,1,4,,,无名烈士,,,,无名烈士之墓',
      '一区,1,5,,,张国华,,,1948,',
      '一区,1,6,,,周健国,安徽省某县,,,',
      '一区,1,7,,,王德发,,,,',
      '一区,x,8,,,赵一,,,,',
      '一区,1,9,,,钱二,,,,',
    ]));
    assert.equal(report.applied, false);
    assert.equal(report.total, 10);
    assert.deepEqual(report.bad.map((b) => b.line), [10, 11]);
    assert.match(report.bad[0]!.reason, /^排 "x": must be a row number/);
    assert.match(report.bad[1]!.reason, /钱二.*no martyr on the roll/);
    const confirm = new Map(report.toConfirm.map((t) => [t.line, t]));
    assert.deepEqual([...confirm.keys()], [7, 8, 9]);
    assert.deepEqual(confirm.get(7)!.candidates.map((c) => c.id).sort(), [ids['G-004'], ids['G-005']].sort(), 'two 张国华 who died in 1948');
    assert.equal(confirm.get(8)!.candidates[0]!.id, ids['G-007'], '周健国 sounds like 周建国');
    assert.equal(confirm.get(8)!.candidates[0]!.reason, 'homophone');
    assert.match(confirm.get(9)!.why, /only the name/);
    assert.equal(await graveCount(), 0, 'all or nothing');
  });

  it('with --partial writes the sure rows, leaves a grave with a doubtful row out whole, and a re-import changes nothing', async () => {
    const lines = [
      HEADER,
      '一区,1,1,G-001,,林𠀋青,,,,',
      '一区,1,2,,,王德发,江西省某县,,1936,',
      '一区,1,3,,,李秀英,,1921,,合葬',
      '一区,1,3,,,陈志远,广东省,,1951,合葬',
      '一区,1,4,,,无名烈士,,,,无名烈士之墓',
      '二区,2,1,,,周健国,安徽省某县,,,',
      '二区,2,2,,,周建国,安徽省某县,,,',
      '二区,2,2,,,张国华,,,,',
    ];
    const report = await importGraves(server.db, CEMETERY, csv(lines), { partial: true });
    assert.equal(report.applied, true);
    assert.deepEqual(report.graves, { inserted: 4, updated: 0, unchanged: 0 });
    assert.equal(report.linked, 4);
    assert.equal(report.unnamed, 1);
    assert.deepEqual(report.toConfirm.map((t) => t.line), [7, 9]);
    const graves: Grave[] = (await call(server, 'GET', `/cemeteries/${CEMETERY}/graves?limit=500`)).body.items.map((g: unknown) => Grave.parse(g));
    const at = (s: string, r: number, n: number) => graves.find((g) => g.section.name === s && g.row === r && g.number === n);
    assert.equal(at('一区', 1, 1)!.martyrs[0]!.name, '林𠀋青', 'a name outside the BMP exactly as stored');
    assert.deepEqual(at('一区', 1, 3)!.martyrs.map((m) => m.name), ['李秀英', '陈志远'], '合葬墓 in file order');
    assert.equal(at('一区', 1, 3)!.inscription, '合葬');
    assert.deepEqual(at('一区', 1, 4)!.martyrs, []);
    assert.equal(at('二区', 2, 2), undefined, 'the grave with a doubtful 张国华 is left out whole, not written with 周建国 alone');
    const m = Martyr.parse((await call(server, 'GET', `/martyrs/${ids['G-001']}`)).body);
    assert.deepEqual([m.grave?.cemetery.name, m.grave?.section.name, m.grave?.row, m.grave?.number, m.grave?.cemetery.contactPhone], ['测试烈士陵园', '一区', 1, 1, '0797-1234567']);

    // The person confirms by putting the id in 烈士ID; the rest of the file is as before.
    const confirmed = [...lines.slice(0, 6), `二区,2,1,,${ids['G-007']},周健国,,,,`, `二区,2,2,,${ids['G-004']},,,,,`];
    const second = await importGraves(server.db, CEMETERY, csv(confirmed));
    assert.deepEqual([second.bad, second.toConfirm], [[], []]);
    assert.deepEqual(second.graves, { inserted: 2, updated: 0, unchanged: 4 });
    const third = await importGraves(server.db, CEMETERY, csv(confirmed));
    assert.deepEqual(third.graves, { inserted: 0, updated: 0, unchanged: 6 });
    const sections = (await call(server, 'GET', `/cemeteries/${CEMETERY}`)).body.sections;
    assert.deepEqual(sections.map((s: { name: string; rows: number; positions: number }) => [s.name, s.rows, s.positions]), [['一区', 1, 4], ['二区', 2, 2]]);
  });

  it('refuses to put a martyr in a second grave, or twice in one file', async () => {
    const report = await importGraves(server.db, CEMETERY, csv([
      HEADER,
      '三区,1,1,G-001,,,,,,',
      '三区,1,2,G-002,,,,,,',
      '三区,1,3,G-002,,,,,,',
    ]));
    assert.equal(report.applied, false);
    assert.match(report.bad.find((b) => b.line === 2)!.reason, /already lies in 测试烈士陵园 一区 1排 1号/);
    assert.match(report.bad.find((b) => b.line === 4)!.reason, /already placed on line 3/);
    assert.equal(report.bad.find((b) => b.line === 3)?.reason.includes('already lies in'), true, '王德发 lies in 一区 1排 2号');
    const wrongName = await importGraves(server.db, CEMETERY, csv([HEADER, '三区,1,1,G-003,,王德发,,,,']));
    assert.match(wrongName.bad[0]!.reason, /belongs to 李秀英/);
    const unknown = await importGraves(server.db, CEMETERY, csv(['墓区,排,姓名', '一区,1,王德发']));
    assert.match(unknown.bad[0]!.reason, /no 号 \(number\) column/);
  });

  it('reads XLSX grave lists and rolls, with 林𠀋青 exact, numbers and Chinese numerals as positions, dates at their precision', async () => {
    const wb = new ExcelJS.Workbook();
    const rollSheet = wb.addWorksheet('英名录');
    rollSheet.addRow(['编号', '姓名', '性别', '籍贯', '出生年月', '牺牲时间', '历史时期', '示例']);
    rollSheet.addRow(['X-1', '林𠀋青', '女', '浙江省某县', '1922', new Date(Date.UTC(1945, 6, 1)), '抗日战争时期', '是']);
    rollSheet.getCell('F2').numFmt = 'yyyy"年"m"月"';
    rollSheet.addRow(['X-2', { richText: [{ text: '欧阳' }, { text: '𠮷明' }] }, '男', '湖南省某县', 1930, new Date(Date.UTC(1951, 1, 11)), '抗美援朝时期', '是']);
    rollSheet.getCell('F3').numFmt = 'yyyy-mm-dd';
    const rollFile = join(tmp, 'roll.xlsx');
    await wb.xlsx.writeFile(rollFile);
    const parsed = await readRollFile(rollFile, server.db, { namespace: 'xl' });
    assert.equal(parsed.format, 'xlsx');
    assert.deepEqual(parsed.bad, []);
    assert.deepEqual(parsed.rows.map((r) => [r.line, r.record.name, r.record.deathDate, r.record.birthDate]), [[2, '林𠀋青', '1945-07', '1922'], [3, '欧阳𠮷明', '1951-02-11', '1930']]);
    const applied = await applyRoll(server.db, parsed);
    assert.equal(applied.inserted, 2);

    const gw = new ExcelJS.Workbook();
    const sheet = gw.addWorksheet('墓位');
    sheet.addRow(['墓区', '排', '号', '英名录编号', '姓名', '碑文']);
    sheet.addRow(['东区', '三排', 12, 'X-1', '林𠀋青', '林𠀋青烈士之墓']);
    sheet.addRow(['东区', 3, '十三号', 'X-2', '欧阳𠮷明', null]);
    const file = join(tmp, 'graves.xlsx');
    await gw.xlsx.writeFile(file);
    const report = await importGraves(server.db, CEMETERY, await readGraveRecords(file), { namespace: 'xl' });
    assert.deepEqual([report.format, report.bad, report.toConfirm, report.linked], ['xlsx', [], [], 2]);
    const page = (await call(server, 'GET', `/cemeteries/${CEMETERY}/graves?limit=500`)).body.items.map((g: unknown) => Grave.parse(g));
    const east = page.filter((g: Grave) => g.section.name === '东区');
    assert.deepEqual(east.map((g: Grave) => [g.row, g.number, g.martyrs[0]!.name, g.inscription]), [[3, 12, '林𠀋青', '林𠀋青烈士之墓'], [3, 13, '欧阳𠮷明', null]]);
  });

  it('imports the shipped example grave list after the example roll, with a 合葬墓 and a 无名烈士 grave', async () => {
    const roll = await applyRoll(server.db, await readRollFile(join(root, 'docs/examples/roll-sample.csv'), server.db));
    assert.deepEqual(roll.bad, []);
    await upsertCemetery(server.db, { id: 'c-example', name: '示例烈士陵园', level: 5, regionCode: null, address: null, contactPhone: null, visitingNotes: null, location: null, sample: true });
    const report = await importGraves(server.db, 'c-example', await readGraveRecords(join(root, 'docs/examples/graves-sample.csv')));
    assert.deepEqual([report.bad, report.toConfirm], [[], []]);
    assert.deepEqual([report.graves.inserted, report.linked, report.unnamed], [5, 5, 1]);
  });

  it('runs from the command line: npm run import -- FILE --graves --cemetery ID creates the cemetery and reports rows to confirm', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, MEMORIAL_DATA_DIR: join(tmp, 'data') };
    delete env.DATABASE_URL;
    const run = promisify(execFile);
    const rollFile = join(tmp, 'cli-roll.csv');
    await writeFile(rollFile, ROLL);
    await run(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', rollFile], { cwd: root, env });
    const graves = join(tmp, 'cli-graves.csv');
    await writeFile(graves, [HEADER, '一区,1,1,G-001,,林𠀋青,,,,', '一区,1,2,,,周健国,安徽省某县,,,'].join('\n'));
    const args = ['--import', 'tsx', 'server/cli/import.ts', graves, '--graves', '--cemetery', 'cli-c', '--name', '命令行烈士陵园', '--level', '4'];
    const held = await run(process.execPath, args, { cwd: root, env }).catch((e: { code: number; stderr: string }) => e);
    assert.equal((held as { code: number }).code, 1);
    assert.match((held as { stderr: string }).stderr, /cli-graves\.csv:3: 周健国: to confirm/);
    assert.match((held as { stderr: string }).stderr, /r-\S+ {2}周建国/);
    const ok = await run(process.execPath, [...args, '--partial'], { cwd: root, env }).catch((e: { code: number; stdout: string }) => e);
    assert.equal((ok as { code?: number }).code, 2, 'applied with a row left out');
    assert.match((ok as { stdout: string }).stdout, /graves 1 new.*1 martyrs linked/);
  });
});
