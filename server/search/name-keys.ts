/**
 * Normalized name keys for the forgiving name search, computed the same way for every stored
 * name (seed, roll import, admin edits) and for every query, so that a query kind is an equality
 * or prefix lookup on one indexed column.
 *
 *   name_simplified   张志明  陳國華→陈国华, 吴𠮷祥→吴吉祥 (OpenCC t→cn, then variants); no spaces or dots
 *   name_pinyin       zhangzhiming     toneless, ü written v (吕 → lv), no separators
 *   name_pinyin_tone  zhāngzhìmíng     with tone marks, no separators
 *   name_initials     zzm
 *   name_skip         张明      surname + given name without its first character (null if the given name has < 2)
 *   name_given        志明      given name alone (null without a surname)
 *   name_pinyin_alt   dan…      the pinyin with the surname read as in a word, when that differs (单 shàn / dān); else null
 *   name_fuzzy        zanzimin  dialect key (fuzzy pinyin classes folded, see dialect.ts)
 *   name_fuzzy_alt              the dialect key of name_pinyin_alt; null with it
 *   name_glyph        侯…       look-alike key (lookalikes.ts), null when it equals name_simplified
 *
 * The same module defines the match branches (`branchesFor`): each is a condition on one key
 * column that the server runs as SQL and that `compareNames` evaluates in memory, so the
 * database search and the two-sided case matching can never disagree about why names match.
 */
import { Converter } from 'opencc-js/t2cn';
import { convert, pinyin } from 'pinyin-pro';
import type { MatchReason } from '../../src/contract/index.js';
import { fuzzyKey, initialClass } from './dialect.js';
import { lookalikeKey, lookalikesOf } from './lookalikes.js';
import { normalizeVariants } from './variants.js';

const toSimplified = Converter({ from: 't', to: 'cn' });

/**
 * Bump whenever the keys a name gets change (new variant, different reading rule, package
 * upgrade that changes readings): stored keys are then recomputed once at the next start.
 */
export const NAME_KEYS_VERSION = '2';

/** Compound surnames (复姓) that open a name; anything else has a one-character surname. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐',
  '端木', '西门', '南宫', '独孤', '轩辕', '申屠', '太史', '澹台', '公冶', '赫连', '钟离', '百里', '呼延', '万俟',
  '闻人', '东郭', '仲孙', '濮阳', '淳于', '单于', '拓跋', '司空', '第五', '左丘', '谷梁', '公羊', '梁丘', '乐正',
]);

const HAN = /\p{Script=Han}/u;
/** Separators a register or a reader may put inside a name: spaces, middle dots of every kind, hyphens. */
const SEPARATORS = /[\s\u00b7\u2022\u2027\u2219\u30fb\uff0e\uff65.\-‐‑–—_'’]+/gu;

export interface NameKeys {
  simplified: string;
  pinyin: string;
  pinyinTone: string;
  initials: string;
  skip: string | null;
  given: string | null;
  pinyinAlt: string | null;
  fuzzy: string;
  fuzzyAlt: string | null;
  glyph: string | null;
}

/** A stored record's keys, plus its name as written (for the exact branch). */
export interface RecordKeys extends NameKeys {
  name: string;
}

/** NFKC (full-width letters, compatibility ideographs), no separators. */
export function normalizeName(raw: string): string {
  return raw.normalize('NFKC').replace(SEPARATORS, '');
}

/** Length in code points of the surname at the start of a simplified name (0 if it does not start with a Han character). */
export function surnameLength(simplified: string): number {
  const cps = [...simplified];
  if (cps.length === 0 || !HAN.test(cps[0]!)) return 0;
  if (cps.length >= 3 && COMPOUND_SURNAMES.has(cps[0]! + cps[1]!)) return 2;
  return 1;
}

/** Tone marks → none, ü → v; keeps letters a–z and any Han character pinyin-pro did not know. */
function toneless(s: string): string {
  return s.normalize('NFD').replace(/u\u0308/g, 'v').replace(/[\u0300-\u036f]/g, '');
}

type PinyinKeys = Pick<NameKeys, 'pinyin' | 'pinyinTone' | 'initials' | 'pinyinAlt' | 'fuzzy' | 'fuzzyAlt'>;

/** Toneless syllables of a reading, Han characters pinyin-pro did not know kept as themselves. */
function syllables(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const t = item.normalize('NFC').toLowerCase();
    if (HAN.test(t)) out.push(t);
    else {
      const bare = toneless(t.normalize('NFD').replace(/[^a-z\p{Mn}0-9]/gu, '').normalize('NFC'));
      if (bare) out.push(bare);
    }
  }
  return out;
}

