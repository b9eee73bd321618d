import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Martyr, MartyrSearchPage } from '../../src/contract/index.js';
import { applyRoll, parseRoll } from '../../server/import/roll.js';
import { insertMartyrs, martyrRow, type MartyrRecord } from '../../server/martyr-store.js';
import { searchMartyrs } from '../../server/routes/martyr-search.js';
import { backfillNameKeys } from '../../server/search/backfill.js';
import { compareNames } from '../../server/search/name-keys.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * 别名: a martyr's other names (曾用名, 化名) are searched with every key, the record shows them,
 * the roll import reads them, and the in-memory matcher agrees with the database about them.
 * Records are fictional, placed beside the 360 sample martyrs.
 */
let server: TestServer;

const blank: MartyrRecord = {
  name: '', sex: 'male', ethnicity: '汉族', nativePlace: null, birthDate: null, enlistmentDate: null, unit: null, post: null,
  deathDate: null, deathPlace: null, period: null, burial: null, photoUrl: null, biography: null, approval: null,
  seekingRelatives: false, sample: true,
};
const PLACED: (Partial<MartyrRecord> & { id: string; name: string })[] = [
  { id: 't-alias-01', name: '王德顺', aliases: ['王老五', '王顺'] },
  { id: 't-alias-02', name: '王老五' }, // someone else's name, the first one's alias: the name itself ranks first
  { id: 't-alias-03', name: '林铁', aliases: ['林秀山', '林鐵生'] },
  { id: 't-alias-04', name: '范玉山', aliases: ['范二'] },
  { id: 't-alias-05', name: '单志远', aliases: ['单远'] },
  { id: 't-alias-06', name: '陈秀英', aliases: ['陈秀兰', '陈兰'] },
];

async function search(q: string, extra = '') {
  const res = await call(server, 'GET', `/martyrs?q=${encodeURIComponent(q)}${extra}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return MartyrSearchPage.parse(res.body);
}

async function allPages(q: string, limit = 3) {
  const items: MartyrSearchPage['items'] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: MartyrSearchPage = await search(q, `&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 300);
  return items;
}

before(async () => {
  server = await startTestServer();
  await insertMartyrs(server.db, PLACED.map((p) => martyrRow(p.id, { ...blank, ...p })));
});
after(() => server.close());

describe('other names (别名)', () => {
  it('are found by every key, and the match names the alias', async () => {
    const byAlias = await search('林秀山');
    assert.equal(byAlias.items[0]!.id, 't-alias-03');
    assert.deepEqual(byAlias.items[0]!.match, { reason: 'exact', score: 1, alias: '林秀山' });
    assert.deepEqual((await search('lin xiushan')).items.find((m) => m.id === 't-alias-03')?.match, { reason: 'pinyin', score: 0.85, alias: '林秀山' });
    assert.equal((await search('林秀珊')).items.find((m) => m.id === 't-alias-03')?.match?.reason, 'homophone');
    assert.deepEqual((await search('林铁生')).items.find((m) => m.id === 't-alias-03')?.match, { reason: 'script-variant', score: 0.95, alias: '林鐵生' });
    assert.deepEqual((await search('范二')).items[0]!.match, { reason: 'exact', score: 1, alias: '范二' });
    assert.deepEqual((await search('房二')).items.find((m) => m.id === 't-alias-04')?.match, { reason: 'dialect', score: 0.7, detail: '房/范', alias: '范二' });
    assert.equal((await search('dan yuan')).items.find((m) => m.id === 't-alias-05')?.match?.alias, '单远', 'the alias in its other surname reading');
  });

  it('rank below the same match by a name, and a record comes once with its best match', async () => {
    const page = await search('王老五');
    assert.deepEqual(page.items.slice(0, 2).map((m) => m.id), ['t-alias-02', 't-alias-01']);
    assert.equal(page.items[0]!.match?.alias, undefined);
    const both = await allPages('陈秀兰', 2);
    const hits = both.filter((m) => m.id === 't-alias-06');
    assert.equal(hits.length, 1, 'no record twice although its name and two aliases match');
    assert.deepEqual(hits[0]!.match, { reason: 'exact', score: 1, alias: '陈秀兰' }, 'the exact alias beats the name\'s homophone-less partial match');
  });

  it('the database and the in-memory matcher agree, page by page', async () => {
    const { rows } = await server.db.query<{ id: string; name: string; aliases: string[] | null }>('SELECT id, name, aliases FROM martyrs');
    const queries = ['王老五', '王顺', '王德顺', '王', '林秀山', 'lin xiu shan', 'lxs', '林', '秀山', '林鐵', '范二', '房二', '陈秀兰', '陈兰', '陈秀', 'dan yuan', '单远', '秀英'];
    for (const q of queries) {
      const items = await allPages(q, 4);
      assert.equal(new Set(items.map((m) => m.id)).size, items.length, `no record twice for ${q}`);
      for (const m of items) {
        const r = rows.find((x) => x.id === m.id)!;
        assert.deepEqual(compareNames(q, { name: r.name, aliases: r.aliases }), m.match, `${q} → ${r.name} ${r.aliases ?? ''}`);
      }
      const expected = rows.filter((r) => compareNames(q, { name: r.name, aliases: r.aliases })).map((r) => r.id).sort();
      assert.deepEqual(items.map((m) => m.id).sort(), expected, `same set for ${q}`);
      const scores = items.map((m) => m.match!.score);
      for (let i = 1; i < scores.length; i++) assert.ok(scores[i]! <= scores[i - 1]!, `${q}: never a stronger reason after a weaker one`);
    }
  });

  it('are shown on the record', async () => {
    const full = Martyr.parse((await call(server, 'GET', '/martyrs/t-alias-03')).body);
    assert.deepEqual(full.aliases, ['林秀山', '林鐵生']);
    assert.deepEqual(Martyr.parse((await call(server, 'GET', '/martyrs/t-alias-02')).body).aliases, []);
  });

  it('serve case matching with the strong branches only', async () => {
    const page = await searchMartyrs(server.db, { q: '房二', limit: 50 }, { matchableOnly: true });
    assert.deepEqual(page.items.map((m) => m.id), ['t-alias-04']);
    assert.equal(compareNames('林', { name: '周铁', aliases: ['林秀山'] }, { matchableOnly: true }), null, 'a surname alone never proposes a case');
  });
});

