import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Grave } from '../../src/contract/index.js';
import { graveIdOf } from '../../server/cemeteries/numbering.js';
import { ensureSections, upsertCemetery, upsertGraves } from '../../server/cemeteries/store.js';
import { runPhotoImport } from '../../server/cli/photos-core.js';
import { databasePhotoStore } from '../../server/photos/store.js';
import { call } from '../helpers/http.js';
import { heicHeader, testJpeg } from '../helpers/images.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { makeZip } from '../helpers/zip.js';

let server: TestServer;
let tmp: string;
const C = 'c-bulk';
let sections: Map<string, string>;
const LIMITS = { maxBytes: 400 * 1024, maxPixels: 30_000_000, minSide: 64 };

before(async () => {
  server = await startTestServer({ seed: false });
  tmp = await mkdtemp(join(tmpdir(), 'bulk-photos-'));
  await upsertCemetery(server.db, { id: C, name: '批量烈士陵园', level: 5, regionCode: null, address: null, contactPhone: null, visitingNotes: null, location: null, sample: true });
  sections = await ensureSections(server.db, C, [{ name: '一区', rows: 5, positions: 20 }, { name: 'A区', rows: 5, positions: 20 }]);
  await upsertGraves(server.db, C, [
    { sectionId: sections.get('1')!, row: 3, number: 12, inscription: null, martyrIds: [] },
    { sectionId: sections.get('A')!, row: 3, number: 12, inscription: null, martyrIds: [] },
    { sectionId: sections.get('A')!, row: 1, number: 1, inscription: null, martyrIds: [] },
    { sectionId: sections.get('A')!, row: 2, number: 2, inscription: null, martyrIds: [] },
  ]);
});
after(async () => {
  await server.close();
  await rm(tmp, { recursive: true, force: true });
});

const capture = () => {
  const lines: { out: string[]; err: string[] } = { out: [], err: [] };
  return { lines, output: { log: (l: string) => lines.out.push(l), error: (l: string) => lines.err.push(l) } };
};
const photosOf = async (section: string, row: number, number: number) =>
  Grave.parse((await call(server, 'GET', `/graves/${graveIdOf(sections.get(section)!, row, number)}`)).body).photos;