// A roll has a few thousand distinct surnames: their two readings are read once.
const surnameReadings = new Map<string, string[]>();
const wordReadings = new Map<string, string[]>();
function surnameReading(surname: string): string[] {
  let r = surnameReadings.get(surname);
  if (!r) surnameReadings.set(surname, (r = pinyin(surname, { mode: 'surname', type: 'array', toneType: 'symbol', nonZh: 'consecutive' })));
  return r;
}
function wordReading(surname: string): string[] {
  let r = wordReadings.get(surname);
  if (!r) wordReadings.set(surname, (r = syllables(pinyin(surname, { type: 'array', toneType: 'symbol', nonZh: 'consecutive' }))));
  return r;
}

function pinyinKeys(simplified: string): PinyinKeys {
  let py = '';
  let tone = '';
  let initials = '';
  if (simplified === '') return { pinyin: py, pinyinTone: tone, initials, pinyinAlt: null, fuzzy: '', fuzzyAlt: null };
  // Surname readings for the surname only (单 shàn, 曾 zēng); pinyin-pro's surname mode would also
  // read given-name characters as surnames (曾繁荣 → zēng pó róng), so the given name is read normally.
  const sl = surnameLength(simplified);
  const cps = [...simplified];
  const surnameItems = sl > 0 ? surnameReading(cps.slice(0, sl).join('')) : [];
  const givenItems = cps.length > sl ? pinyin(cps.slice(sl).join(''), { type: 'array', toneType: 'symbol', nonZh: 'consecutive' }) : [];
  const items = [...surnameItems, ...givenItems];
  for (const item of items) {
    const t = item.normalize('NFC').toLowerCase();
    if (HAN.test(t)) {
      // A character pinyin-pro does not know stays itself in every key (still an exact key).
      py += t;
      tone += t;
      initials += t;
      continue;
    }
    const letters = t.normalize('NFD').replace(/[^a-z\p{Mn}0-9]/gu, '').normalize('NFC');
    if (!letters) continue;
    const bare = toneless(letters);
    py += bare;
    tone += letters;
    initials += bare[0]!;
  }
  const given = syllables(givenItems);
  const surnameSyllables = syllables(surnameItems);
  // A polyphonic surname keeps its word reading too (单 shàn, also read dān by a family who
  // never heard it said): families and clerks write it either way.
  const wordSyllables = sl > 0 ? wordReading(cps.slice(0, sl).join('')) : [];
  const alt = sl > 0 && wordSyllables.join('') !== surnameSyllables.join('') ? [...wordSyllables, ...given] : null;
  return {
    pinyin: py,
    pinyinTone: tone,
    initials,
    pinyinAlt: alt ? alt.join('') : null,
    fuzzy: fuzzyKey([...surnameSyllables, ...given]),
    fuzzyAlt: alt ? fuzzyKey(alt) : null,
  };
}

const cache = new Map<string, NameKeys>();
const CACHE_MAX = 200_000;

/** The keys of a name as stored. Pure and memoized: the same name always gives the same keys. */
export function nameKeys(name: string): NameKeys {
  const hit = cache.get(name);
  if (hit) return hit;
  const simplified = normalizeVariants(toSimplified(normalizeName(name)));
  const cps = [...simplified];
  const sl = surnameLength(simplified);
  const givenCps = sl > 0 ? cps.slice(sl) : [];
  const surname = cps.slice(0, sl).join('');
  const keys: NameKeys = {
    simplified,
    ...pinyinKeys(simplified),
    skip: givenCps.length >= 2 ? surname + givenCps.slice(1).join('') : null,
    given: givenCps.length >= 1 ? givenCps.join('') : null,
    glyph: null,
  };
  const glyph = lookalikeKey(simplified);
  if (glyph !== simplified) keys.glyph = glyph;
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(name, keys);
  return keys;
}

