import { createHash } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Database, Queryable } from '../db/database.js';
import { ApiError } from './api-error.js';

export interface HandlerResult {
  status: number;
  body: unknown;
}

const KEY_PATTERN = /^[\x21-\x7E]{1,200}$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** JSON with object keys sorted at every level: `{"a":1,"b":2}` and `{"b":2,"a":1}` are one request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Whose key this is: the route (method and path) and the client (its address and, for staff,
 * a digest of its credentials). Two clients, or one client on two routes, never share a key.
 */
export function scopeOf(c: Context): string {
  let address = 'unknown';
  try {
    address = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    /* not served by node-server (e.g. app.request in a test): one scope for all */
  }
  return sha256(`${c.req.method} ${new URL(c.req.url).pathname}\n${address}\n${c.req.header('authorization') ?? ''}`);
}

/** The `Idempotency-Key` header, checked; undefined when absent. Shared with the tribute group commit. */
export function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !KEY_PATTERN.test(key)) {
    throw new ApiError(400, 'bad_request', 'Idempotency-Key must be 1–200 printable ASCII characters');
  }
  return key;
}

/** What a replay must match: the method, the path and the body (keys in any order). */
export const requestHash = (c: Context, body: unknown): string => sha256(`${c.req.method} ${new URL(c.req.url).pathname}\n${canonicalJson(body)}`);

/**
 * Runs a write in one transaction, honouring `Idempotency-Key`: the key row is claimed in the
 * same transaction as the write, so a retry with the same key replays the stored response and
 * never counts twice, even when the two attempts race (the second waits on the key's row lock).
 * Failed attempts roll the key back with everything else, so they may be retried.
 */
export async function runWrite(db: Database, c: Context, body: unknown, work: (tx: Queryable) => Promise<HandlerResult>): Promise<Response> {
  const key = idempotencyKeyOf(c);
  const result = await db.transaction(async (tx) => {
    if (key === undefined) return { ...(await work(tx)), replayed: false };
    const scope = scopeOf(c);
    const hash = requestHash(c, body);
    const claimed = await tx.query(
      'INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (scope, key) DO NOTHING RETURNING key',
      [scope, key, hash],
    );
    if (claimed.rows.length === 1) {
      const done = await work(tx);
      await tx.query('UPDATE idempotency_keys SET status = $3, response = $4 WHERE scope = $1 AND key = $2', [scope, key, done.status, JSON.stringify(done.body)]);
      return { ...done, replayed: false };
    }
    const { rows } = await tx.query<{ request_hash: string; status: number | null; response: unknown }>(
      'SELECT request_hash, status, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    const stored = rows[0];
    if (!stored || stored.request_hash !== hash) {
      throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
    }
    if (stored.status === null) throw new ApiError(409, 'conflict', 'A request with this Idempotency-Key is still in progress');
    return { status: stored.status, body: stored.response, replayed: true };
  });
  if (result.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(result.body as object, result.status as 200);
}
