/**
 * The fictional sample cemetery (青松县烈士陵园, in SAMPLE_CEMETERIES): four sections drawn as
 * rows × positions, 310 graves, most holding one sample martyr, some 合葬 (two), some 无名烈士,
 * and placeholder photos made by sharp and passed through the real photo pipeline. Everything
 * is marked as sample. Deterministic: the same graves, ids and links on every run.
 */
import sharp from 'sharp';
import type { CemeteryInput } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import { processPhoto, type ProcessedPhoto } from '../photos/pipeline.js';
import { savePhoto, type PhotoStore } from '../photos/store.js';
import { sectionKey } from '../cemeteries/numbering.js';
import { insertRows } from '../db/insert-rows.js';
import { ensureSections, upsertCemetery, upsertGraves, type GraveSpec } from '../cemeteries/store.js';
import { SAMPLE_CEMETERIES } from './sample-martyrs.js';

export const SAMPLE_CEMETERY: CemeteryInput = {
  id: 'sample-qingsong',
  name: SAMPLE_CEMETERIES[0]!,
  level: 4,
  regionCode: null,
  address: '（示例数据）青松县松风路1号',
  contactPhone: '0000-00000000（示例）',
  visitingNotes: '（示例数据，陵园虚构）每日8:00—17:00开放，清明前后请提前预约。不能前来的亲属可致电陵园，由工作人员代为祭扫。',
  location: null,
  sample: true,
};

/** Sections in walking order; 四区 is the 无名烈士墓区. */
const SECTIONS = [
  { name: '一区', rows: 8, positions: 12 },
  { name: '二区', rows: 8, positions: 12 },
  { name: '三区', rows: 7, positions: 10 },
  { name: '四区', rows: 4, positions: 12 },
] as const;

export interface SampleGrave {
  section: string;
  row: number;
  number: number;
  /** Indexes into the sample roll. */
  martyrs: number[];
  /** Which placeholder photo, or null for a grave not photographed yet. */
  photo: number | null;
}

const PLACEHOLDERS = 4;

/** The graves, and which sample martyr (by index) lies where; uses at most `martyrCount` martyrs. */
export function sampleGraves(martyrCount: number): SampleGrave[] {
  const out: SampleGrave[] = [];
  let next = 0;
  let n = 0;
  for (const s of SECTIONS) {
    for (let row = 1; row <= s.rows; row++) {
      for (let number = 1; number <= s.positions; number++, n++) {
        const unnamed = s.name === '四区' || n % 25 === 24 || next >= martyrCount;
        const shared = !unnamed && n % 20 === 7 && next + 1 < martyrCount;
        const martyrs = unnamed ? [] : shared ? [next, next + 1] : [next];
        next += martyrs.length;
        out.push({ section: s.name, row, number, martyrs, photo: n % 9 === 4 ? null : n % PLACEHOLDERS });
      }
    }
  }
  return out;
}

/** The 安葬地 text a linked sample martyr's record gets, so record and grave agree. */
export function sampleBurials(graves: readonly SampleGrave[]): Map<number, { cemetery: string; section: string; row: string; number: string }> {
  const out = new Map<number, { cemetery: string; section: string; row: string; number: string }>();
  for (const g of graves) for (const i of g.martyrs) out.set(i, { cemetery: SAMPLE_CEMETERY.name, section: g.section, row: `${g.row}排`, number: `${g.number}号` });
  return out;
}

const TINTS = ['#8a9a8c', '#9a948a', '#8c96a0', '#a09a8e'];

/** A headstone on a lawn under a pale sky, in one of four tints: plainly a placeholder, not a real grave. */
async function placeholder(i: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="960">
    <rect width="720" height="960" fill="#dfe6ea"/><rect y="640" width="720" height="320" fill="#6f8a68"/>
    <path d="M210 700 V330 Q360 210 510 330 V700 Z" fill="${TINTS[i % TINTS.length]}" stroke="#555" stroke-width="6"/>
    <rect x="180" y="690" width="360" height="50" fill="#777"/>
    <path d="M300 420 H420 M300 470 H420 M300 520 H420 M300 570 H420" stroke="#4a4a4a" stroke-width="10"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

let placeholders: Promise<ProcessedPhoto[]> | undefined;

/** The placeholders through the real pipeline, made once per process (every test server seeds). */
export function samplePhotos(): Promise<ProcessedPhoto[]> {
  placeholders ??= Promise.all(
    Array.from({ length: PLACEHOLDERS }, async (_, i) => processPhoto(await placeholder(i), { maxBytes: 1 << 24, maxPixels: 1 << 24, minSide: 64 })),
  );
  return placeholders;
}

/** Writes the sample cemetery; `martyrIds[i]` is the id of sample martyr i. */
export async function seedSampleCemetery(q: Queryable, store: PhotoStore, martyrIds: readonly string[], opts: { photos?: boolean } = {}): Promise<number> {
  await upsertCemetery(q, SAMPLE_CEMETERY);
  const sections = await ensureSections(q, SAMPLE_CEMETERY.id, SECTIONS);
  const graves = sampleGraves(martyrIds.length);
  const specs: GraveSpec[] = graves.map((g) => ({
    sectionId: sections.get(sectionKey(g.section))!,
    row: g.row,
    number: g.number,
    inscription: g.martyrs.length === 0 ? '无名烈士之墓' : null,
    martyrIds: g.martyrs.map((i) => martyrIds[i]!),
    sample: true,
  }));
  const ids = await upsertGraves(q, SAMPLE_CEMETERY.id, specs);
  if (opts.photos !== false) {
    const photos = await samplePhotos();
    for (const p of photos) await savePhoto(q, store, p, { sample: true });
    const links = graves.flatMap((g, i) => (g.photo === null ? [] : [[ids[i], photos[g.photo]!.id, 0]]));
    await insertRows(q, 'grave_photos', ['grave_id', 'photo_id', 'sort_order'], links, 'ON CONFLICT DO NOTHING');
  }
  return graves.length;
}