export const recordKeys = (name: string): RecordKeys => ({ name, ...nameKeys(name) });

// ---- queries ---------------------------------------------------------------------------------

export type KeyColumn =
  | 'name' | 'name_simplified' | 'name_pinyin' | 'name_pinyin_tone' | 'name_initials' | 'name_skip' | 'name_given'
  | 'name_pinyin_alt' | 'name_fuzzy' | 'name_fuzzy_alt' | 'name_glyph';

const FIELD: Record<KeyColumn, keyof RecordKeys> = {
  name: 'name',
  name_simplified: 'simplified',
  name_pinyin: 'pinyin',
  name_pinyin_tone: 'pinyinTone',
  name_initials: 'initials',
  name_skip: 'skip',
  name_given: 'given',
  name_pinyin_alt: 'pinyinAlt',
  name_fuzzy: 'fuzzy',
  name_fuzzy_alt: 'fuzzyAlt',
  name_glyph: 'glyph',
};

/**
 * One way a query can match a record: a condition on one key column. Branches are tried in
 * order and a record matches by the first branch whose condition holds, so every record has
 * exactly one reason and one score.
 */
export interface Branch {
  reason: Exclude<MatchReason, 'filter'>;
  score: number;
  column: KeyColumn;
  op: 'eq' | 'in' | 'prefix';
  value: string | readonly string[];
  /** Strong enough to propose a family a match (case matching ignores the looser branches). */
  matchable: boolean;
  /**
   * Every record that satisfies an earlier branch satisfies this one too (the chain exact ⊂
   * script variant ⊂ same toned pinyin ⊂ same pinyin, since each key is computed from the one
   * before). Later branches then need to exclude only this one, which keeps the SQL small.
   */
  covers?: true;
  /**
   * For a prefix: an earlier branch already took the value itself (eq on the same column and
   * value), so the range starts just after it instead of reading those entries to drop them.
   */
  exclusiveStart?: true;
}

/** A Latin-letter query: pinyin with or without spaces, tone marks or tone numbers, or initials. */
export const isLatinQuery = (q: string) => !HAN.test(q) && /[a-z]/i.test(q.normalize('NFD'));

/** `zhang1 zhi4 ming2`, `zhāng zhì míng`, `zhāngzhìmíng` → `zhāngzhìmíng`; null when no tone is given. */
export function tonedLatin(q: string): string | null {
  const s = q.normalize('NFC').toLowerCase().replace(/u:|v/g, 'ü');
  if (/[a-zü][0-5]/.test(s)) {
    const tokens = s.split(/(?<=[0-5])|[^a-zü0-9\p{Mn}\u00e0-\u01dc]+/u).filter(Boolean);
    const out = tokens.map((tok) => {
      if (/[1-4]$/.test(tok)) return convert(tok, { format: 'numToSymbol' });
      return tok.replace(/[05]$/, '');
    });
    return out.join('').normalize('NFD').replace(/[^a-z\p{Mn}]/gu, '').normalize('NFC') || null;
  }
  const nfd = s.normalize('NFD');
  if (!/[\u0300\u0301\u0304\u030c]/.test(nfd)) return null;
  return nfd.replace(/[^a-z\p{Mn}]/gu, '').normalize('NFC') || null;
}

/** Any Latin pinyin spelling → `zhangzhiming` (ü and u: → v). */
export const tonelessLatin = (q: string) =>
  q.normalize('NFC').toLowerCase().replace(/u:/g, 'v').normalize('NFD').replace(/u\u0308/g, 'v').replace(/[^a-z]/g, '');

/** The match branches for a query, strongest first. */
export function branchesFor(query: string): Branch[] {
  const out = rawBranches(query);
  for (const [i, b] of out.entries()) {
    if (b.op === 'prefix' && out.slice(0, i).some((e) => e.op === 'eq' && e.column === b.column && e.value === b.value)) b.exclusiveStart = true;
  }
  return out;
}