describe('the roll import reads 别名', () => {
  it('from a CSV column (several names separated by 、), and a re-import replaces them', async () => {
    const csv = 'source_id,姓名,别名,sample\nA-1,赵铁柱,赵大柱、赵柱子,true\nA-2,钱有福,,true\n';
    const report = await applyRoll(server.db, await parseRoll(csv, 'csv', server.db, { namespace: 't-alias' }));
    assert.deepEqual(report.bad, []);
    const hit = (await search('赵柱子')).items[0]!;
    assert.equal(hit.name, '赵铁柱');
    assert.deepEqual(Martyr.parse((await call(server, 'GET', `/martyrs/${hit.id}`)).body).aliases, ['赵大柱', '赵柱子']);
    const again = await applyRoll(server.db, await parseRoll('source_id,姓名,别名,sample\nA-1,赵铁柱,赵二柱,true\n', 'csv', server.db, { namespace: 't-alias' }));
    assert.equal(again.updated, 1);
    assert.ok(!(await search('赵柱子')).items.some((m) => m.id === hit.id), 'the old alias is gone from the keys');
    assert.equal((await search('赵二柱')).items[0]!.id, hit.id);
  });

  it('from JSON (an array or one string), leaving out the name itself and repeats', async () => {
    const json = JSON.stringify([{ sourceId: 'J-1', name: '孙长庚', aliases: ['孙庚', '孙庚', '孙长庚'], sample: true }, { sourceId: 'J-2', name: '周福', aliases: '周福生、周老福', sample: true }]);
    const report = await applyRoll(server.db, await parseRoll(json, 'json', server.db, { namespace: 't-alias' }));
    assert.deepEqual(report.bad, []);
    const a = (await search('孙庚')).items.find((m) => m.name === '孙长庚')!;
    assert.deepEqual(Martyr.parse((await call(server, 'GET', `/martyrs/${a.id}`)).body).aliases, ['孙庚']);
    assert.equal((await search('周老福')).items[0]!.name, '周福');
  });

  it('refuses an alias that is too long, with its line', async () => {
    const report = await applyRoll(server.db, await parseRoll(`姓名,别名\n吴刚,${'长'.repeat(65)}\n`, 'csv', server.db));
    assert.equal(report.applied, false);
    assert.equal(report.bad[0]?.line, 2);
    assert.match(report.bad[0]!.reason, /别名/);
  });

  it('recomputes the alias keys with the name keys (a key-version change)', async () => {
    await server.db.query("DELETE FROM martyr_aliases WHERE martyr_id = 't-alias-03'");
    assert.ok(!(await search('林秀山')).items.some((m) => m.id === 't-alias-03'));
    await backfillNameKeys(server.db, { all: true });
    assert.equal((await search('林秀山')).items[0]!.id, 't-alias-03');
  });
});
