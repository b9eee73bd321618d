import type { MartyrSearchPage, MatchReason } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { toSummary, type MartyrRow } from './martyr-rows.js';

export interface SearchFilters {
  q?: string | undefined;
  nativePlaceCode?: string | undefined;
  nativePlace?: string | undefined;
  period?: string | undefined;
  deathYearFrom?: number | undefined;
  deathYearTo?: number | undefined;
  unit?: string | undefined;
  cemetery?: string | undefined;
  seekingRelatives?: boolean | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** `110000` → `11`, `110100` → `1101`, `110101` → `110101`: a code matches everything inside it. */
export const divisionPrefix = (code: string) => code.replace(/(00){1,2}$/, '');

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

const REASONS: Record<number, MatchReason> = { 0: 'exact', 1: 'partial', 2: 'partial', 3: 'filter' };
const SCORES: Record<number, number> = { 0: 1, 1: 0.8, 2: 0.6, 3: 0.5 };

/**
 * The plain search: exact name first, then names starting with the query, then names containing
 * it; ties broken by name and id in byte order so pages are stable on every database.
 */
export async function searchMartyrs(db: Queryable, f: SearchFilters): Promise<MartyrSearchPage> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  let rank = '3';
  if (f.q) {
    const q = f.q.trim();
    const exact = p(q);
    const prefix = p(`${escapeLike(q)}%`);
    const contains = p(`%${escapeLike(q)}%`);
    where.push(`name LIKE ${contains}`);
    rank = `CASE WHEN name = ${exact} THEN 0 WHEN name LIKE ${prefix} THEN 1 ELSE 2 END`;
  }
  if (f.nativePlaceCode) where.push(`native_place_code LIKE ${p(`${divisionPrefix(f.nativePlaceCode)}%`)}`);
  if (f.nativePlace) where.push(`native_place_text LIKE ${p(`%${escapeLike(f.nativePlace)}%`)}`);
  if (f.period) where.push(`period = ${p(f.period)}`);
  if (f.deathYearFrom !== undefined) where.push(`death_year >= ${p(f.deathYearFrom)}`);
  if (f.deathYearTo !== undefined) where.push(`death_year <= ${p(f.deathYearTo)}`);
  if (f.unit) where.push(`unit LIKE ${p(`%${escapeLike(f.unit)}%`)}`);
  if (f.cemetery) where.push(`burial_cemetery LIKE ${p(`%${escapeLike(f.cemetery)}%`)}`);
  if (f.seekingRelatives) where.push('seeking_relatives');

  const limit = f.limit ?? 20;
  const outer: string[] = [];
  if (f.cursor) {
    const [r, name, id] = decodeCursor(f.cursor, ['number', 'string', 'string'] as const);
    outer.push(`(rank, name COLLATE "C", id COLLATE "C") > (${p(r)}, ${p(name)} COLLATE "C", ${p(id)} COLLATE "C")`);
  }
  const sql = `
    SELECT * FROM (
      SELECT m.*, ${rank} AS rank FROM martyrs m
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ) hits
    ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
    ORDER BY rank, name COLLATE "C", id COLLATE "C"
    LIMIT ${p(limit + 1)}`;
  const { rows } = await db.query<MartyrRow & { rank: number }>(sql, params);
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map((r) => ({
      ...toSummary(r),
      match: { reason: f.q ? REASONS[r.rank]! : 'filter', score: SCORES[r.rank]! },
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.rank, last.name, last.id]) : null,
  };
}
