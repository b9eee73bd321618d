// Grave photos (issue 12): (1) bulk import — images per second and peak memory for a folder of
// 500 distinct camera-sized JPEGs through `npm run photos`' core (the real pipeline and store);
// (2) a cemetery of 5,000 graves, each with a martyr and a photo — time to the first view
// (GET /cemeteries/{id} + the first page of graves) and to walk every page, over HTTP on the real app.
// Figures, not pass/fail.
//
//   npm run bench:photos                    embedded PGlite in memory
//   npm run bench:photos -- --db postgres   BENCH_DATABASE_URL or TEST_DATABASE_URL (a fresh schema)
//   options: --count N (default 500), --width W --height H of each photo (default 3000×2250, 6.75 MP),
//            --graves N (default 5000)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import sharp, { type SharpOptions } from 'sharp';
import { createApp } from '../server/app.js';
import { importGravePhotos } from '../server/cemeteries/bulk-photos.js';
import { ensureSections, upsertCemetery, upsertGraves, type GraveSpec } from '../server/cemeteries/store.js';
import { openDatabase } from '../server/db/database.js';
import { insertRows } from '../server/db/insert-rows.js';
import { migrate } from '../server/db/migrate.js';
import { insertMartyrs, martyrRow } from '../server/martyr-store.js';
import { loadWordList } from '../server/moderation/sensitive-words.js';
import { photoLimitsFromEnv } from '../server/photos/limits.js';
import { processPhoto } from '../server/photos/pipeline.js';
import { openFolder } from '../server/photos/sources.js';
import { databasePhotoStore, savePhoto } from '../server/photos/store.js';
import { seedDatabase } from '../server/seed-database.js';
import { sampleMartyrs } from '../server/seed/sample-martyrs.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    count: { type: 'string', default: '500' },
    width: { type: 'string', default: '3000' },
    height: { type: 'string', default: '2250' },
    graves: { type: 'string', default: '5000' },
  },
});
const COUNT = Number(values.count);
const W = Number(values.width);
const H = Number(values.height);
const GRAVES = Number(values.graves);
const url = values.db === 'postgres' ? (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL) : undefined;
if (values.db === 'postgres' && !url) throw new Error('--db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
const schema = url ? `bench_photos_${Date.now().toString(36)}` : undefined;
const mb = (n: number) => `${Math.round(n / 1048576)} MB`;

console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model}), load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; database: ${url ? 'PostgreSQL' : 'PGlite (memory)'}`);
const db = await openDatabase({ databaseUrl: url, schema });
await migrate(db);
await seedDatabase(db, { sampleMartyrs: false });

// ---- 1. bulk import --------------------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'bench-photos-'));
const t0 = performance.now();
// A few noisy JPEGs (noise is what makes a JPEG about as costly to decode as a real photo),
// each file then made distinct by a JPEG comment segment after SOI: a valid, different file
// (its own hash, so never a duplicate) that costs the pipeline exactly what its base does.
const bases = await Promise.all(
  Array.from({ length: 4 }, (_, i) =>
    sharp({ create: { width: W, height: H, channels: 3, noise: { type: 'gaussian', mean: 100 + i * 8, sigma: 14 } } } as unknown as SharpOptions)
      .jpeg({ quality: 88 })
      .toBuffer(),
  ),
);
const SECTIONS = ['一区', '二区', '三区', '四区', '五区'];
const perSection = Math.ceil(COUNT / SECTIONS.length);
let bytesTotal = 0;
for (let i = 0; i < COUNT; i++) {
  const base = bases[i % bases.length]!;
  const note = Buffer.from(`bench photo ${i}`);
  const com = Buffer.alloc(4);
  com.writeUInt16BE(0xfffe, 0);
  com.writeUInt16BE(note.length + 2, 2);
  const jpeg = Buffer.concat([base.subarray(0, 2), com, note, base.subarray(2)]);
  bytesTotal += jpeg.length;
  const section = SECTIONS[Math.floor(i / perSection)]!;
  const k = i % perSection;
  writeFileSync(join(dir, `${section}-${Math.floor(k / 20) + 1}-${(k % 20) + 1}.jpg`), jpeg);
}
console.log(`made ${COUNT} JPEGs of ${W}×${H} (${mb(bytesTotal)}, ${Math.round(bytesTotal / COUNT / 1024)} KB each) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

