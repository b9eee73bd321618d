import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MartyrSearchPage, RegionList } from '../../src/contract/index.js';
import { insertMartyrs, martyrRow, type MartyrRecord } from '../../server/martyr-store.js';
import { searchMartyrs } from '../../server/routes/martyr-search.js';
import { branchesFor, compareNames, nameKeys, tonedLatin, tonelessLatin } from '../../server/search/name-keys.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

const blank: MartyrRecord = {
  name: '', sex: 'male', ethnicity: '汉族', nativePlace: null, birthDate: null, enlistmentDate: null, unit: null, post: null,
  deathDate: null, deathPlace: null, period: null, burial: null, photoUrl: null, biography: null, approval: null,
  seekingRelatives: false, sample: true,
};

/** Fictional records placed for these tests, beside the 360 sample martyrs. */
const PLACED: (Partial<MartyrRecord> & { id: string; name: string })[] = [
  { id: 't-kinds-01', name: '钟守义', period: 'agrarian-revolution', nativePlace: { text: '江西省赣州市于都县', code: '360731' }, deathDate: '1934-10', unit: '某红军独立团二营', burial: { cemetery: '翠溪县烈士陵园', section: null, row: null, number: null } },
  { id: 't-kinds-02', name: '钟守仪', period: 'agrarian-revolution', nativePlace: { text: '江西省瑞金县', code: null }, deathDate: '1933', unit: '某红军独立团三营', seekingRelatives: true },
  { id: 't-kinds-03', name: '钟守', period: 'anti-japanese-war', nativePlace: { text: '江西省赣州市兴国县', code: '360732' }, deathDate: '1940' },
  { id: 't-kinds-04', name: '鍾守義', period: 'liberation-war', nativePlace: { text: '广东省梅州市', code: '441400' }, deathDate: '1948' },
];

