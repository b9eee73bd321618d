import type { MartyrSearchPage, MatchReason } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import { aliasBranch, bestMatch, branchesFor, describeMatch, exclusionsFor, prefixUpperBound, type Branch } from '../search/name-keys.js';
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
const SUMMARY_COLUMNS = ['id', 'name', 'sex', 'native_place_text', 'native_place_code', 'birth_date', 'death_date', 'period', 'unit', 'burial_cemetery', 'seeking_relatives', 'sample', 'aliases']
  .map((c) => `m.${c}`).join(', ');

type Param = (v: unknown) => string;

/** A key column of table `t` (m: martyrs, a: martyr_aliases, which has the same key columns). */
const columnExpr = (col: Branch['column'], t = 'm') => (col === 'name' ? `${t}.name COLLATE "C"` : `${t}.${col}`);

function branchSql(b: Branch, p: Param, t = 'm'): string {
  const col = columnExpr(b.column, t);
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

type Hit = MartyrRow & { sort_key: string; via_alias: string | null; aliases: string[] | null };

/** A filter-only listing: every record that passes the filters, by name. */
const FILTER_BRANCH = { reason: 'filter' as MatchReason, score: 0.5, sortExpr: 'm.name COLLATE "C"' };

/** `CASE WHEN <branch 0> THEN <then 0> … END` over table `t`: NULL when no branch holds (branches `only`). */
const caseOf = (branches: readonly Branch[], t: string, p: Param, then: (b: Branch, i: number) => string, only: (b: Branch) => boolean = () => true) =>
  `CASE ${branches.flatMap((b, i) => (only(b) ? [`WHEN ${branchSql(b, p, t)} THEN ${then(b, i)}`] : [])).join(' ')} END`;

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
          // This branch's condition, and none of the stronger ones: each name has one rank. (A
          // record whose alias ranks higher is dropped from the page below.)
          cond: (p: Param) => [branchSql(b, p), ...exclusionsFor(branches, rank).map((e) => `NOT COALESCE(${branchSql(e, p)}, false)`)],
        }))
        .filter((r) => !r.skip && !(after && 2 * r.rank < after.rank))
    : [{ rank: 0, ...FILTER_BRANCH, cond: () => [] }].filter((r) => !(after && r.rank < after.rank));
  // Branches whose alias matches are still to come (they follow the branch's name matches).
  const aliasRanks = branches.flatMap((b, i) => (!aliasBranch(b) || (opts.matchableOnly && !b.matchable) || (after && 2 * i + 1 < after.rank) ? [] : [i]));
  if (runs.length === 0 && aliasRanks.length === 0) return { items: [], nextCursor: null };

  const params: unknown[] = [];
  const p: Param = (v) => {
    params.push(v);
    return `$${params.length}`;
  };
  const filters = filterSql(f, p);
  const need = p(limit + 1);
  // A page's position in the order: 2 × branch for matches by the name, 2 × branch + 1 for
  // matches by an alias (a record named 王老五 before one who was also called 王老五).
  const pos = (rank: number) => (q ? 2 * rank : rank);
  const parts = runs.map((run) => {
    const where = [...run.cond(p), ...filters];
    if (after && pos(run.rank) === after.rank) where.push(`(${run.sortExpr}, m.id COLLATE "C") > (${p(after.key)}, ${p(after.id)})`);
    return `(SELECT ${pos(run.rank)} AS rank, ${SUMMARY_COLUMNS}, ${run.sortExpr} AS sort_key, CAST(NULL AS text) AS via_alias, CAST(NULL AS integer) AS alias_ord FROM martyrs m
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${run.sortExpr}, m.id COLLATE "C" LIMIT ${need})`;
  });
  if (q && aliasRanks.length > 0) {
    // Matches by another name (别名), each alias at the first branch it satisfies. Aliases are
    // few, so one bitmap read of their keys serves every branch. Which of a record's names
    // counts (the best; the name itself at a tie, then the first alias) is decided below.
    const where = [`h.rank IN (${aliasRanks.join(', ')})`, ...filters];
    if (after) where.push(`(2 * h.rank + 1, h.sort_key, m.id COLLATE "C") > (${after.rank}, ${p(after.key)}, ${p(after.id)})`);
    parts.push(`(SELECT 2 * h.rank + 1 AS rank, ${SUMMARY_COLUMNS}, h.sort_key, h.alias AS via_alias, h.ord AS alias_ord FROM (
        SELECT a.martyr_id, a.ord, a.name AS alias, ${caseOf(branches, 'a', p, (_, i) => String(i), aliasBranch)} AS rank,
               ${caseOf(branches, 'a', p, (b) => columnExpr(b.column, 'a'), aliasBranch)} AS sort_key
          FROM martyr_aliases a WHERE ${branches.filter(aliasBranch).map((b) => branchSql(b, p, 'a')).join(' OR ')}) h
      JOIN martyrs m ON m.id = h.martyr_id
      WHERE ${where.join(' AND ')}
      ORDER BY h.rank, h.sort_key, m.id COLLATE "C", h.ord LIMIT ${need})`);
  }
  const sql = parts.length === 1
    ? parts[0]!
    : `SELECT * FROM (${parts.join('\n UNION ALL ')}) hits ORDER BY rank, sort_key COLLATE "C", id COLLATE "C", alias_ord LIMIT ${need}`;
  const { rows } = await db.query<Hit & { rank: number }>(sql, params);
  // A record is on the page once, where its best name puts it: a row by a name or an alias that
  // is not the record's best is read (the cursor moves past it) but not shown.
  const items: MartyrSearchPage['items'] = [];
  let last: (typeof rows)[number] | undefined;
  let more = rows.length > limit;
  for (const r of rows) {
    if (items.length === limit) {
      more = true;
      break;
    }
    last = r;
    const pos = Number(r.rank);
    if (!q) {
      items.push({ ...toSummary(r), match: { reason: FILTER_BRANCH.reason, score: FILTER_BRANCH.score } });
      continue;
    }
    const best = r.aliases ? bestMatch(branches, r.name, r.aliases) : { rank: pos >> 1, alias: null };
    if (!best || 2 * best.rank + (best.alias === null ? 0 : 1) !== pos || best.alias !== r.via_alias) continue;
    items.push({ ...toSummary(r), match: describeMatch(q, branches[best.rank]!, best.alias ?? r.name, best.alias ?? undefined) });
  }
  return {
    items,
    nextCursor: more && last ? searchCursor.encode([Number(last.rank), last.sort_key, last.id]) : null,
  };
}
