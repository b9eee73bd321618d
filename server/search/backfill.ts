import type { Queryable } from '../db/database.js';
import { writeAliasKeys } from '../martyr-store.js';
import { KEY_COLUMNS, NAME_KEYS_VERSION, keyColumnValues, queryInitial } from './name-keys.js';

/**
 * Computes the name-search keys of rows written before they existed (or by a path that left them
 * empty), in batches. Returns how many martyrs were filled.
 */
export async function backfillNameKeys(db: Queryable, opts: { all?: boolean; batch?: number; columns?: readonly string[] } = {}): Promise<number> {
  const batch = opts.batch ?? 5000;
  // Migration 0002's companion fills only the columns that exist at that point.
  const COLS = opts.columns ?? KEY_COLUMNS;
  const values = (name: string) => keyColumnValues(name).slice(0, COLS.length);
  let filled = 0;
  let after = '';
  for (;;) {
    const { rows: read } = await db.query<{ id: string; name: string; keys: string | null }>(
      opts.all
        ? `SELECT id, name, CAST(json_build_array(${COLS.join(', ')}) AS text) AS keys FROM martyrs
            WHERE id > $1 ORDER BY id LIMIT ${batch}`
        : `SELECT id, name, NULL AS keys FROM martyrs WHERE name_pinyin IS NULL ORDER BY id LIMIT ${batch}`,
      opts.all ? [after] : [],
    );
    if (read.length === 0) break;
    after = read[read.length - 1]!.id; // keyset on the primary key, in its own collation
    // Only rows whose keys actually change are rewritten (a version bump touches few names).
    const rows = read.filter((r) => !r.keys || JSON.stringify(JSON.parse(r.keys)) !== JSON.stringify(values(r.name)));
    if (rows.length === 0) continue;
    const params: unknown[] = [];
    const tuples = rows.map((r) => {
      const vals = [r.id, ...values(r.name)];
      return `(${vals.map((v) => (params.push(v), `CAST($${params.length} AS text)`)).join(', ')})`;
    });
    await db.query(
      `UPDATE martyrs m SET ${COLS.map((c) => `${c} = v.${c}`).join(', ')}
         FROM (VALUES ${tuples.join(', ')}) AS v(id, ${COLS.join(', ')}) WHERE m.id = v.id`,
      params,
    );
    filled += rows.length;
  }
  if (opts.all) {
    // Other names' keys are derived the same way: recomputed with the names'.
    for (let last = ''; ;) {
      const { rows } = await db.query<{ id: string; aliases: string[] }>(
        `SELECT id, aliases FROM martyrs WHERE aliases IS NOT NULL AND id > $1 ORDER BY id LIMIT ${batch}`, [last],
      );
      if (rows.length === 0) break;
      await writeAliasKeys(db, rows);
      last = rows[rows.length - 1]!.id;
    }
  }
  const { rows: searches } = await db.query<{ id: string; martyr_name: string }>(
    `SELECT id, martyr_name FROM family_searches${opts.all ? '' : ' WHERE name_initial IS NULL'}`,
  );
  for (const s of searches) {
    await db.query('UPDATE family_searches SET name_initial = $2 WHERE id = $1', [s.id, queryInitial(s.martyr_name)]);
  }
  return filled;
}

/** Recomputes every stored key when NAME_KEYS_VERSION changed since they were computed (run by migrate()). */
export async function refreshNameKeysIfStale(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ value: string }>("SELECT value FROM search_settings WHERE key = 'name_keys_version'");
  if (rows[0]?.value === NAME_KEYS_VERSION) return 0;
  const n = rows[0] ? await backfillNameKeys(db, { all: true }) : 0;
  await db.query(
    "INSERT INTO search_settings (key, value) VALUES ('name_keys_version', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
    [NAME_KEYS_VERSION],
  );
  return n;
}
