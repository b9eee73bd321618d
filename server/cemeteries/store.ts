/** Writing cemeteries, sections and graves: the one path for the seed, grave lists and tests. */
import type { CemeteryInput } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import { insertRows } from '../db/insert-rows.js';
import { graveIdOf, sectionIdOf, sectionKey } from './numbering.js';

export async function upsertCemetery(q: Queryable, c: CemeteryInput): Promise<void> {
  await q.query(
    `INSERT INTO cemeteries (id, name, level, region_code, address, contact_phone, visiting_notes, latitude, longitude, sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, region_code = EXCLUDED.region_code,
       address = EXCLUDED.address, contact_phone = EXCLUDED.contact_phone, visiting_notes = EXCLUDED.visiting_notes,
       latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, sample = EXCLUDED.sample, updated_at = now()`,
    [c.id, c.name, c.level, c.regionCode, c.address, c.contactPhone, c.visitingNotes, c.location?.latitude ?? null, c.location?.longitude ?? null, c.sample],
  );
}

export interface SectionSpec {
  name: string;
  rows: number;
  positions: number;
}

/**
 * Makes sure each section exists (matched by its key: 一区 and 1区 are one), appending new
 * ones after the existing in the given order and growing a layout to fit; answers key → id.
 */
export async function ensureSections(q: Queryable, cemeteryId: string, specs: readonly SectionSpec[]): Promise<Map<string, string>> {
  const { rows: existing } = await q.query<{ id: string; key: string; sort_order: number }>(
    'SELECT id, key, sort_order FROM cemetery_sections WHERE cemetery_id = $1', [cemeteryId],
  );
  const ids = new Map(existing.map((r) => [r.key, r.id]));
  let order = existing.reduce((max, r) => Math.max(max, r.sort_order), 0);
  for (const s of specs) {
    const key = sectionKey(s.name);
    const id = ids.get(key) ?? sectionIdOf(cemeteryId, key);
    await q.query(
      `INSERT INTO cemetery_sections (id, cemetery_id, name, key, sort_order, rows, positions) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET rows = GREATEST(cemetery_sections.rows, EXCLUDED.rows),
         positions = GREATEST(cemetery_sections.positions, EXCLUDED.positions)`,
      [id, cemeteryId, s.name, key, ids.has(key) ? 0 : ++order, s.rows, s.positions],
    );
    ids.set(key, id);
  }
  return ids;
}

export interface GraveSpec {
  sectionId: string;
  row: number;
  number: number;
  inscription: string | null;
  /** In the order they are named on the stone; empty for 无名烈士. */
  martyrIds: readonly string[];
  sample?: boolean;
}

/**
 * Creates or updates graves and sets who lies in each (replacing the previous list of those
 * graves). A martyr already in another grave violates grave_martyrs' primary key: the caller's
 * transaction fails as a whole, so callers check first and report (grave-import.ts does).
 */
export async function upsertGraves(q: Queryable, cemeteryId: string, graves: readonly GraveSpec[]): Promise<string[]> {
  const rows = graves.map((g) => [graveIdOf(g.sectionId, g.row, g.number), cemeteryId, g.sectionId, g.row, g.number, g.inscription, g.sample ?? false]);
  await insertRows(
    q, 'graves', ['id', 'cemetery_id', 'section_id', 'row_no', 'number', 'inscription', 'sample'], rows,
    `ON CONFLICT (id) DO UPDATE SET inscription = EXCLUDED.inscription, updated_at = now()
     WHERE graves.inscription IS DISTINCT FROM EXCLUDED.inscription`,
  );
  const ids = rows.map((r) => r[0] as string);
  for (let i = 0; i < ids.length; i += 5000) {
    await q.query('DELETE FROM grave_martyrs WHERE grave_id = ANY($1)', [ids.slice(i, i + 5000)]);
  }
  const links = graves.flatMap((g, i) => g.martyrIds.map((m, order) => [m, ids[i], order]));
  if (links.length) await insertRows(q, 'grave_martyrs', ['martyr_id', 'grave_id', 'sort_order'], links);
  return ids;
}

/** Attaches a stored photo to a grave (after the ones it has); false if it was already attached. */
export async function attachPhoto(q: Queryable, graveId: string, photoId: string): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO grave_photos (grave_id, photo_id, sort_order)
     VALUES ($1, $2, (SELECT COALESCE(max(sort_order) + 1, 0) FROM grave_photos WHERE grave_id = $1))
     ON CONFLICT DO NOTHING RETURNING photo_id`,
    [graveId, photoId],
  );
  return rows.length === 1;
}

/** Which grave a photo is already attached to, if any (for the "duplicate" report). */
export async function graveOfPhoto(q: Queryable, photoId: string): Promise<string | null> {
  const { rows } = await q.query<{ grave_id: string }>('SELECT grave_id FROM grave_photos WHERE photo_id = $1 ORDER BY created_at LIMIT 1', [photoId]);
  return rows[0]?.grave_id ?? null;
}
