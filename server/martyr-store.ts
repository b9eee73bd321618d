/**
 * The one way martyr rows are written (seed, roll import, benchmark): the record's columns plus
 * its name-search keys, computed by server/search/name-keys.ts exactly as queries compute theirs.
 */
import type { Queryable } from './db/database.js';
import { insertRows } from './db/insert-rows.js';
import { KEY_COLUMNS, keyColumnValues } from './search/name-keys.js';

/** The record fields as the contract's MartyrFields shapes them (input or parsed output). */
export interface MartyrRecord {
  name: string;
  sex: 'male' | 'female' | null;
  ethnicity: string | null;
  nativePlace: { text: string; code: string | null } | null;
  birthDate: string | null;
  enlistmentDate: string | null;
  unit: string | null;
  post: string | null;
  deathDate: string | null;
  deathPlace: string | null;
  period: string | null;
  burial: { cemetery: string | null; section: string | null; row: string | null; number: string | null } | null;
  photoUrl: string | null;
  biography: string | null;
  approval: { authority: string | null; date: string | null } | null;
  seekingRelatives: boolean;
  sample: boolean;
  aliases?: readonly string[] | undefined;
}

/** Record columns, without id, import_key and keys. */
export const MARTYR_FIELD_COLUMNS = [
  'name', 'sex', 'ethnicity', 'native_place_text', 'native_place_code', 'birth_date', 'enlistment_date', 'unit', 'post',
  'death_date', 'death_place', 'period', 'burial_cemetery', 'burial_section', 'burial_row', 'burial_number', 'photo_url',
  'biography', 'approval_authority', 'approval_date', 'seeking_relatives', 'sample', 'aliases',
] as const;

export const MARTYR_COLUMNS = ['id', ...MARTYR_FIELD_COLUMNS, 'import_key', ...KEY_COLUMNS] as const;

export function martyrFieldValues(m: MartyrRecord): unknown[] {
  return [
    m.name, m.sex, m.ethnicity, m.nativePlace?.text ?? null, m.nativePlace?.code ?? null, m.birthDate, m.enlistmentDate,
    m.unit, m.post, m.deathDate, m.deathPlace, m.period, m.burial?.cemetery ?? null, m.burial?.section ?? null,
    m.burial?.row ?? null, m.burial?.number ?? null, m.photoUrl, m.biography, m.approval?.authority ?? null,
    m.approval?.date ?? null, m.seekingRelatives, m.sample, m.aliases?.length ? [...m.aliases] : null,
  ];
}

/** One row in MARTYR_COLUMNS order. */
export function martyrRow(id: string, m: MartyrRecord, importKey: string | null = null): unknown[] {
  return [id, ...martyrFieldValues(m), importKey, ...keyColumnValues(m.name)];
}

const ALIASES_AT = MARTYR_COLUMNS.indexOf('aliases');

/** Plain bulk insert (new ids). */
export async function insertMartyrs(db: Queryable, rows: unknown[][]): Promise<void> {
  await insertRows(db, 'martyrs', MARTYR_COLUMNS, rows);
  await writeAliasKeys(db, rows.filter((r) => r[ALIASES_AT]).map((r) => ({ id: r[0] as string, aliases: r[ALIASES_AT] as string[] })));
}

/** Rewrites the search keys of the martyrs' other names (martyr_aliases), derived from martyrs.aliases. */
export async function writeAliasKeys(db: Queryable, martyrs: readonly { id: string; aliases: readonly string[] | null | undefined }[]): Promise<void> {
  if (martyrs.length === 0) return;
  await db.query('DELETE FROM martyr_aliases WHERE martyr_id = ANY($1)', [martyrs.map((m) => m.id)]);
  const rows = martyrs.flatMap((m) => (m.aliases ?? []).map((alias, ord) => [m.id, ord, alias, ...keyColumnValues(alias)]));
  if (rows.length) await insertRows(db, 'martyr_aliases', ['martyr_id', 'ord', 'name', ...KEY_COLUMNS], rows);
}

/** Recomputes the keys after a name change made outside martyrRow (e.g. an admin edit). */
export async function refreshNameKeys(db: Queryable, id: string, name: string): Promise<void> {
  await db.query(
    `UPDATE martyrs SET ${KEY_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`,
    [id, ...keyColumnValues(name)],
  );
}
