import type { Queryable } from '../db/database.js';
import { newSecret, sha256 } from './secrets.js';

export interface SessionPolicy {
  /** Minutes without a request after which a session ends. */
  idleMinutes: number;
  /** Hours after sign-in after which a session ends, however busy. */
  absoluteHours: number;
}

/** MEMORIAL_STAFF_IDLE_MINUTES (default 30) and MEMORIAL_STAFF_SESSION_HOURS (default 12: a working day). */
export function sessionPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): SessionPolicy {
  const num = (name: string, fallback: number) => {
    const raw = env[name];
    if (!raw) return fallback;
    const n = Number(raw);
    if (!(n > 0) || !Number.isFinite(n)) throw new Error(`${name} must be a positive number`);
    return n;
  };
  return { idleMinutes: num('MEMORIAL_STAFF_IDLE_MINUTES', 30), absoluteHours: num('MEMORIAL_STAFF_SESSION_HOURS', 12) };
}

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function openSession(db: Queryable, accountId: string, opts: { now: Date; address: string; secondFactor: boolean; policy: SessionPolicy }): Promise<OpenedSession> {
  const token = newSecret('mss_');
  const csrfToken = newSecret('csrf_', 24);
  await db.query(
    `INSERT INTO staff_sessions (token_hash, account_id, csrf_hash, created_at, last_seen_at, address, second_factor)
     VALUES ($1, $2, $3, $4, $4, $5, $6)`,
    [sha256(token), accountId, sha256(csrfToken), opts.now.toISOString(), opts.address, opts.secondFactor],
  );
  return { token, csrfToken, expiresAt: new Date(opts.now.getTime() + opts.policy.absoluteHours * 3_600_000) };
}

export interface LiveSession {
  tokenHash: string;
  accountId: string;
  csrfHash: string;
  secondFactor: boolean;
}

/** The session behind a cookie if it has neither idled out nor outlived its absolute limit; touching it keeps it alive. */
export async function liveSession(db: Queryable, token: string, now: Date, policy: SessionPolicy): Promise<LiveSession | null> {
  const hash = sha256(token);
  const { rows } = await db.query<{ account_id: string; csrf_hash: string; created_at: Date | string; last_seen_at: Date | string; ended_at: unknown; second_factor: boolean }>(
    'SELECT account_id, csrf_hash, created_at, last_seen_at, ended_at, second_factor FROM staff_sessions WHERE token_hash = $1',
    [hash],
  );
  const r = rows[0];
  if (!r || r.ended_at !== null) return null;
  const t = now.getTime();
  const idle = t - new Date(r.last_seen_at).getTime() > policy.idleMinutes * 60_000;
  const old = t - new Date(r.created_at).getTime() > policy.absoluteHours * 3_600_000;
  if (idle || old) {
    await db.query('UPDATE staff_sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL', [hash, now.toISOString()]);
    return null;
  }
  await db.query('UPDATE staff_sessions SET last_seen_at = $2 WHERE token_hash = $1', [hash, now.toISOString()]);
  return { tokenHash: hash, accountId: r.account_id, csrfHash: r.csrf_hash, secondFactor: r.second_factor };
}

export async function endSession(db: Queryable, tokenHash: string, now: Date): Promise<number> {
  const { rows } = await db.query('UPDATE staff_sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL RETURNING token_hash', [tokenHash, now.toISOString()]);
  return rows.length;
}

/** Ends every session of a person (sign out everywhere, password change, account disabled), optionally but one. */
export async function endAllSessions(db: Queryable, accountId: string, now: Date, except?: string): Promise<number> {
  const { rows } = await db.query(
    'UPDATE staff_sessions SET ended_at = $2 WHERE account_id = $1 AND ended_at IS NULL AND token_hash <> $3 RETURNING token_hash',
    [accountId, now.toISOString(), except ?? ''],
  );
  return rows.length;
}