describe('npm run photos (bulk grave photos)', () => {
  it('reports every file of a folder: matched, no such grave, not an image, too large, duplicate, unreadable name', async () => {
    const dir = join(tmp, 'folder');
    await mkdir(join(dir, 'sub'), { recursive: true });
    const first = await testJpeg(900, 700, { seed: 11, gps: true });
    await writeFile(join(dir, '一区-3-12.jpg'), first);
    await writeFile(join(dir, 'sub', 'A-03-012.JPG'), await testJpeg(800, 600, { seed: 12 }));
    await writeFile(join(dir, '一区-3-12 (2).jpg'), first);
    await writeFile(join(dir, 'A-9-9.jpg'), await testJpeg(300, 300, { seed: 13 }));
    await writeFile(join(dir, 'B区-1-1.jpg'), await testJpeg(300, 300, { seed: 14 }));
    await writeFile(join(dir, 'A-1-1.jpg'), 'this is a note, not a photo');
    await writeFile(join(dir, 'A-02-02.heic'), heicHeader());
    await writeFile(join(dir, 'A_1_1.jpg'), Buffer.alloc(500 * 1024, 0xff));
    await writeFile(join(dir, 'IMG_0001.jpg'), await testJpeg(300, 300, { seed: 15 }));
    await writeFile(join(dir, '.DS_Store'), 'finder');

    const { lines, output } = capture();
    const { exitCode, report } = await runPhotoImport(server.db, { source: dir, cemeteryId: C, limits: LIMITS, store: databasePhotoStore, progressEvery: 0 }, output);
    assert.equal(exitCode, 2);
    const outcome = Object.fromEntries(report!.files.map((f) => [f.file, f.outcome]));
    assert.deepEqual(outcome, {
      '一区-3-12.jpg': 'matched',
      'sub/A-03-012.JPG': 'matched',
      '一区-3-12 (2).jpg': 'duplicate',
      'A-9-9.jpg': 'no_such_grave',
      'B区-1-1.jpg': 'no_such_grave',
      'A-1-1.jpg': 'not_an_image',
      'A-02-02.heic': 'not_an_image',
      'A_1_1.jpg': 'too_large',
      'IMG_0001.jpg': 'unreadable_name',
    });
    assert.deepEqual(report!.counts, { matched: 2, no_such_grave: 2, unreadable_name: 1, not_an_image: 2, too_large: 1, duplicate: 1 });
    assert.match(lines.err.join('\n'), /A-02-02\.heic: not an image — This is a HEIC/);
    assert.match(lines.err.join('\n'), /一区-3-12 \(2\)\.jpg: duplicate of an existing photo — the same photo as the file 一区-3-12\.jpg/);
    assert.ok(lines.out.some((l) => /^ {2}\d+\/9 files, \d+\.\d images\/s, about \d+ (s|min) left$/.test(l)), lines.out.join('\n'));
    assert.match(lines.out.at(-1)!, /^9 files in .*: 2 matched, 2 no such grave, 1 name not 墓区-排-号, 2 not an image, 1 too large, 1 duplicate of an existing photo\.$/);
    assert.equal((await photosOf('1', 3, 12)).length, 1);
    assert.equal((await photosOf('A', 3, 12)).length, 1);
    assert.equal((await photosOf('A', 1, 1)).length, 0);

    // Run again: everything already stored is a duplicate now, and nothing is attached twice.
    const again = await runPhotoImport(server.db, { source: dir, cemeteryId: C, limits: LIMITS, store: databasePhotoStore }, capture().output);
    assert.equal(again.report!.counts.matched, 0);
    assert.equal(again.report!.counts.duplicate, 3);
    assert.equal((await photosOf('1', 3, 12)).length, 1);
  });

  it('reads a ZIP whose names Explorer wrote in GBK, and a dry run stores nothing', async () => {
    // 一区-3-12 in GBK: 一 D2BB, 区 C7F8.
    const gbkName = Buffer.concat([Buffer.from([0xd2, 0xbb, 0xc7, 0xf8]), Buffer.from('-2-2.jpg')]);
    const zip = makeZip([
      { name: gbkName, data: await testJpeg(700, 500, { seed: 21 }), utf8: false },
      { name: Buffer.from('A-02-02 (2).jpg'), data: await testJpeg(700, 500, { seed: 22 }), utf8: true },
      { name: Buffer.from('一区-9-9.jpg'), data: await testJpeg(300, 300, { seed: 23 }), utf8: true },
      { name: Buffer.from('__MACOSX/._A-02-02.jpg'), data: Buffer.from('resource fork'), utf8: true },
    ]);
    const file = join(tmp, 'photos.zip');
    await writeFile(file, zip);
    await upsertGraves(server.db, C, [{ sectionId: sections.get('1')!, row: 2, number: 2, inscription: null, martyrIds: [] }]);
    const dry = await runPhotoImport(server.db, { source: file, cemeteryId: C, limits: LIMITS, store: databasePhotoStore, dryRun: true }, capture().output);
    assert.deepEqual(dry.report!.files.map((f) => [f.file, f.outcome]), [['A-02-02 (2).jpg', 'matched'], ['一区-2-2.jpg', 'matched'], ['一区-9-9.jpg', 'no_such_grave']]);
    assert.equal((await photosOf('1', 2, 2)).length, 0, 'dry run');
    const real = await runPhotoImport(server.db, { source: file, cemeteryId: C, limits: LIMITS, store: databasePhotoStore }, capture().output);
    assert.equal(real.report!.counts.matched, 2);
    assert.equal((await photosOf('1', 2, 2)).length, 1);
    assert.equal((await photosOf('A', 2, 2)).length, 1);
  });

  it('refuses an unknown cemetery before reading any file', async () => {
    await assert.rejects(runPhotoImport(server.db, { source: tmp, cemeteryId: 'nowhere', limits: LIMITS, store: databasePhotoStore }, capture().output), /no cemetery "nowhere"/);
  });
});
