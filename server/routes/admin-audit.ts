import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import type { AppDeps } from '../deps.js';
import { authorize } from '../http/staff-auth.js';
import { parseWith, queryObject } from '../http/validate.js';
import { keysetCursor } from '../http/paging.js';
import { iso } from './martyr-rows.js';

const auditCursor = keysetCursor(['int'] as const);

interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
  detail: Record<string, unknown> | null;
  account_id: string | null;
  role: string | null;
  request_id: string | null;
  address: string | null;
  case_ref: string | null;
}

/**
 * The audit log, newest first, for the auditor role: filtered by person, action, case and
 * date. Read-only by construction: no route writes it but the actions it records, and the
 * table refuses UPDATE and DELETE.
 */
export function adminAuditRoutes({ db }: AppDeps) {
  const app = new Hono();
  app.get('/audit', authorize('auditor'), async (c) => {
    const q = parseWith(routes.adminAuditLog.query, queryObject(c), 'query');
    const limit = q.limit ?? 50;
    const params: unknown[] = [limit + 1];
    const where: string[] = [];
    if (q.cursor) where.push(`id < $${params.push(auditCursor.decode(q.cursor)[0])}`);
    if (q.actor) where.push(`actor = $${params.push(q.actor)}`);
    if (q.action) where.push(`action = $${params.push(q.action)}`);
    // A list view records the cases it showed in detail.cases; a single-case action in case_ref.
    if (q.case) where.push(`(case_ref = $${params.push(q.case)} OR detail->'cases' @> jsonb_build_array(CAST($${params.length} AS text)))`);
    if (q.from) where.push(`at >= CAST($${params.push(q.from)} AS timestamptz)`);
    if (q.to) where.push(`at < CAST($${params.push(q.to)} AS timestamptz)`);
    const { rows } = await db.query<AuditRow>(
      `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $1`,
      params,
    );
    const items = rows.slice(0, limit).map((r) => ({
      id: Number(r.id), at: iso(r.at), actor: r.actor, action: r.action, subject: r.subject, detail: r.detail,
      accountId: r.account_id, role: r.role, requestId: r.request_id, address: r.address, case: r.case_ref,
    }));
    const last = items[items.length - 1];
    return c.json({ items, nextCursor: rows.length > limit && last ? auditCursor.encode([last.id]) : null });
  });
  return app;
}