function rawBranches(query: string): Branch[] {
  const raw = query.trim();
  const out: Branch[] = [];
  const add = (b: Branch) => {
    if (typeof b.value === 'string' ? b.value !== '' : b.value.length > 0) out.push(b);
  };
  add({ reason: 'exact', score: 1, column: 'name', op: 'eq', value: raw, matchable: true });

  if (isLatinQuery(raw)) {
    const p = tonelessLatin(raw);
    const t = tonedLatin(raw);
    if (t) add({ reason: 'pinyin', score: 0.9, column: 'name_pinyin_tone', op: 'eq', value: t, matchable: true });
    add({ reason: 'pinyin', score: 0.85, column: 'name_pinyin', op: 'eq', value: p, matchable: true });
    // The surname read as in a word (dan zhiyuan → 单志远, whose surname reading is shàn).
    add({ reason: 'pinyin', score: 0.85, column: 'name_pinyin_alt', op: 'eq', value: p, matchable: true });
    add({ reason: 'initials', score: 0.7, column: 'name_initials', op: 'eq', value: p, matchable: false });
    if (p.length >= 2) add({ reason: 'partial', score: 0.5, column: 'name_pinyin', op: 'prefix', value: p, matchable: false });
    if (p.length <= 4) add({ reason: 'initials', score: 0.4, column: 'name_initials', op: 'prefix', value: p, matchable: false });
    return out;
  }

  const k = nameKeys(raw);
  const cps = [...k.simplified];
  const sl = surnameLength(k.simplified);
  const given = sl > 0 ? cps.slice(sl) : [];
  const surname = cps.slice(0, sl).join('');
  // name = q ⇒ same simplified key ⇒ same toned pinyin ⇒ same pinyin: each covers the ones before.
  add({ reason: 'script-variant', score: 0.95, column: 'name_simplified', op: 'eq', value: k.simplified, matchable: true, covers: true });
  if (k.pinyinTone !== '') {
    add({ reason: 'homophone', score: 0.9, column: 'name_pinyin_tone', op: 'eq', value: k.pinyinTone, matchable: true, covers: true });
    add({ reason: 'homophone', score: 0.8, column: 'name_pinyin', op: 'eq', value: k.pinyin, matchable: true, covers: true });
    // Either side's polyphonic surname in its other reading (单 shàn / 丹 dān). The query's own
    // other reading does not propose case matches: the family's initial, which narrows matching,
    // is taken from its surname reading (see martyrInitials).
    if (k.pinyinAlt) add({ reason: 'homophone', score: 0.8, column: 'name_pinyin', op: 'eq', value: k.pinyinAlt, matchable: false });
    add({ reason: 'homophone', score: 0.8, column: 'name_pinyin_alt', op: 'eq', value: k.pinyin, matchable: true });
  }
  if (cps.length >= 2) {
    // Whole-name keys only, and never for a lone character: one confusable character of a
    // common surname would otherwise bring every 王 and 玉 to the page.
    const glyph = lookalikeKey(k.simplified);
    add({ reason: 'lookalike', score: 0.75, column: 'name_glyph', op: 'eq', value: glyph, matchable: true });
    // A record without look-alike characters has no glyph key: its simplified name is the key.
    if (glyph !== k.simplified) add({ reason: 'lookalike', score: 0.75, column: 'name_simplified', op: 'eq', value: glyph, matchable: true });
    if (k.pinyinTone !== '') {
      add({ reason: 'dialect', score: 0.7, column: 'name_fuzzy', op: 'eq', value: k.fuzzy, matchable: true });
      if (k.fuzzyAlt) add({ reason: 'dialect', score: 0.7, column: 'name_fuzzy', op: 'eq', value: k.fuzzyAlt, matchable: false });
      add({ reason: 'dialect', score: 0.7, column: 'name_fuzzy_alt', op: 'eq', value: k.fuzzy, matchable: true });
    }
  }
  // Surname + the start of the given name (张志 → 张志明), or the surname alone (张).
  add({ reason: 'partial', score: 0.6, column: 'name_simplified', op: 'prefix', value: k.simplified, matchable: given.length >= 1 });
  if (sl > 0 && given.length >= 1) {
    // The register dropped the first given-name character, or the reader did: 张明 → 张志明.
    add({ reason: 'partial', score: 0.55, column: 'name_skip', op: 'prefix', value: k.simplified, matchable: true });
  }
  if (sl > 0 && given.length >= 2) {
    // The record lacks one given-name character the reader typed: 张志明 → 张明, 张志.
    const shorter = new Set(given.map((_, i) => surname + given.filter((__, j) => j !== i).join('')));
    add({ reason: 'partial', score: 0.5, column: 'name_simplified', op: 'in', value: [...shorter].sort(), matchable: true });
  }
  // The given name alone, when the surname is unknown or was changed: 志明 → 张志明.
  if (cps.length >= 2) add({ reason: 'partial', score: 0.4, column: 'name_given', op: 'eq', value: k.simplified, matchable: false });
  return out;
}

