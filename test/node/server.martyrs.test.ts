import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Martyr, MartyrSearchPage } from '../../src/contract/index.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

async function allPages(query: string) {
  const items: MartyrSearchPage['items'] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = query ? '&' : '';
    const res: { status: number; body: unknown } = await call(server, 'GET', `/martyrs?${query}${sep}limit=7${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const page = MartyrSearchPage.parse(res.body);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 200);
  return items;
}

describe('GET /martyrs (search)', () => {
  it('finds sample martyrs by surname, exact names first, each with a match reason', async () => {
    const { rows } = await server.db.query<{ name: string }>("SELECT name FROM martyrs WHERE name LIKE '张%' ORDER BY name LIMIT 1");
    const name = rows[0]!.name;
    const res = await call(server, 'GET', `/martyrs?q=${encodeURIComponent('张')}`);
    assert.equal(res.status, 200);
    const page = MartyrSearchPage.parse(res.body);
    assert.ok(page.items.length > 0, 'sample data has people surnamed 张');
    assert.ok(page.items.every((m) => m.name.includes('张') && m.sample));
    const exact = MartyrSearchPage.parse((await call(server, 'GET', `/martyrs?q=${encodeURIComponent(name)}`)).body);
    assert.equal(exact.items[0]!.name, name);
    assert.equal(exact.items[0]!.match?.reason, 'exact');
  });

  it('walks every record exactly once across pages, in a stable order', async () => {
    const { rows } = await server.db.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM martyrs');
    const items = await allPages('');
    assert.equal(items.length, Number(rows[0]!.n));
    assert.equal(new Set(items.map((m) => m.id)).size, items.length);
    const again = await allPages('');
    assert.deepEqual(again.map((m) => m.id), items.map((m) => m.id));
  });

  it('combines filters: period, death-year range, province code and seeking relatives', async () => {
    const items = await allPages('period=anti-japanese-war&deathYearFrom=1938&deathYearTo=1945');
    assert.ok(items.length > 0);
    for (const m of items) {
      assert.equal(m.period, 'anti-japanese-war');
      const year = Number(m.deathDate!.slice(0, 4));
      assert.ok(year >= 1938 && year <= 1945, `${m.deathDate} in range`);
    }
    const { rows } = await server.db.query<{ code: string }>("SELECT native_place_code AS code FROM martyrs WHERE native_place_code IS NOT NULL AND native_place_code NOT LIKE '%0000' LIMIT 1");
    const province = rows[0]!.code.slice(0, 2) + '0000';
    const inProvince = await allPages(`nativePlaceCode=${province}`);
    assert.ok(inProvince.some((m) => m.nativePlace?.code === rows[0]!.code), 'a province code matches counties inside it');
    assert.ok(inProvince.every((m) => m.nativePlace?.code?.startsWith(province.slice(0, 2))));
    const seeking = await allPages('seekingRelatives=true');
    assert.ok(seeking.length > 0 && seeking.every((m) => m.seekingRelatives));
    const notSeekingFilter = await allPages('seekingRelatives=false');
    assert.ok(notSeekingFilter.length > seeking.length, 'false means no filter, not "only false"');
  });

  it('refuses bad queries with 400, a code and the fields at fault', async () => {
    const res = await call(server, 'GET', '/martyrs?limit=1000&deathYearFrom=abc&nativePlaceCode=12');
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'validation_failed');
    const paths = res.body.issues.map((i: { path: string }) => i.path).sort();
    assert.deepEqual(paths, ['deathYearFrom', 'limit', 'nativePlaceCode']);
    const cursor = await call(server, 'GET', '/martyrs?cursor=bm90LWEtY3Vyc29y');
    assert.equal(cursor.status, 400);
    assert.equal(cursor.body.issues[0].path, 'cursor');
  });

  it('treats LIKE wildcards in the query as plain text', async () => {
    const res = await call(server, 'GET', `/martyrs?q=${encodeURIComponent('%')}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.items.length, 0);
  });
});

describe('GET /martyrs/{id}', () => {
  it('returns the full record, valid against the contract, with absent fields as null', async () => {
    const res = await call(server, 'GET', '/martyrs/sample-0001');
    assert.equal(res.status, 200);
    const m = Martyr.parse(res.body);
    assert.equal(m.id, 'sample-0001');
    assert.equal(m.sample, true);
    for (const v of Object.values(res.body)) assert.notEqual(v, undefined);
  });

  it('returns names outside the BMP exactly as stored', async () => {
    const { rows } = await server.db.query<{ id: string; name: string }>('SELECT id, name FROM martyrs');
    const astral = rows.filter((r) => [...r.name].some((ch) => ch.codePointAt(0)! > 0xffff));
    assert.ok(astral.length >= 5, 'sample data has names with rare characters');
    for (const r of astral) {
      const res = await call(server, 'GET', `/martyrs/${r.id}`);
      assert.equal(res.body.name, r.name);
      const search = await call(server, 'GET', `/martyrs?q=${encodeURIComponent(r.name)}`);
      assert.equal(search.body.items[0].name, r.name);
    }
  });

  it('404 with code not_found and a request id for an unknown id; 400 for a malformed one', async () => {
    const res = await call(server, 'GET', '/martyrs/no-such-martyr');
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'not_found');
    assert.equal(res.body.requestId, res.headers.get('x-request-id'));
    const bad = await call(server, 'GET', `/martyrs/${encodeURIComponent('a b;drop')}`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.issues[0].path, 'id');
  });
});
