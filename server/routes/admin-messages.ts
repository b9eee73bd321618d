import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import { actorOf, audit } from '../audit.js';
import { authorize } from '../http/staff-auth.js';
import type { AppDeps } from '../deps.js';
import { ApiError, notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { createdCursor, pageOf } from '../http/paging.js';
import { toModerated, type MessageRow } from './message-rows.js';
import { closeReports } from '../moderation/reports.js';


/** Moderation (英雄烈士保护法: stop and remove defamation), for the moderator role. */
export function adminMessageRoutes({ db }: AppDeps) {
  const app = new Hono();
  app.use('/messages', authorize('moderator'));
  app.use('/messages/*', authorize('moderator'));

  app.get('/messages', async (c) => {
    const { status = 'pending', reported, cursor, limit = 50 } = parseWith(routes.adminListMessages.query, queryObject(c), 'query');
    const params: unknown[] = [status, limit + 1];
    let after = reported ? 'AND EXISTS (SELECT 1 FROM message_reports r WHERE r.message_id = messages.id AND r.reviewed_at IS NULL)' : '';
    if (cursor) {
      const [at, id] = createdCursor.decode(cursor);
      params.push(at, id);
      after += ' AND (created_at, id) > ($3::timestamptz, $4)';
    }
    // Oldest first: a queue is worked from the front; flagged and reported ones come first within it.
    const { rows } = await db.query<MessageRow & { created_key: string }>(
      `SELECT *, created_at::text AS created_key FROM messages WHERE status = $1 ${after} ORDER BY created_at, id LIMIT $2`,
      params,
    );
    return c.json(pageOf(rows, limit, createdCursor, (r) => [r.created_key, r.id], toModerated));
  });

  const decide = (status: 'approved' | 'rejected', route: typeof routes.adminApproveMessage | typeof routes.adminRejectMessage) =>
    app.post(`/messages/:id/${status === 'approved' ? 'approve' : 'reject'}`, async (c) => {
      const { id } = parseWith(route.params, c.req.param(), 'path');
      const body = await readJson(c);
      const { reason } = parseWith(route.body, body, 'body');
      if (status === 'rejected' && !reason) {
        throw new ApiError(400, 'validation_failed', 'A rejection needs a reason for the audit log', [{ path: 'reason', message: 'is required when rejecting' }]);
      }
      const actor = actorOf(c);
      return runWrite(db, c, body, async (tx) => {
        const { rows } = await tx.query<MessageRow>(
          `UPDATE messages SET status = $2, reason = COALESCE($3, reason), moderated_at = now(), moderated_by = $4
            WHERE id = $1 RETURNING *`,
          [id, status, reason ?? null, actor],
        );
        if (!rows[0]) throw notFound('Message');
        await audit(tx, actor, `message.${status === 'approved' ? 'approve' : 'reject'}`, id, { martyrId: rows[0].martyr_id, reason: reason ?? null });
        // The reports were seen: they no longer count, and a message the reports had hidden is shown again (audited as such).
        const reportsClosed = await closeReports(tx, id);
        const hidden = await tx.query("UPDATE messages SET hidden_at = NULL WHERE id = $1 AND hidden_at IS NOT NULL RETURNING 1", [id]);
        if (status === 'approved' && hidden.rows.length > 0) await audit(tx, actor, 'message.reshow', id, { martyrId: rows[0].martyr_id, reportsClosed });
        return { status: 200, body: toModerated(rows[0]) };
      });
    });
  decide('approved', routes.adminApproveMessage);
  decide('rejected', routes.adminRejectMessage);

  app.delete('/messages/:id', async (c) => {
    const { id } = parseWith(routes.adminDeleteMessage.params, c.req.param(), 'path');
    const actor = actorOf(c);
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ martyr_id: string }>('DELETE FROM messages WHERE id = $1 RETURNING martyr_id', [id]);
      if (!rows[0]) throw notFound('Message');
      await audit(tx, actor, 'message.delete', id, { martyrId: rows[0].martyr_id });
    });
    return c.json({ ok: true });
  });

  return app;
}
