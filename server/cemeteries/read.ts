/** Reading cemeteries and graves into the contract's shapes (src/contract/cemetery.ts). */
import type { Cemetery, CemeterySummary, Grave, GraveMartyr, MartyrGrave, Photo } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import { toPhoto, type PhotoRow } from '../photos/store.js';

interface CemeteryRow {
  id: string;
  name: string;
  level: number;
  region_code: string | null;
  address: string | null;
  contact_phone: string | null;
  visiting_notes: string | null;
  latitude: number | null;
  longitude: number | null;
  sample: boolean;
  grave_count: number;
}

const CEMETERY_COLUMNS = `c.id, c.name, c.level, c.region_code, c.address, c.contact_phone, c.visiting_notes, c.latitude, c.longitude, c.sample,
  (SELECT CAST(count(*) AS int) FROM graves g WHERE g.cemetery_id = c.id) AS grave_count`;

const toSummary = (r: CemeteryRow): CemeterySummary => ({
  id: r.id,
  name: r.name,
  level: r.level as CemeterySummary['level'],
  regionCode: r.region_code,
  address: r.address,
  contactPhone: r.contact_phone,
  graveCount: Number(r.grave_count),
  sample: r.sample,
});

export async function listCemeteries(
  q: Queryable,
  f: { region?: string | undefined; level?: number | undefined; after?: readonly [string, string] | undefined; limit: number },
): Promise<{ items: CemeterySummary[]; last: [string, string] | null; more: boolean }> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.region) where.push(`c.region_code LIKE $${params.push(`${f.region}%`)}`);
  if (f.level) where.push(`c.level = $${params.push(f.level)}`);
  if (f.after) where.push(`(c.name COLLATE "C", c.id COLLATE "C") > ($${params.push(f.after[0])}, $${params.push(f.after[1])})`);
  const { rows } = await q.query<CemeteryRow>(
    `SELECT ${CEMETERY_COLUMNS} FROM cemeteries c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY c.name COLLATE "C", c.id COLLATE "C" LIMIT $${params.push(f.limit + 1)}`,
    params,
  );
  const more = rows.length > f.limit;
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return { items: page.map(toSummary), last: last ? [last.name, last.id] : null, more };
}

export async function getCemetery(q: Queryable, id: string): Promise<Cemetery | null> {
  const { rows } = await q.query<CemeteryRow>(`SELECT ${CEMETERY_COLUMNS} FROM cemeteries c WHERE c.id = $1`, [id]);
  const r = rows[0];
  if (!r) return null;
  const { rows: sections } = await q.query<{ id: string; name: string; sort_order: number; rows: number; positions: number; grave_count: number }>(
    `SELECT s.id, s.name, s.sort_order, s.rows, s.positions, (SELECT CAST(count(*) AS int) FROM graves g WHERE g.section_id = s.id) AS grave_count
     FROM cemetery_sections s WHERE s.cemetery_id = $1 ORDER BY s.sort_order, s.id COLLATE "C"`,
    [id],
  );
  return {
    ...toSummary(r),
    visitingNotes: r.visiting_notes,
    location: r.latitude === null || r.longitude === null ? null : { latitude: r.latitude, longitude: r.longitude },
    sections: sections.map((s) => ({ id: s.id, name: s.name, order: s.sort_order, rows: s.rows, positions: s.positions, graveCount: Number(s.grave_count) })),
  };
}

export interface GraveRow {
  id: string;
  cemetery_id: string;
  section_id: string;
  section_name: string;
  sort_order: number;
  row_no: number;
  number: number;
  inscription: string | null;
  sample: boolean;
}

export const GRAVE_SELECT = `SELECT g.id, g.cemetery_id, g.section_id, s.name AS section_name, s.sort_order, g.row_no, g.number, g.inscription, g.sample
  FROM graves g JOIN cemetery_sections s ON s.id = g.section_id`;

/** Walking order; a keyset cursor is these four values of the last grave. */
export const GRAVE_ORDER = 's.sort_order, s.id COLLATE "C", g.row_no, g.number';
export const GRAVE_KEY = `(s.sort_order, s.id COLLATE "C", g.row_no, g.number)`;
export const graveKey = (r: GraveRow) => [r.sort_order, r.section_id, r.row_no, r.number] as const;

