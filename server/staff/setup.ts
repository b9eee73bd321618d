import type { Queryable } from '../db/database.js';
import { staffCount } from './accounts.js';
import { newSecret, sha256 } from './secrets.js';

const LINK_HOURS = 24;

/**
 * First run has no default password: while no staff account exists, the server makes a
 * one-time setup token (valid 24 h) for the link it prints; using it creates the first admin.
 */
export async function firstRunSetupToken(db: Queryable, now: Date): Promise<string | null> {
  if ((await staffCount(db)) > 0) return null;
  const token = newSecret('setup_', 24);
  await db.query('INSERT INTO staff_setup_links (token_hash, expires_at) VALUES ($1, $2)', [sha256(token), new Date(now.getTime() + LINK_HOURS * 3_600_000).toISOString()]);
  return token;
}

/** Spends a setup token; only while no account exists, so a leaked old link is useless afterwards. */
export async function useSetupToken(db: Queryable, token: string, now: Date): Promise<boolean> {
  if ((await staffCount(db)) > 0) return false;
  const { rows } = await db.query(
    'UPDATE staff_setup_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING token_hash',
    [sha256(token), now.toISOString()],
  );
  return rows.length === 1;
}