/** The earlier branches a record of branch `i` must not satisfy, pruned by `covers` (same result, fewer conditions). */
export function exclusionsFor(branches: readonly Branch[], i: number): Branch[] {
  const out: Branch[] = [];
  for (let k = i - 1; k >= 0; k--) {
    out.push(branches[k]!);
    if (branches[k]!.covers) break;
  }
  return out;
}

/** The exclusive upper bound of a prefix range: the prefix with its last code point incremented. */
export function prefixUpperBound(prefix: string): string {
  const cps = [...prefix];
  const last = cps.pop()!.codePointAt(0)!;
  let next = last + 1;
  if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
  return cps.join('') + String.fromCodePoint(Math.min(next, 0x10ffff));
}

/** Whether a record satisfies one branch's condition: the in-memory twin of the SQL. */
export function branchHolds(b: Branch, rk: RecordKeys): boolean {
  const v = rk[FIELD[b.column]];
  if (v === null) return false;
  if (b.op === 'eq') return v === b.value;
  if (b.op === 'in') return (b.value as readonly string[]).includes(v);
  // SQL runs this as the range [value, prefixUpperBound(value)) under the C collation, which holds
  // exactly for the strings that start with value.
  return v.startsWith(b.value as string) && !(b.exclusiveStart && v === b.value);
}

export interface NameMatch {
  reason: Exclude<MatchReason, 'filter'>;
  score: number;
  /** For a dialect or look-alike match: the characters that differ, typed/recorded ("曹/巢"). */
  detail?: string;
  /** The record's other name (别名) that matched, when it was not the name itself. */
  alias?: string;
}

/** Code point order, as the C collation compares (JavaScript's < compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** The index of the first branch `rk` satisfies, or -1. */
export function rankOf(branches: readonly Branch[], rk: RecordKeys, only: (b: Branch) => boolean = () => true): number {
  return branches.findIndex((b) => only(b) && branchHolds(b, rk));
}

/**
 * Other names are matched by every key, but by equality only: a prefix range over the aliases
 * (every alias starting with 张) would read thousands of them for a one-character query, and
 * a clerk looking for an alias knows it whole.
 */
export const aliasBranch = (b: Branch) => b.op !== 'prefix';

/** The characters where a dialect or look-alike match differs from the query: "曹/巢", "崇/祟、明/朋". */
export function matchDetail(query: string, matched: string): string | undefined {
  const a = [...normalizeName(query)];
  const b = [...normalizeName(matched)];
  if (a.length !== b.length) return undefined;
  const pairs = a.flatMap((ch, i) => (nameKeys(ch).simplified === nameKeys(b[i]!).simplified ? [] : [`${ch}/${b[i]}`]));
  return pairs.length ? pairs.join('、') : undefined;
}