await upsertCemetery(db, { id: 'bench', name: '基准烈士陵园', level: 5, regionCode: null, address: null, contactPhone: null, visitingNotes: null, location: null, sample: true });
const ids = await ensureSections(db, 'bench', SECTIONS.map((name) => ({ name, rows: Math.ceil(perSection / 20), positions: 20 })));
const specs: GraveSpec[] = [];
for (const [s] of SECTIONS.entries()) {
  for (let k = 0; k < perSection; k++) specs.push({ sectionId: ids.get(String(s + 1))!, row: Math.floor(k / 20) + 1, number: (k % 20) + 1, inscription: null, martyrIds: [] });
}
await upsertGraves(db, 'bench', specs);

global.gc?.();
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const source = await openFolder(dir);
const report = await importGravePhotos(db, databasePhotoStore, source, { cemeteryId: 'bench', limits: photoLimitsFromEnv() });
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const stored = (await db.query<{ n: number }>('SELECT CAST(sum(length(bytes)) AS int) AS n FROM photo_files')).rows[0]!.n;
console.log(
  `bulk import: ${report.counts.matched}/${COUNT} matched in ${report.seconds.toFixed(1)} s = ${(report.counts.matched / report.seconds).toFixed(1)} images/s; ` +
    `RSS ${mb(rssBefore)} before, peak ${mb(peak)} (+${mb(peak - rssBefore)}); stored ${mb(stored)} of variants (${Math.round(stored / COUNT / 1024)} KB a photo)`,
);
rmSync(dir, { recursive: true, force: true });

// ---- 2. a 5,000-grave cemetery over HTTP -------------------------------------------------------------
const roll = sampleMartyrs(GRAVES);
const martyrIds = roll.map((_, i) => `bench-${i}`);
await insertMartyrs(db, roll.map((m, i) => martyrRow(martyrIds[i]!, { ...m, sample: true })));
const big = 'bench-5000';
await upsertCemetery(db, { id: big, name: '五千墓烈士陵园', level: 5, regionCode: null, address: null, contactPhone: null, visitingNotes: null, location: null, sample: true });
const bigSections = Array.from({ length: 10 }, (_, i) => ({ name: `${i + 1}区`, rows: 20, positions: Math.ceil(GRAVES / 200) }));
const bigIds = await ensureSections(db, big, bigSections);
const bigSpecs: GraveSpec[] = martyrIds.map((m, i) => {
  const s = Math.floor(i / (GRAVES / 10));
  const k = i % (GRAVES / 10);
  return { sectionId: bigIds.get(String(s + 1))!, row: Math.floor(k / bigSections[0]!.positions) + 1, number: (k % bigSections[0]!.positions) + 1, inscription: null, martyrIds: [m] };
});
const graveIds = await upsertGraves(db, big, bigSpecs);
const photo = await processPhoto(await sharp({ create: { width: 800, height: 1000, channels: 3, background: '#889' } }).jpeg().toBuffer(), photoLimitsFromEnv());
await savePhoto(db, databasePhotoStore, photo);
await insertRows(db, 'grave_photos', ['grave_id', 'photo_id', 'sort_order'], graveIds.map((g) => [g, photo.id, 0]));
if (db.kind === 'pglite') await db.exec('ANALYZE');

const app = createApp({
  db, adminToken: randomBytes(8).toString('hex'), dataKey: randomBytes(32), now: () => new Date(), bodyLimit: 65536,
  words: loadWordList('/dev/null'), rateLimit: null,
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((r) => server.once('listening', () => r()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
const get = async (path: string) => {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json() as Promise<{ nextCursor?: string | null; items?: unknown[] }>;
};
await get(`/cemeteries/${big}`); // warm
const runs: { first: number; walk: number; bytes: number }[] = [];
for (let r = 0; r < 5; r++) {
  const a = performance.now();
  await get(`/cemeteries/${big}`);
  let page = await get(`/cemeteries/${big}/graves?limit=100`);
  const first = performance.now() - a;
  let n = page.items!.length;
  let bytes = JSON.stringify(page).length;
  while (page.nextCursor) {
    page = await get(`/cemeteries/${big}/graves?limit=500&cursor=${page.nextCursor}`);
    n += page.items!.length;
    bytes += JSON.stringify(page).length;
  }
  if (n !== GRAVES) throw new Error(`walked ${n} graves`);
  runs.push({ first, walk: performance.now() - a, bytes });
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
console.log(
  `${GRAVES}-grave cemetery: first view (cemetery + first 100 graves) median ${median(runs.map((r) => r.first)).toFixed(0)} ms; ` +
    `every grave (pages of 500) median ${median(runs.map((r) => r.walk)).toFixed(0)} ms, ${mb(runs[0]!.bytes)} of JSON`,
);
server.close();
if (schema) await db.query(`DROP SCHEMA "${schema}" CASCADE`).catch(() => {});
await db.close();
