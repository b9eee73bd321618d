import type { Queryable } from '../db/database.js';

export const DEFAULT_RETENTION_DAYS = 365;
/**
 * How long a POST's stored answer is replayed for its Idempotency-Key (as long as Stripe keeps
 * them). After that the row is only a growing table and, for relative leads, a digest of
 * personal data with a reference number, so the purge deletes it.
 */
export const IDEMPOTENCY_WINDOW_HOURS = 24;

/**
 * How long a closed case (lead or family search, with its personal data) is kept:
 * MEMORIAL_RETENTION_DAYS, default 365. The purpose statement shown to families names this period.
 */
export function retentionDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MEMORIAL_RETENTION_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1) throw new Error('MEMORIAL_RETENTION_DAYS must be a whole number of days, at least 1');
  return days;
}

export interface PurgeResult {
  retentionDays: number;
  closedBefore: string;
  relativeLeads: number;
  familySearches: number;
  idempotencyKeys: number;
}

/**
 * Deletes cases closed more than `days` before `now` (their matches go with them), and stored
 * POST answers older than the idempotency window.
 */
export async function purgeClosedCases(db: Queryable, now: Date, days: number): Promise<PurgeResult> {
  const closedBefore = new Date(now.getTime() - days * 86_400_000).toISOString();
  const leads = await db.query("DELETE FROM relative_leads WHERE status = 'closed' AND closed_at < $1 RETURNING id", [closedBefore]);
  const searches = await db.query("DELETE FROM family_searches WHERE status = 'closed' AND closed_at < $1 RETURNING id", [closedBefore]);
  const replayableSince = new Date(now.getTime() - IDEMPOTENCY_WINDOW_HOURS * 3_600_000).toISOString();
  const keys = await db.query('DELETE FROM idempotency_keys WHERE created_at < $1 RETURNING key', [replayableSince]);
  return {
    retentionDays: days,
    closedBefore,
    relativeLeads: leads.rows.length,
    familySearches: searches.rows.length,
    idempotencyKeys: keys.rows.length,
  };
}

/** The scheduled purge (server start, then daily): logged in the audit log as `system` when it deleted anything. */
export async function scheduledPurge(db: import('../db/database.js').Database, now: Date, days: number): Promise<PurgeResult> {
  return db.transaction(async (tx) => {
    const r = await purgeClosedCases(tx, now, days);
    if (r.relativeLeads + r.familySearches + r.idempotencyKeys > 0) {
      await tx.query('INSERT INTO audit_log (actor, action, subject, detail) VALUES ($1, $2, $3, $4)', ['system', 'cases.purge', null, JSON.stringify(r)]);
    }
    return r;
  });
}
