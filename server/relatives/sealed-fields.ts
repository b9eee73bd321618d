import type { Database, Queryable } from '../db/database.js';
import { decryptField, encryptField, keyedHash, type KeyRing } from '../personal-data.js';

/** The two tables that hold relatives' contact details. */
export const CASE_TABLES = ['relative_leads', 'family_searches'] as const;

/** What a case stores for its claimant: name and mobile sealed, and the mobile's keyed hash for lookups. */
export function sealContact(key: Buffer, claimantName: string, mobile: string) {
  return { claimantNameEnc: encryptField(key, claimantName), mobileEnc: encryptField(key, mobile), mobileHash: mobileHash(key, mobile) };
}

export const mobileHash = (key: Buffer, mobile: string) => keyedHash(key, 'case mobile', mobile);

export interface SealedRow {
  claimant_name_enc: string | null;
  mobile_enc: string | null;
  /** Plain values only on rows written before migration 0006, until sealPlainCases runs. */
  claimant_name?: string | null;
  mobile?: string | null;
}

export function openContact(keys: KeyRing, r: SealedRow): { claimantName: string; mobile: string } {
  return {
    claimantName: r.claimant_name_enc ? decryptField(keys, r.claimant_name_enc) : (r.claimant_name ?? ''),
    mobile: r.mobile_enc ? decryptField(keys, r.mobile_enc) : (r.mobile ?? ''),
  };
}

/** Seals the plain names and mobiles left by earlier versions; returns how many rows it sealed. */
export async function sealPlainCases(db: Database, key: Buffer): Promise<number> {
  return db.transaction(async (tx) => {
    let sealed = 0;
    for (const table of CASE_TABLES) {
      const { rows } = await tx.query<{ id: string; claimant_name: string; mobile: string }>(
        `SELECT id, claimant_name, mobile FROM ${table} WHERE mobile IS NOT NULL OR claimant_name IS NOT NULL FOR UPDATE`,
      );
      for (const r of rows) {
        const s = sealContact(key, r.claimant_name ?? '', r.mobile ?? '');
        await tx.query(
          `UPDATE ${table} SET claimant_name_enc = $2, mobile_enc = $3, mobile_hash = $4, claimant_name = NULL, mobile = NULL WHERE id = $1`,
          [r.id, s.claimantNameEnc, s.mobileEnc, s.mobileHash],
        );
        sealed++;
      }
    }
    return sealed;
  });
}

/**
 * Re-encrypts every sealed field of every case under `key` (reading with `keys`, the old ones
 * included) and recomputes the keyed hashes: the second half of a key rotation. One
 * transaction, so a failure leaves every field readable under the old keys.
 */
export async function reencryptCases(
  db: Database,
  key: Buffer,
  keys: readonly Buffer[],
  progress: (done: number, total: number) => void = () => {},
): Promise<number> {
  return db.transaction(async (tx: Queryable) => {
    let done = 0;
    const counts = await Promise.all(CASE_TABLES.map((t) => tx.query<{ n: number }>(`SELECT CAST(count(*) AS int) AS n FROM ${t}`)));
    const total = counts.reduce((n, r) => n + Number(r.rows[0]?.n ?? 0), 0);
    for (const table of CASE_TABLES) {
      const { rows } = await tx.query<SealedRow & { id: string; id_number_enc: string | null }>(
        `SELECT id, claimant_name, mobile, claimant_name_enc, mobile_enc, id_number_enc FROM ${table} FOR UPDATE`,
      );
      for (const r of rows) {
        const contact = openContact(keys, r);
        const s = sealContact(key, contact.claimantName, contact.mobile);
        const idNumber = r.id_number_enc ? encryptField(key, decryptField(keys, r.id_number_enc)) : null;
        await tx.query(
          `UPDATE ${table} SET claimant_name_enc = $2, mobile_enc = $3, mobile_hash = $4, id_number_enc = $5, claimant_name = NULL, mobile = NULL WHERE id = $1`,
          [r.id, s.claimantNameEnc, s.mobileEnc, s.mobileHash, idNumber],
        );
        if (++done % 500 === 0) progress(done, total);
      }
    }
    progress(done, total);
    return done;
  });
}
