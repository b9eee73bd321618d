import pg from 'pg';
import type { Database, Queryable } from './database.js';

export async function openPostgres(url: string, schema?: string): Promise<Database> {
  const types = {
    // date and timestamps come back as text and Date respectively on both drivers; int8 as number.
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === 1082) return (v: string) => v; // date: keep YYYY-MM-DD, never shift by time zone
      if (oid === 20) return (v: string) => Number(v); // int8: counts stay far below 2^53
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.PG_POOL_SIZE ?? 10),
    types,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  if (schema) {
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    } catch (err) {
      // IF NOT EXISTS is not safe against a concurrent CREATE: processes starting together may race here.
      if ((err as { code?: string }).code !== '23505' && (err as { code?: string }).code !== '42P06') throw err;
    } finally {
      client.release();
    }
  }
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R>(sql: string, params?: unknown[]) {
      const res = await q.query(sql, params as unknown[]);
      return { rows: res.rows as R[] };
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
