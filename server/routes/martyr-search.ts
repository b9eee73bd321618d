import type { MartyrSearchPage, MatchReason } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import { branchesFor, exclusionsFor, prefixUpperBound, type Branch } from '../search/name-keys.js';
import { keysetCursor } from '../http/paging.js';
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

export interface SearchOptions {
  /** Only the branches strong enough to propose a case match (two-sided matching). */
  matchableOnly?: boolean;
}

/** `110000` → `11`, `110100` → `1101`, `110101` → `110101`: a code matches everything inside it. */
export const divisionPrefix = (code: string) => code.replace(/(00){1,2}$/, '');

/** The inclusive code range of a division: province 360000 → 360000..369999, city 360700 → 360700..360799. */
export function divisionRange(code: string): [string, string] {
  const prefix = divisionPrefix(code);
  return [prefix.padEnd(6, '0'), prefix.padEnd(6, '9')];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** Only the columns a summary shows (never the biography), plus the page's sort key. */
const SUMMARY_COLUMNS = 'id, name, sex, native_place_text, native_place_code, birth_date, death_date, period, unit, burial_cemetery, seeking_relatives, sample';

type Param = (v: unknown) => string;

const columnExpr = (col: Branch['column']) => (col === 'name' ? 'name COLLATE "C"' : col);

function branchSql(b: Branch, p: Param): string {
  const col = columnExpr(b.column);
  if (b.op === 'eq') return `${col} = ${p(b.value)}`;
  if (b.op === 'in') return `${col} = ANY(${p(b.value)})`;
  const v = b.value as string;
  return `(${col} ${b.exclusiveStart ? '>' : '>='} ${p(v)} AND ${col} < ${p(prefixUpperBound(v))})`;
}

function filterSql(f: SearchFilters, p: Param): string[] {
  const where: string[] = [];
  if (f.nativePlaceCode) {
    const [lo, hi] = divisionRange(f.nativePlaceCode);
    where.push(lo === hi ? `native_place_code = ${p(lo)}` : `native_place_code BETWEEN ${p(lo)} AND ${p(hi)}`);
  }
  if (f.nativePlace) where.push(`native_place_text LIKE ${p(`%${escapeLike(f.nativePlace.trim())}%`)}`);
  if (f.period) where.push(`period = ${p(f.period)}`);
  if (f.deathYearFrom !== undefined) where.push(`death_year >= ${p(f.deathYearFrom)}`);
  if (f.deathYearTo !== undefined) where.push(`death_year <= ${p(f.deathYearTo)}`);
  if (f.unit) where.push(`unit LIKE ${p(`%${escapeLike(f.unit.trim())}%`)}`);
  if (f.cemetery) where.push(`burial_cemetery LIKE ${p(`%${escapeLike(f.cemetery.trim())}%`)}`);
  if (f.seekingRelatives) where.push('seeking_relatives');
  return where;
}

/** (branch rank, branch key, id): see searchMartyrs. */
const searchCursor = keysetCursor(['int', 'text', 'id'] as const);

type Hit = MartyrRow & { sort_key: string };

/** A filter-only listing: every record that passes the filters, by name. */
const FILTER_BRANCH = { reason: 'filter' as MatchReason, score: 0.5, sortExpr: 'name COLLATE "C"' };

/**
 * The forgiving search. A query becomes an ordered list of branches (exact, script variant,
 * homophone, pinyin, initials, partial; see name-keys.ts), each an index lookup on one key
 * column. A record belongs to the first branch it satisfies (later branches exclude earlier
 * ones), so the page order is (branch rank, branch key, id): exact hits first, and a keyset
 * cursor [rank, key, id] continues exactly where the last page stopped. All branches run as one
 * statement: a UNION ALL of index range reads, each stopped by its own LIMIT, so a page costs
 * one round trip and a few dozen index entries whatever the roll's size.
 */
export async function searchMartyrs(db: Queryable, f: SearchFilters, opts: SearchOptions = {}): Promise<MartyrSearchPage> {
  const limit = f.limit ?? 20;
  let after: { rank: number; key: string; id: string } | null = null;
  if (f.cursor) {
    const [rank, key, id] = searchCursor.decode(f.cursor);
    after = { rank, key, id };
  }
  const q = f.q?.trim();
  const branches = q ? branchesFor(q) : [];
  const runs: { rank: number; reason: MatchReason; score: number; sortExpr: string; cond: (p: Param) => string[] }[] = q
    ? branches
        .map((b, rank) => ({
          rank,
          reason: b.reason as MatchReason,
          score: b.score,
          sortExpr: columnExpr(b.column),
          skip: opts.matchableOnly === true && !b.matchable,
          // This branch's condition, and none of the stronger ones: each record has one rank.
          cond: (p: Param) => [branchSql(b, p), ...exclusionsFor(branches, rank).map((e) => `NOT COALESCE(${branchSql(e, p)}, false)`)],
        }))
        .filter((r) => !r.skip && !(after && r.rank < after.rank))
    : [{ rank: 0, ...FILTER_BRANCH, cond: () => [] }].filter((r) => !(after && r.rank < after.rank));
  if (runs.length === 0) return { items: [], nextCursor: null };

  const params: unknown[] = [];
  const p: Param = (v) => {
    params.push(v);
    return `$${params.length}`;
  };
  const filters = filterSql(f, p);
  const need = p(limit + 1);
  const parts = runs.map((run) => {
    const where = [...run.cond(p), ...filters];
    if (after && run.rank === after.rank) where.push(`(${run.sortExpr}, id COLLATE "C") > (${p(after.key)}, ${p(after.id)})`);
    return `(SELECT ${run.rank} AS rank, ${SUMMARY_COLUMNS}, ${run.sortExpr} AS sort_key FROM martyrs
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${run.sortExpr}, id COLLATE "C" LIMIT ${need})`;
  });
  const sql = parts.length === 1
    ? parts[0]!
    : `SELECT * FROM (${parts.join('\n UNION ALL ')}) hits ORDER BY rank, sort_key COLLATE "C", id COLLATE "C" LIMIT ${need}`;
  const { rows } = await db.query<Hit & { rank: number }>(sql, params);
  const byRank = new Map(runs.map((r) => [r.rank, r]));
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map((r) => {
      const run = byRank.get(Number(r.rank))!;
      return { ...toSummary(r), match: { reason: run.reason, score: run.score } };
    }),
    nextCursor: rows.length > limit && last ? searchCursor.encode([Number(last.rank), last.sort_key, last.id]) : null,
  };
}
