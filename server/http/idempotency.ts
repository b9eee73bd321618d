import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Database, Queryable } from '../db/database.js';
import { ApiError } from './api-error.js';

export interface HandlerResult {
  status: number;
  body: unknown;
}

const KEY_PATTERN = /^[\x21-\x7E]{1,200}$/;

/** The `Idempotency-Key` header, checked; undefined when absent. Shared with the tribute group commit. */
export function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !KEY_PATTERN.test(key)) {
    throw new ApiError(400, 'bad_request', 'Idempotency-Key must be 1–200 printable ASCII characters');
  }
  return key;
}

/** What a replay must match: the method, the path and the body. */
export const requestHash = (c: Context, body: unknown): string =>
  createHash('sha256').update(`${c.req.method} ${new URL(c.req.url).pathname}\n${JSON.stringify(body)}`).digest('hex');

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
    const hash = requestHash(c, body);
    const claimed = await tx.query('INSERT INTO idempotency_keys (key, request_hash) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key', [key, hash]);
    if (claimed.rows.length === 1) {
      const done = await work(tx);
      await tx.query('UPDATE idempotency_keys SET status = $2, response = $3 WHERE key = $1', [key, done.status, JSON.stringify(done.body)]);
      return { ...done, replayed: false };
    }
    const { rows } = await tx.query<{ request_hash: string; status: number | null; response: unknown }>(
      'SELECT request_hash, status, response FROM idempotency_keys WHERE key = $1',
      [key],
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
