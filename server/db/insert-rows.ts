import type { Queryable } from './database.js';

/** Inserts rows in chunks that stay under PostgreSQL's 65,535 bind parameters; returns any RETURNING rows. */
export async function insertRows<R = Record<string, unknown>>(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  suffix = '',
): Promise<R[]> {
  const perChunk = Math.floor(60000 / columns.length);
  const out: R[] = [];
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
    const res = await db.query<R>(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')} ${suffix}`, params);
    out.push(...res.rows);
  }
  return out;
}
