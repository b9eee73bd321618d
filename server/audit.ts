import type { Context } from 'hono';
import type { Queryable } from './db/database.js';

const ACTOR = /^[\p{L}\p{N} ._@-]{1,40}$/u;

/** The person behind an admin request, as named in `X-Admin-Actor`; the token alone says only "admin". */
export function actorOf(c: Context): string {
  let named = '';
  try {
    named = decodeURIComponent(c.req.header('x-admin-actor') ?? '').trim();
  } catch {
    /* a malformed header names nobody */
  }
  return ACTOR.test(named) ? `admin:${named}` : 'admin';
}

export async function audit(tx: Queryable, actor: string, action: string, subject: string | null, detail?: Record<string, unknown>): Promise<void> {
  await tx.query('INSERT INTO audit_log (actor, action, subject, detail) VALUES ($1, $2, $3, $4)', [actor, action, subject, detail ? JSON.stringify(detail) : null]);
}
