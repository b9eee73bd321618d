/**
 * Two-sided matching ("为烈士找亲人，为亲人找烈士"): a family's registered search is compared with
 * the martyrs seeking relatives, and a martyr newly seeking relatives with the open family
 * searches, by the same name matcher as the public search (server/search/name-keys.ts; only
 * its stronger branches) plus 籍贯 and period. Candidates wait in `case_matches` for staff.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { searchMartyrs } from '../routes/martyr-search.js';
import { compareNames, martyrInitials, nameKeys } from '../search/name-keys.js';

/** What both sides may know besides the name. */
export interface CaseFacts {
  period: string | null;
  nativePlaceCode: string | null;
  nativePlaceText: string | null;
  deathDate: string | null;
}

/** How many candidates one family search may be proposed at once. */
const MAX_CANDIDATES = 50;

const province = (code: string) => code.slice(0, 2);

/**
 * Whether the facts around the name allow the match, and how much they add to its score. A fact
 * counts only when both sides know it: a different period or a different province rules a
 * candidate out; the same county, city or death year makes it more likely.
 */
export function caseFit(family: CaseFacts, martyr: CaseFacts): { ok: boolean; bonus: number } {
  if (family.period && martyr.period && family.period !== martyr.period) return { ok: false, bonus: 0 };
  let bonus = 0;
  if (family.period && family.period === martyr.period) bonus += 0.02;
  const a = family.nativePlaceCode;
  const b = martyr.nativePlaceCode;
  if (a && b) {
    if (province(a) !== province(b)) return { ok: false, bonus: 0 };
    bonus += a === b ? 0.05 : a.slice(0, 4) === b.slice(0, 4) ? 0.03 : 0.01;
  } else if (family.nativePlaceText && martyr.nativePlaceText) {
    const x = nameKeys(family.nativePlaceText).simplified;
    const y = nameKeys(martyr.nativePlaceText).simplified;
    if (x.includes(y) || y.includes(x)) bonus += 0.03;
  }
  if (family.deathDate && martyr.deathDate && Math.abs(Number(family.deathDate.slice(0, 4)) - Number(martyr.deathDate.slice(0, 4))) <= 1) bonus += 0.02;
  return { ok: true, bonus };
}

const combined = (nameScore: number, bonus: number) => Math.min(1, Math.round((nameScore + bonus) * 100) / 100);

async function propose(tx: Queryable, familySearchId: string, martyrId: string, reason: string, score: number): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO case_matches (id, family_search_id, martyr_id, reason, score) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (family_search_id, martyr_id) DO NOTHING RETURNING id`,
    [randomUUID(), familySearchId, martyrId, reason, score],
  );
  return rows.length === 1;
}

export interface FamilySearchForMatching extends CaseFacts {
  id: string;
  martyrName: string;
}

/** Matches one (open) family search against the martyrs seeking relatives; returns how many matches are new. */
export async function matchFamilySearch(tx: Queryable, fs: FamilySearchForMatching): Promise<number> {
  const page = await searchMartyrs(tx, { q: fs.martyrName, seekingRelatives: true, limit: MAX_CANDIDATES }, { matchableOnly: true });
  let added = 0;
  for (const m of page.items) {
    if (!m.match || m.match.reason === 'filter') continue;
    const fit = caseFit(fs, { period: m.period, nativePlaceCode: m.nativePlace?.code ?? null, nativePlaceText: m.nativePlace?.text ?? null, deathDate: m.deathDate });
    if (fit.ok && (await propose(tx, fs.id, m.id, m.match.reason, combined(m.match.score, fit.bonus)))) added++;
  }
  return added;
}

interface MartyrFactsRow {
  id: string;
  name: string;
  aliases: string[] | null;
  period: string | null;
  native_place_code: string | null;
  native_place_text: string | null;
  death_date: string | null;
  seeking_relatives: boolean;
}

interface FamilySearchRow {
  id: string;
  martyr_name: string;
  period: string | null;
  native_place_code: string | null;
  native_place_text: string | null;
  death_date: string | null;
}

/** Matches one martyr (if seeking relatives) against the open family searches; returns how many matches are new. */
export async function matchMartyr(tx: Queryable, martyrId: string): Promise<number> {
  const { rows } = await tx.query<MartyrFactsRow>(
    'SELECT id, name, aliases, period, native_place_code, native_place_text, death_date, seeking_relatives FROM martyrs WHERE id = $1',
    [martyrId],
  );
  const m = rows[0];
  if (!m?.seeking_relatives) return 0;
  const initials = martyrInitials(m.name, m.aliases ?? []);
  if (initials.length === 0) return 0;
  // Every branch that may propose a match joins a family initial in this set (see martyrInitials).
  const { rows: searches } = await tx.query<FamilySearchRow>(
    `SELECT id, martyr_name, period, native_place_code, native_place_text, death_date FROM family_searches
      WHERE status = 'open' AND name_initial = ANY($1)`,
    [initials],
  );
  const martyr: CaseFacts = { period: m.period, nativePlaceCode: m.native_place_code, nativePlaceText: m.native_place_text, deathDate: m.death_date };
  let added = 0;
  for (const fs of searches) {
    const name = compareNames(fs.martyr_name, { name: m.name, aliases: m.aliases }, { matchableOnly: true });
    if (!name) continue;
    const fit = caseFit({ period: fs.period, nativePlaceCode: fs.native_place_code, nativePlaceText: fs.native_place_text, deathDate: fs.death_date }, martyr);
    if (fit.ok && (await propose(tx, fs.id, m.id, name.reason, combined(name.score, fit.bonus)))) added++;
  }
  return added;
}