async function search(query: string) {
  const res = await call(server, 'GET', `/martyrs?${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return MartyrSearchPage.parse(res.body);
}
const q = (s: string, extra = '') => search(`q=${encodeURIComponent(s)}${extra}`);

async function allPages(query: string, limit = 3) {
  const items: MartyrSearchPage['items'] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: MartyrSearchPage = await search(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 500);
  return items;
}

before(async () => {
  server = await startTestServer();
  await insertMartyrs(server.db, PLACED.map((p) => martyrRow(p.id, { ...blank, ...p })));
});
after(() => server.close());

describe('name keys', () => {
  it('computes the same keys for a name however it is written', () => {
    assert.deepEqual(nameKeys('陳國華'), nameKeys('陈国华'));
    assert.equal(nameKeys('吴𠮷祥').simplified, '吴吉祥');
    assert.equal(nameKeys('买买提·吐尔逊').simplified, nameKeys('买买提吐尔逊').simplified);
    assert.equal(nameKeys('张志明').pinyin, nameKeys('章志名').pinyin);
    assert.equal(nameKeys('张志明').pinyinTone, 'zhāngzhìmíng');
    assert.equal(nameKeys('吕布').pinyin, 'lvbu');
    assert.equal(nameKeys('单雄信').pinyin, 'shanxiongxin', 'surname readings (单 shàn)');
    assert.equal(nameKeys('欧阳振华').initials, 'oyzh');
    assert.equal(nameKeys('欧阳振华').skip, '欧阳华', 'compound surname kept whole');
    assert.equal(nameKeys('张志明').given, '志明');
  });

  it('reads Latin pinyin with or without spaces, tone marks or tone numbers', () => {
    for (const s of ['zhang zhi ming', 'ZhangZhiming', "zhang'zhi'ming", 'zhāng zhì míng', 'zhang1 zhi4 ming2']) assert.equal(tonelessLatin(s), 'zhangzhiming', s);
    for (const s of ['zhāng zhì míng', 'zhāngzhìmíng', 'zhang1zhi4ming2', 'zhang1 zhi4 ming2']) assert.equal(tonedLatin(s), 'zhāngzhìmíng', s);
    assert.equal(tonedLatin('zhang zhi ming'), null);
    assert.equal(tonedLatin('lv3 bu4'), 'lǚbù');
  });
});

describe('each match kind finds its record, and says why', () => {
  const reasonOf = (page: MartyrSearchPage, name: string) => page.items.find((m) => m.name === name)?.match;

  it('exact, ranked first', async () => {
    const page = await q('钟守义');
    assert.equal(page.items[0]!.name, '钟守义');
    assert.deepEqual(page.items[0]!.match, { reason: 'exact', score: 1 });
    const scores = page.items.map((m) => m.match!.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'stronger reasons first');
  });

  it('script-variant: simplified ↔ traditional, and variant characters', async () => {
    assert.equal(reasonOf(await q('钟守义'), '鍾守義')?.reason, 'script-variant');
    const trad = await q('鍾守義');
    assert.equal(trad.items[0]!.name, '鍾守義');
    assert.equal(reasonOf(trad, '钟守义')?.reason, 'script-variant');
    assert.equal(reasonOf(await q('陈国华'), '陳國華')?.reason, 'script-variant');
    assert.equal(reasonOf(await q('吴吉祥'), '吴𠮷祥')?.reason, 'script-variant', '𠮷 is a variant of 吉');
  });

  it('homophone: the same pinyin (张志明 ~ 章志名), toned first', async () => {
    const page = await q('张志明');
    assert.equal(page.items[0]!.name, '张志明');
    assert.deepEqual(reasonOf(page, '章志名'), { reason: 'homophone', score: 0.9 });
    assert.equal(reasonOf(await q('钟守义'), '钟守仪')?.reason, 'homophone');
    assert.equal(reasonOf(await q('王建军'), '汪建君')?.reason, 'homophone', 'wáng jiàn jūn');
  });

  it('pinyin typed in Latin letters, with or without spaces and tones', async () => {
    for (const typed of ['zhong shou yi', 'zhongshouyi', 'Zhong Shouyi', 'zhōng shǒu yì', 'zhong1 shou3 yi4']) {
      const page = await q(typed);
      const hit = reasonOf(page, '钟守义');
      assert.equal(hit?.reason, 'pinyin', typed);
    }
    const toned = await q('zhōng shǒu yì');
    assert.equal(reasonOf(toned, '钟守义')?.score, 0.9, 'a toned match scores above a toneless one');
  });

  it('pinyin initials', async () => {
    const page = await allPages(`q=zsy`, 20);
    assert.equal(page.find((m) => m.name === '钟守义')?.match?.reason, 'initials');
  });

  it('partial: surname + the start of the given name, a dropped character, or the given name alone', async () => {
    assert.equal(reasonOf(await q('钟守'), '钟守义')?.reason, 'partial');
    assert.equal((await q('钟守')).items[0]!.name, '钟守', 'the record named exactly 钟守 comes first');
    assert.equal(reasonOf(await q('钟义'), '钟守义')?.reason, 'partial', 'register dropped 守');
    assert.equal(reasonOf(await q('钟守义'), '钟守')?.reason, 'partial', 'the record lacks a character the reader typed');
    assert.equal(reasonOf(await q('守义'), '钟守义')?.reason, 'partial', 'given name alone');
    const surname = await allPages(`q=${encodeURIComponent('钟')}`, 50);
    assert.ok(surname.some((m) => m.name === '钟守义') && surname.every((m) => nameKeys(m.name).simplified.startsWith('钟')));
  });

  it('the database and the in-memory matcher agree on every hit', async () => {
    const queries = ['钟守义', '鍾守義', '张志明', 'zhang zhi ming', 'zzm', '张', '钟守', '钟义', '守义', '刘得胜', '陳國華', 'zhōng shǒu yì', '欧阳振华', 'ouyang'];
    const { rows } = await server.db.query<{ name: string }>('SELECT name FROM martyrs ORDER BY id LIMIT 40');
    queries.push(...rows.map((r) => r.name));
    for (const query of queries) {
      const items = await allPages(`q=${encodeURIComponent(query)}`, 25);
      assert.equal(new Set(items.map((m) => m.id)).size, items.length, `no record twice for ${query}`);
      for (const m of items) assert.deepEqual(compareNames(query, m.name), m.match, `${query} → ${m.name}`);
      // Every record the matcher accepts is found.
      const { rows: everyone } = await server.db.query<{ id: string; name: string }>('SELECT id, name FROM martyrs');
      const expected = everyone.filter((r) => compareNames(query, r.name)).map((r) => r.id).sort();
      assert.deepEqual(items.map((m) => m.id).sort(), expected, `same set for ${query}`);
    }
  });

  it('pages a multi-reason result without gaps or repeats, in rank order', async () => {
    const big = await search(`q=zhang&limit=100`);
    const paged = await allPages('q=zhang', 4);
    assert.deepEqual(paged.map((m) => m.id), big.items.slice(0, paged.length).map((m) => m.id));
    const ranks = branchesFor('zhang');
    assert.ok(ranks.length > 2);
    const scores = paged.map((m) => m.match!.score);
    for (let i = 1; i < scores.length; i++) assert.ok(scores[i]! <= scores[i - 1]!, 'never a stronger reason after a weaker one');
  });
});

describe('filters', () => {
  it('combine with each other and with the name query', async () => {
    const items = await allPages(`q=${encodeURIComponent('钟守义')}&period=agrarian-revolution&nativePlaceCode=360000&deathYearFrom=1930&deathYearTo=1936`, 5);
    assert.deepEqual(items.map((m) => m.id), ['t-kinds-01'], 'the homophone 钟守仪 has no code; 钟守 is another period; 鍾守義 another province');
    const old = await allPages(`q=${encodeURIComponent('钟守义')}&nativePlace=${encodeURIComponent('瑞金')}`);
    assert.deepEqual(old.map((m) => m.id), ['t-kinds-02'], '籍贯 by the old place name as written');
    const seeking = await allPages(`q=${encodeURIComponent('钟守义')}&seekingRelatives=true`);
    assert.deepEqual(seeking.map((m) => m.id), ['t-kinds-02']);
    const unit = await allPages(`q=${encodeURIComponent('钟守义')}&unit=${encodeURIComponent('二营')}`);
    assert.deepEqual(unit.map((m) => m.id), ['t-kinds-01']);
    const cemetery = await allPages(`q=${encodeURIComponent('zhong shou yi')}&cemetery=${encodeURIComponent('翠溪')}`);
    assert.deepEqual(cemetery.map((m) => m.id), ['t-kinds-01']);
  });

  it('match 籍贯 codes at province, city and county level', async () => {
    for (const [code, expect] of [['360000', ['t-kinds-01', 't-kinds-03']], ['360700', ['t-kinds-01', 't-kinds-03']], ['360731', ['t-kinds-01']], ['360732', ['t-kinds-03']]] as const) {
      const items = await allPages(`q=${encodeURIComponent('钟')}&nativePlaceCode=${code}`, 2);
      assert.deepEqual(items.map((m) => m.id).filter((id) => id.startsWith('t-kinds')).sort(), [...expect], code);
      assert.ok(items.every((m) => m.nativePlace?.code?.startsWith(code.replace(/(00){1,2}$/, ''))));
    }
  });

  it('every filter-only result satisfies all filters, and the listing equals the database', async () => {
    const items = await allPages('period=anti-japanese-war&nativePlaceCode=360000&deathYearFrom=1937&deathYearTo=1945', 4);
    const { rows } = await server.db.query<{ id: string }>(
      "SELECT id FROM martyrs WHERE period = 'anti-japanese-war' AND native_place_code LIKE '36%' AND death_year BETWEEN 1937 AND 1945",
    );
    assert.deepEqual(items.map((m) => m.id).sort(), rows.map((r) => r.id).sort());
    assert.ok(items.every((m) => m.match?.reason === 'filter'));
  });

  it('the search function serves matching with only the strong branches', async () => {
    const page = await searchMartyrs(server.db, { q: '钟', limit: 50 }, { matchableOnly: true });
    assert.equal(page.items.length, 0, 'a surname alone never proposes a case match');
  });
});

describe('GET /regions', () => {
  it('lists provinces, then cities of a province, then counties of a city', async () => {
    const provinces = RegionList.parse((await call(server, 'GET', '/regions')).body).items;
    assert.ok(provinces.length >= 31);
    assert.deepEqual(provinces.find((r) => r.code === '360000'), { code: '360000', name: '江西省', hasChildren: true });
    const cities = RegionList.parse((await call(server, 'GET', '/regions?parent=360000')).body).items;
    assert.ok(cities.some((r) => r.code === '360700' && r.name === '赣州市'));
    assert.ok(cities.every((r) => r.code.startsWith('36') && r.code.endsWith('00')));
    const counties = RegionList.parse((await call(server, 'GET', '/regions?parent=360700')).body).items;
    assert.ok(counties.some((r) => r.code === '360731' && r.name === '于都县' && !r.hasChildren));
    assert.deepEqual((await call(server, 'GET', '/regions?parent=360731')).body, { items: [] });
    const res = await call(server, 'GET', '/regions?parent=360000');
    assert.match(res.headers.get('cache-control') ?? '', /max-age=\d+/);
  });

  it('404 for an unknown code, 400 for a malformed one', async () => {
    assert.equal((await call(server, 'GET', '/regions?parent=990000')).status, 404);
    const bad = await call(server, 'GET', '/regions?parent=36');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.issues[0].path, 'parent');
  });
});
