import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import {
  AdminGravePage, Cemetery, CemeteryPage, ErrorBody, Grave, GravePage, GravePhotoUpload, Martyr, photoSources,
} from '../../src/contract/index.js';
import { SAMPLE_CEMETERY } from '../../server/seed/cemetery.js';
import { call } from '../helpers/http.js';
import { heicHeader, testJpeg } from '../helpers/images.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const admin = () => ({ authorization: `Bearer ${server.adminToken}` });
const ID = SAMPLE_CEMETERY.id;

async function allGraves(query = '', limit = 37): Promise<Grave[]> {
  const out: Grave[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: unknown } = await call(server, 'GET', `/cemeteries/${ID}/graves?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const page = GravePage.parse(res.body);
    assert.ok(page.items.length <= limit);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

async function upload(graveId: string, files: { name: string; bytes: Uint8Array; type?: string }[]) {
  const form = new FormData();
  for (const f of files) form.append('photo', new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.type ?? 'image/jpeg' }), f.name);
  const res = await fetch(`${server.baseUrl}/api/v1/admin/graves/${graveId}/photos`, { method: 'POST', headers: admin(), body: form });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('cemeteries', () => {
  it('lists the sample cemetery with its level, phone for 代为祭扫 and grave count; filters by level', async () => {
    const page = CemeteryPage.parse((await call(server, 'GET', '/cemeteries')).body);
    const c = page.items.find((x) => x.id === ID)!;
    assert.equal(c.name, '青松县烈士陵园');
    assert.equal(c.level, 4);
    assert.ok(c.contactPhone);
    assert.equal(c.sample, true);
    assert.ok(c.graveCount >= 300, `${c.graveCount} graves`);
    assert.equal(CemeteryPage.parse((await call(server, 'GET', '/cemeteries?level=1')).body).items.length, 0);
    assert.equal((await call(server, 'GET', '/cemeteries?level=6')).status, 400);
    assert.equal((await call(server, 'GET', '/cemeteries?region=12345')).status, 400);
  });

  it('gives the sections in walking order with their layout; section counts add up', async () => {
    const c = Cemetery.parse((await call(server, 'GET', `/cemeteries/${ID}`)).body);
    assert.ok(c.sections.length >= 3);
    assert.deepEqual(c.sections.map((s) => s.order), [...c.sections.map((s) => s.order)].sort((a, b) => a - b));
    assert.deepEqual(c.sections.map((s) => s.name).slice(0, 3), ['一区', '二区', '三区']);
    assert.equal(c.sections.reduce((n, s) => n + s.graveCount, 0), c.graveCount);
    for (const s of c.sections) assert.ok(s.graveCount <= s.rows * s.positions);
    assert.match(c.visitingNotes ?? '', /示例/);
    const missing = await call(server, 'GET', '/cemeteries/no-such-place');
    assert.equal(missing.status, 404);
    assert.equal(ErrorBody.parse(missing.body).code, 'not_found');
  });

  it('pages graves by keyset in section, row, number order with no gaps or repeats', async () => {
    const c = Cemetery.parse((await call(server, 'GET', `/cemeteries/${ID}`)).body);
    const graves = await allGraves();
    assert.equal(graves.length, c.graveCount);
    assert.equal(new Set(graves.map((g) => g.id)).size, graves.length);
    const order = new Map(c.sections.map((s) => [s.id, s.order]));
    for (let i = 1; i < graves.length; i++) {
      const a = graves[i - 1]!;
      const b = graves[i]!;
      const ka = [order.get(a.section.id)!, a.row, a.number];
      const kb = [order.get(b.section.id)!, b.row, b.number];
      assert.ok(ka[0]! < kb[0]! || (ka[0] === kb[0] && (ka[1]! < kb[1]! || (ka[1] === kb[1] && ka[2]! < kb[2]!))), `${JSON.stringify(ka)} before ${JSON.stringify(kb)}`);
    }
    const unnamed = graves.filter((g) => g.martyrs.length === 0);
    const shared = graves.filter((g) => g.martyrs.length > 1);
    assert.ok(unnamed.length > 0 && unnamed.length < graves.length / 2, `${unnamed.length} 无名烈士 graves`);
    assert.ok(shared.length > 0, 'some 合葬墓');
    assert.ok(graves.every((g) => g.sample));
    const ids = graves.flatMap((g) => g.martyrs.map((m) => m.id));
    assert.equal(new Set(ids).size, ids.length, 'no martyr in two graves');

    const second = c.sections[1]!;
    const inSection = await allGraves(`&section=${second.id}`, 500);
    assert.equal(inSection.length, second.graveCount);
    assert.ok(inSection.every((g) => g.section.id === second.id));
    const row3 = await allGraves(`&section=${second.id}&row=3`, 500);
    assert.equal(row3.length, second.positions);
    assert.deepEqual(row3.map((g) => g.number), Array.from({ length: second.positions }, (_, i) => i + 1));
    assert.equal((await call(server, 'GET', `/cemeteries/${ID}/graves?cursor=bm9wZQ`)).status, 400);
    assert.equal((await call(server, 'GET', `/cemeteries/${ID}/graves?limit=501`)).status, 400);
    assert.equal((await call(server, 'GET', '/cemeteries/nowhere/graves')).status, 404);
  });

  it('serves grave photos by content hash with immutable caching, WebP and JPEG, sized as stated', async () => {
    const graves = await allGraves('', 500);
    const withPhoto = graves.find((g) => g.photos.length > 0)!;
    const grave = Grave.parse((await call(server, 'GET', `/graves/${withPhoto.id}`)).body);
    assert.deepEqual(grave, withPhoto);
    const photo = grave.photos[0]!;
    assert.equal(photo.sample, true);
    const sources = photoSources(photo, `${server.baseUrl}/api/v1/`);
    assert.equal(sources.srcset.split(', ').length, photo.widths.length);
    const res = await fetch(sources.src);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    assert.deepEqual([meta.width, meta.height], [photo.width, photo.height]);
    const etag = res.headers.get('etag')!;
    assert.equal((await fetch(sources.src, { headers: { 'if-none-match': etag } })).status, 304);
    const webpUrl = sources.webpSrcset.split(', ')[0]!.split(' ')[0]!;
    const webp = await fetch(webpUrl);
    assert.equal(webp.headers.get('content-type'), 'image/webp');
    assert.equal((await sharp(Buffer.from(await webp.arrayBuffer())).metadata()).width, photo.widths[0]);
    assert.equal((await fetch(`${server.baseUrl}/api/v1/photos/${photo.id}/999.jpg`)).status, 404);
    assert.equal((await fetch(`${server.baseUrl}/api/v1/photos/../etc/640.jpg`)).status, 404);
    assert.equal((await call(server, 'GET', '/graves/g-none')).status, 404);
  });

  it("a martyr's record carries its grave: cemetery, 墓区/排/号, photo and the cemetery's phone", async () => {
    const graves = await allGraves('', 500);
    const g = graves.find((x) => x.martyrs.length === 1 && x.photos.length > 0)!;
    const m = Martyr.parse((await call(server, 'GET', `/martyrs/${g.martyrs[0]!.id}`)).body);
    assert.equal(m.grave?.id, g.id);
    assert.equal(m.grave?.cemetery.name, '青松县烈士陵园');
    assert.equal(m.grave?.cemetery.contactPhone, SAMPLE_CEMETERY.contactPhone);
    assert.deepEqual([m.grave?.section.name, m.grave?.row, m.grave?.number], [g.section.name, g.row, g.number]);
    assert.equal(m.grave?.photo?.id, g.photos[0]!.id);
    assert.equal(m.burial?.cemetery, '青松县烈士陵园', 'the sample record agrees with its grave');
    const linked = new Set(graves.flatMap((x) => x.martyrs.map((y) => y.id)));
    const { rows } = await server.db.query<{ id: string }>('SELECT id FROM martyrs ORDER BY id');
    const loose = rows.find((r) => !linked.has(r.id))!;
    assert.equal(Martyr.parse((await call(server, 'GET', `/martyrs/${loose.id}`)).body).grave, null);
    assert.ok(linked.size > rows.length / 2, 'most sample martyrs lie in the sample cemetery');
  });
});

describe('database constraints', () => {
  it('refuses a martyr in two graves, a section of another cemetery, and a level outside 1–5', async () => {
    const [a, b] = (await server.db.query<{ id: string }>('SELECT grave_id AS id FROM grave_martyrs ORDER BY grave_id LIMIT 2')).rows;
    const { rows } = await server.db.query<{ martyr_id: string }>('SELECT martyr_id FROM grave_martyrs WHERE grave_id = $1', [a!.id]);
    await assert.rejects(
      server.db.query('INSERT INTO grave_martyrs (martyr_id, grave_id) VALUES ($1, $2)', [rows[0]!.martyr_id, b!.id]),
      (err: { code?: string }) => err.code === '23505',
    );
    await server.db.query("INSERT INTO cemeteries (id, name, level) VALUES ('c-other', '另一陵园', 5)");
    const section = (await server.db.query<{ id: string }>('SELECT id FROM cemetery_sections WHERE cemetery_id = $1 LIMIT 1', [ID])).rows[0]!;
    await assert.rejects(
      server.db.query("INSERT INTO graves (id, cemetery_id, section_id, row_no, number) VALUES ('g-x', 'c-other', $1, 999, 1)", [section.id]),
      (err: { code?: string }) => err.code === '23503',
    );
    await assert.rejects(server.db.query("INSERT INTO cemeteries (id, name, level) VALUES ('c-bad', 'x', 6)"), (err: { code?: string }) => err.code === '23514');
    await assert.rejects(
      server.db.query("INSERT INTO graves (id, cemetery_id, section_id, row_no, number) VALUES ('g-y', $1, $2, 1, 1)", [ID, section.id]),
      (err: { code?: string }) => err.code === '23505',
      'two graves at one position',
    );
    await server.db.query("DELETE FROM cemeteries WHERE id = 'c-other'");
  });
});

describe('staff: photos', () => {
  it('lists graves missing a photo, per cemetery and section; the list matches the public graves', async () => {
    assert.equal((await call(server, 'GET', '/admin/graves?missingPhoto=true')).status, 401);
    const graves = await allGraves('', 500);
    const expected = graves.filter((g) => g.photos.length === 0).map((g) => g.id);
    assert.ok(expected.length > 0);
    const got: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: unknown } = await call(server, 'GET', `/admin/graves?missingPhoto=true&cemetery=${ID}&limit=7${cursor ? `&cursor=${cursor}` : ''}`, { headers: admin() });
      const page = AdminGravePage.parse(res.body);
      for (const g of page.items) {
        assert.equal(g.photoCount, 0);
        assert.equal(g.cemetery.id, ID);
      }
      got.push(...page.items.map((g) => g.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(got, expected);
    const section = graves.find((g) => g.photos.length === 0)!.section;
    const one = AdminGravePage.parse((await call(server, 'GET', `/admin/graves?missingPhoto=true&section=${section.id}&limit=500`, { headers: admin() })).body);
    assert.deepEqual(one.items.map((g) => g.id), graves.filter((g) => g.photos.length === 0 && g.section.id === section.id).map((g) => g.id));
  });

  it('takes a multipart upload, strips its GPS, attaches it, and answers a second upload of the same file as a duplicate', async () => {
    const graves = await allGraves('', 500);
    const target = graves.find((g) => g.photos.length === 0 && g.martyrs.length === 1)!;
    const jpeg = await testJpeg(1500, 1000, { gps: true, seed: 1 });
    const res = await upload(target.id, [{ name: '一区-1-1.jpg', bytes: jpeg }]);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const body = GravePhotoUpload.parse(res.body);
    assert.equal(body.added.length, 1);
    assert.deepEqual(body.grave.photos.map((p) => p.id), [body.added[0]!.id]);
    assert.equal(body.added[0]!.sample, false);
    const logged = await server.db.query<{ action: string; subject: string }>("SELECT action, subject FROM audit_log WHERE action = 'grave.photos.add'");
    assert.deepEqual(logged.rows, [{ action: 'grave.photos.add', subject: target.id }], 'the upload is in the audit log');
    const served = Buffer.from(await (await fetch(photoSources(body.added[0]!, `${server.baseUrl}/api/v1/`).src)).arrayBuffer());
    const meta = await sharp(served).metadata();
    assert.equal(meta.exif, undefined);
    assert.ok(!served.includes(Buffer.from('secret-owner')));
    const m = Martyr.parse((await call(server, 'GET', `/martyrs/${target.martyrs[0]!.id}`)).body);
    assert.equal(m.grave?.photo?.id, body.added[0]!.id);
    const worklist = AdminGravePage.parse((await call(server, 'GET', `/admin/graves?missingPhoto=true&limit=500`, { headers: admin() })).body);
    assert.ok(!worklist.items.some((g) => g.id === target.id), 'off the worklist once photographed');

    const again = await upload(graves.find((g) => g.id !== target.id)!.id, [{ name: 'copy.jpg', bytes: jpeg }]);
    assert.equal(again.status, 200);
    const dup = GravePhotoUpload.parse(again.body);
    assert.deepEqual(dup.added, []);
    assert.deepEqual(dup.duplicates, [{ file: 'copy.jpg', photoId: body.added[0]!.id, graveId: target.id }]);
  });

  it('refuses HEIC, non-images and oversized files with a clear 4xx, and writes nothing when one file of several is bad', async () => {
    const target = (await allGraves('', 500)).find((g) => g.photos.length === 0)!;
    const count = async () => Number((await server.db.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM photos')).rows[0]!.n);
    const before = await count();
    const heic = await upload(target.id, [{ name: 'IMG_0001.HEIC', bytes: heicHeader(), type: 'image/heic' }]);
    assert.equal(heic.status, 415);
    const heicBody = ErrorBody.parse(heic.body);
    assert.equal(heicBody.code, 'photo_heic');
    assert.match(heicBody.message, /JPEG/);
    const text = await upload(target.id, [{ name: 'notes.txt', bytes: new TextEncoder().encode('hello'), type: 'text/plain' }]);
    assert.deepEqual([text.status, ErrorBody.parse(text.body).code], [415, 'photo_unsupported']);
    const mixed = await upload(target.id, [
      { name: 'good.jpg', bytes: await testJpeg(900, 700, { seed: 2 }) },
      { name: 'bad.jpg', bytes: new Uint8Array(5000).fill(1) },
    ]);
    assert.equal(mixed.status, 415);
    assert.match(ErrorBody.parse(mixed.body).message, /^bad\.jpg: /);
    const huge = await upload(target.id, [{ name: 'huge.jpg', bytes: new Uint8Array(26 * 1024 * 1024).fill(0xff) }]);
    assert.deepEqual([huge.status, ErrorBody.parse(huge.body).code], [413, 'photo_too_large']);
    assert.equal(await count(), before, 'nothing stored');
    assert.equal(Grave.parse((await call(server, 'GET', `/graves/${target.id}`)).body).photos.length, 0);

    const json = await call(server, 'POST', `/admin/graves/${target.id}/photos`, { json: { photo: 'x' }, headers: admin() });
    assert.equal(json.status, 415);
    const empty = new FormData();
    empty.append('note', 'no file');
    const none = await fetch(`${server.baseUrl}/api/v1/admin/graves/${target.id}/photos`, { method: 'POST', headers: admin(), body: empty });
    assert.equal(none.status, 400);
    assert.equal((await upload('g-nowhere', [{ name: 'a.jpg', bytes: await testJpeg(300, 300) }])).status, 404);
    const noAuth = await fetch(`${server.baseUrl}/api/v1/admin/graves/${target.id}/photos`, { method: 'POST', body: empty });
    assert.equal(noAuth.status, 401);
  });

  it('documents the routes in OpenAPI, the upload as multipart/form-data', async () => {
    const doc = (await call(server, 'GET', '/openapi.json')).body;
    for (const p of ['/api/v1/cemeteries', '/api/v1/cemeteries/{id}', '/api/v1/cemeteries/{id}/graves', '/api/v1/graves/{id}', '/api/v1/admin/graves']) assert.ok(doc.paths[p], p);
    const op = doc.paths['/api/v1/admin/graves/{id}/photos'].post;
    assert.ok(op.requestBody.content['multipart/form-data'].schema.properties.photo);
    assert.ok(doc.components.schemas.Grave && doc.components.schemas.Photo && doc.components.schemas.MartyrGrave);
  });
});
