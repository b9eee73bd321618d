import type { StaffTokenCreated, StaffTokenInfo } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import { newId, newSecret, sha256 } from './secrets.js';

interface TokenRow {
  id: string;
  account_id: string;
  label: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const info = (r: TokenRow): StaffTokenInfo => ({ id: r.id, label: r.label, createdAt: iso(r.created_at)!, lastUsedAt: iso(r.last_used_at), revokedAt: iso(r.revoked_at) });

/** A personal API token: `mat_` + 256 random bits, acting as its person with that person's roles. */
export async function issueToken(db: Queryable, accountId: string, label: string, now: Date): Promise<StaffTokenCreated> {
  const token = newSecret('mat_');
  const { rows } = await db.query<TokenRow>(
    'INSERT INTO staff_tokens (id, account_id, label, token_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *',
    [newId(), accountId, label, sha256(token), now.toISOString()],
  );
  return { ...info(rows[0]!), token };
}

/** The account a token acts for, unless it was revoked. */
export async function tokenAccount(db: Queryable, token: string, now: Date): Promise<string | null> {
  const { rows } = await db.query<{ account_id: string }>(
    'UPDATE staff_tokens SET last_used_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING account_id',
    [sha256(token), now.toISOString()],
  );
  return rows[0]?.account_id ?? null;
}

export async function listTokens(db: Queryable, accountId: string): Promise<StaffTokenInfo[]> {
  const { rows } = await db.query<TokenRow>('SELECT * FROM staff_tokens WHERE account_id = $1 ORDER BY created_at, id', [accountId]);
  return rows.map(info);
}

export async function revokeToken(db: Queryable, accountId: string, tokenId: string, now: Date): Promise<boolean> {
  const { rows } = await db.query(
    'UPDATE staff_tokens SET revoked_at = COALESCE(revoked_at, $3) WHERE id = $1 AND account_id = $2 RETURNING id',
    [tokenId, accountId, now.toISOString()],
  );
  return rows.length === 1;
}