export function describeMatch(query: string, b: Branch, matchedName: string, alias?: string): NameMatch {
  const out: NameMatch = { reason: b.reason, score: b.score };
  if (b.reason === 'dialect' || b.reason === 'lookalike') {
    const detail = matchDetail(query, matchedName);
    if (detail) out.detail = detail;
  }
  if (alias !== undefined) out.alias = alias;
  return out;
}

/**
 * Why a record (its name and its other names, 别名) matches a search for `query`, by the same
 * branches, in the same order, as the database search; null if it does not. The record takes
 * the first branch any of its names satisfies (aliases: the equality branches, aliasBranch); at
 * equal branch the name itself wins, then the alias first in the branch's key order. `matchableOnly` drops matches by the loose branches.
 */
export function compareNames(query: string, record: string | { name: string; aliases?: readonly string[] | null }, opts: { matchableOnly?: boolean } = {}): NameMatch | null {
  const name = typeof record === 'string' ? record : record.name;
  const branches = branchesFor(query);
  const best = bestMatch(branches, name, typeof record === 'string' ? [] : record.aliases);
  if (!best) return null;
  const b = branches[best.rank]!;
  if (opts.matchableOnly && !b.matchable) return null;
  return describeMatch(query, b, best.alias ?? name, best.alias ?? undefined);
}

/** The branch a record takes and, when an alias got it there, which alias (see compareNames). */
export function bestMatch(branches: readonly Branch[], name: string, aliases: readonly string[] | null | undefined): { rank: number; alias: string | null } | null {
  let rank = rankOf(branches, recordKeys(name));
  let via: { alias: string; key: string; ord: number } | null = null;
  for (const [ord, alias] of (aliases ?? []).entries()) {
    const ak = recordKeys(alias);
    const r = rankOf(branches, ak, aliasBranch);
    if (r < 0 || (rank >= 0 && r > rank) || (rank >= 0 && r === rank && via === null)) continue;
    const key = ak[FIELD[branches[r]!.column]] as string;
    if (via && r === rank && (compareCodePoints(key, via.key) > 0 || (key === via.key && ord > via.ord))) continue;
    rank = r;
    via = { alias, key, ord };
  }
  return rank < 0 ? null : { rank, alias: via?.alias ?? null };
}

/**
 * The first initial of a query (a family's remembered name): every branch that may propose a
 * match keeps it, so it narrows the family searches a newly flagged martyr is compared with.
 */
export function queryInitial(query: string): string {
  const raw = query.trim();
  const s = isLatinQuery(raw) ? tonelessLatin(raw) : nameKeys(raw).initials;
  return initialClass([...s][0] ?? '');
}

/**
 * Every family-search initial (queryInitial) that a matchable branch can join to this martyr:
 * the first letter of each of its names in each reading, of the names its first character's
 * look-alikes would give, folded by dialect class (n, r → l; h → f).
 */
export function martyrInitials(name: string, aliases: readonly string[] = []): string[] {
  const out = new Set<string>();
  for (const n of [name, ...aliases]) {
    const k = nameKeys(n);
    const first = [...k.simplified][0];
    if (!first) continue;
    for (const ch of lookalikesOf(first)) {
      const kk = nameKeys(ch + [...k.simplified].slice(1).join(''));
      for (const s of [kk.initials, kk.pinyinAlt]) if (s) out.add(initialClass([...s][0]!));
    }
  }
  return [...out].sort();
}

/** Values for the key columns of `martyrs` (and `martyr_aliases`), in KEY_COLUMNS order. */
export const KEY_COLUMNS = [
  'name_simplified', 'name_pinyin', 'name_pinyin_tone', 'name_initials', 'name_skip', 'name_given',
  'name_pinyin_alt', 'name_fuzzy', 'name_fuzzy_alt', 'name_glyph',
] as const;
/** The key columns migration 0002 created (its companion step fills only these). */
export const KEY_COLUMNS_0002 = KEY_COLUMNS.slice(0, 6);
export function keyColumnValues(name: string): (string | null)[] {
  const k = nameKeys(name);
  return [k.simplified, k.pinyin, k.pinyinTone, k.initials, k.skip, k.given, k.pinyinAlt, k.fuzzy, k.fuzzyAlt, k.glyph];
}
