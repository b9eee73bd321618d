import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { routes, type Message } from '../../src/contract/index.js';
import type { AppDeps } from '../deps.js';
import { ApiError, notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { iso } from './martyr-rows.js';
import { martyrExists } from './tributes.js';

interface MessageRow {
  id: string;
  martyr_id: string;
  text: string;
  signature: string | null;
  created_at: Date | string;
}

const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  martyrId: r.martyr_id,
  text: r.text,
  signature: r.signature,
  createdAt: iso(r.created_at),
});

const encode = (createdAt: string, id: string) => Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
function decode(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && !Number.isNaN(Date.parse(v[0])) && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    /* fall through */
  }
  throw new ApiError(400, 'validation_failed', 'The cursor is not one this server issued', [{ path: 'cursor', message: 'is not a valid cursor' }]);
}

export function messageRoutes({ db }: AppDeps) {
  const app = new Hono();

  // Only approved messages ever leave through here: pending and rejected ones are for moderators.
  app.get('/martyrs/:id/messages', async (c) => {
    const { id } = parseWith(routes.listMessages.params, c.req.param(), 'path');
    const { cursor, limit = 20 } = parseWith(routes.listMessages.query, queryObject(c), 'query');
    if (!(await martyrExists(db, id))) throw notFound('Martyr');
    const params: unknown[] = [id, limit + 1];
    let after = '';
    if (cursor) {
      const [at, mid] = decode(cursor);
      params.push(at, mid);
      after = 'AND (created_at, id) < ($3::timestamptz, $4)';
    }
    const { rows } = await db.query<MessageRow>(
      `SELECT id, martyr_id, text, signature, created_at FROM messages
        WHERE martyr_id = $1 AND status = 'approved' ${after}
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const items = rows.slice(0, limit).map(toMessage);
    const last = items[items.length - 1];
    return c.json({ items, nextCursor: rows.length > limit && last ? encode(last.createdAt, last.id) : null });
  });

  app.post('/martyrs/:id/messages', async (c) => {
    const { id } = parseWith(routes.postMessage.params, c.req.param(), 'path');
    const body = await readJson(c);
    const input = parseWith(routes.postMessage.body, body, 'body');
    return runWrite(db, c, body, async (tx) => {
      if (!(await martyrExists(tx, id))) throw notFound('Martyr');
      const messageId = randomUUID();
      await tx.query('INSERT INTO messages (id, martyr_id, text, signature) VALUES ($1, $2, $3, $4)', [
        messageId,
        id,
        input.text,
        input.signature?.trim() || null,
      ]);
      return { status: 202, body: { id: messageId, status: 'pending' } };
    });
  });

  app.post('/messages/:id/reports', async (c) => {
    const { id } = parseWith(routes.reportMessage.params, c.req.param(), 'path');
    const body = await readJson(c);
    const input = parseWith(routes.reportMessage.body, body, 'body');
    return runWrite(db, c, body, async (tx) => {
      // A reported message goes back to review at once; only moderators can approve it again.
      const { rows } = await tx.query(
        `UPDATE messages SET reports = reports + 1,
                status = CASE WHEN status = 'approved' THEN 'pending' ELSE status END,
                reason = CASE WHEN status = 'approved' THEN $2 ELSE reason END
          WHERE id = $1 AND status <> 'rejected' RETURNING id`,
        [id, `reported${input.reason ? `: ${input.reason}` : ''}`],
      );
      if (!rows[0]) throw notFound('Message');
      return { status: 202, body: { ok: true } };
    });
  });

  return app;
}
