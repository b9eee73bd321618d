import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './database.js';
import { backfillNameKeys, refreshNameKeysIfStale } from '../search/backfill.js';
import { KEY_COLUMNS_0002 } from '../search/name-keys.js';

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Steps that SQL cannot do, run right after their migration file in the same transaction:
 * 0002 fills the name-search keys of existing rows (pinyin and script conversion live in
 * JavaScript), then makes them required.
 */
const COMPANIONS: Record<string, (tx: Queryable) => Promise<void>> = {
  '0002_search.sql': async (tx) => {
    await backfillNameKeys(tx, { columns: KEY_COLUMNS_0002 });
    await tx.exec(`ALTER TABLE martyrs
      ALTER COLUMN name_simplified SET NOT NULL, ALTER COLUMN name_pinyin SET NOT NULL,
      ALTER COLUMN name_pinyin_tone SET NOT NULL, ALTER COLUMN name_initials SET NOT NULL`);
  },
};

/** Applies the numbered SQL files in migrations/ that this database has not seen, each in its own transaction. */
export async function migrate(db: Database): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    // Several server processes may start at once on one PostgreSQL: let one migrate at a time.
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7461200)');
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await tx.query<{ name: string }>('SELECT name FROM schema_migrations');
    const done = new Set(rows.map((r) => r.name));
    for (const file of files) {
      if (done.has(file)) continue;
      await tx.exec(await readFile(dir + file, 'utf8'));
      await COMPANIONS[file]?.(tx);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      applied.push(file);
    }
    if (files.includes('0002_search.sql')) await refreshNameKeysIfStale(tx);
  });
  return applied;
}