interface OccupantRow {
  grave_id: string;
  id: string;
  name: string;
  sex: 'male' | 'female' | null;
  native_place_text: string | null;
  native_place_code: string | null;
  birth_date: string | null;
  death_date: string | null;
  period: string | null;
  sample: boolean;
}

/** The martyrs and photos of these graves, then the contract's Grave for each, in the rows' order. */
export async function toGraves(q: Queryable, rows: readonly GraveRow[]): Promise<Grave[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const { rows: occupants } = await q.query<OccupantRow>(
    `SELECT gm.grave_id, m.id, m.name, m.sex, m.native_place_text, m.native_place_code, m.birth_date, m.death_date, m.period, m.sample
     FROM grave_martyrs gm JOIN martyrs m ON m.id = gm.martyr_id WHERE gm.grave_id = ANY($1) ORDER BY gm.sort_order, m.id COLLATE "C"`,
    [ids],
  );
  const photos = await photosOf(q, ids);
  const byGrave = new Map<string, GraveMartyr[]>();
  for (const o of occupants) {
    const list = byGrave.get(o.grave_id) ?? [];
    list.push({
      id: o.id, name: o.name, sex: o.sex, nativePlace: o.native_place_text ? { text: o.native_place_text, code: o.native_place_code } : null,
      birthDate: o.birth_date, deathDate: o.death_date, period: o.period, sample: o.sample,
    });
    byGrave.set(o.grave_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    cemeteryId: r.cemetery_id,
    section: { id: r.section_id, name: r.section_name },
    row: r.row_no,
    number: r.number,
    martyrs: byGrave.get(r.id) ?? [],
    inscription: r.inscription,
    photos: photos.get(r.id) ?? [],
    sample: r.sample,
  }));
}

async function photosOf(q: Queryable, graveIds: readonly string[]): Promise<Map<string, Photo[]>> {
  const { rows } = await q.query<PhotoRow & { grave_id: string }>(
    `SELECT gp.grave_id, p.id, p.width, p.height, p.widths, p.sample FROM grave_photos gp JOIN photos p ON p.id = gp.photo_id
     WHERE gp.grave_id = ANY($1) ORDER BY gp.sort_order, gp.created_at`,
    [graveIds],
  );
  const out = new Map<string, Photo[]>();
  for (const r of rows) out.set(r.grave_id, [...(out.get(r.grave_id) ?? []), toPhoto(r)]);
  return out;
}

export async function getGrave(q: Queryable, id: string): Promise<Grave | null> {
  const { rows } = await q.query<GraveRow>(`${GRAVE_SELECT} WHERE g.id = $1`, [id]);
  return (await toGraves(q, rows))[0] ?? null;
}

/** What a martyr record carries about its grave (`Martyr.grave`). */
export async function martyrGrave(q: Queryable, martyrId: string): Promise<MartyrGrave | null> {
  const { rows } = await q.query<GraveRow & { cemetery_name: string; level: number; contact_phone: string | null }>(
    `SELECT g.id, g.cemetery_id, g.section_id, s.name AS section_name, s.sort_order, g.row_no, g.number, g.inscription, g.sample,
       c.name AS cemetery_name, c.level, c.contact_phone
     FROM grave_martyrs gm JOIN graves g ON g.id = gm.grave_id JOIN cemetery_sections s ON s.id = g.section_id
     JOIN cemeteries c ON c.id = g.cemetery_id WHERE gm.martyr_id = $1`,
    [martyrId],
  );
  const r = rows[0];
  if (!r) return null;
  const photo = (await photosOf(q, [r.id])).get(r.id)?.[0] ?? null;
  return {
    id: r.id,
    cemetery: { id: r.cemetery_id, name: r.cemetery_name, level: r.level as MartyrGrave['cemetery']['level'], contactPhone: r.contact_phone },
    section: { id: r.section_id, name: r.section_name },
    row: r.row_no,
    number: r.number,
    photo,
  };
}
