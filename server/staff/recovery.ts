import { randomInt } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { sha256 } from './secrets.js';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const code = () => {
  const part = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${part()}-${part()}`;
};

/** Ten single-use codes (about 50 bits each) replacing any earlier ones; only hashes are kept. */
export async function newRecoveryCodes(db: Queryable, accountId: string): Promise<string[]> {
  const codes = Array.from({ length: 10 }, code);
  await db.query('DELETE FROM staff_recovery_codes WHERE account_id = $1', [accountId]);
  for (const c of codes) await db.query('INSERT INTO staff_recovery_codes (account_id, code_hash) VALUES ($1, $2)', [accountId, sha256(c)]);
  return codes;
}

/** Uses up one recovery code; false if it is unknown or already used. */
export async function useRecoveryCode(db: Queryable, accountId: string, given: string, now: Date): Promise<boolean> {
  const { rows } = await db.query(
    'UPDATE staff_recovery_codes SET used_at = $3 WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING code_hash',
    [accountId, sha256(given.trim().toLowerCase()), now.toISOString()],
  );
  return rows.length === 1;
}
