import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { badCursor, decodeCursor, encodeCursor } from './cursor.js';
import { toMessage, type MessageRow } from './message-rows.js';
import { martyrExists } from './tributes.js';

export function messageRoutes({ db, words }: AppDeps) {
  const app = new Hono();

  // Only approved messages ever leave through here: pending and rejected ones are for moderators.
  app.get('/martyrs/:id/messages', async (c) => {
    const { id } = parseWith(routes.listMessages.params, c.req.param(), 'path');
    const { cursor, limit = 20 } = parseWith(routes.listMessages.query, queryObject(c), 'query');
    if (!(await martyrExists(db, id))) throw notFound('Martyr');
    const params: unknown[] = [id, limit + 1];
    let after = '';
    if (cursor) {
      const [at, mid] = decodeCursor(cursor, ['string', 'string'] as const);
      if (Number.isNaN(Date.parse(at))) throw badCursor();
      params.push(at, mid);
      after = 'AND (created_at, id) < ($3::timestamptz, $4)';
    }
    const { rows } = await db.query<MessageRow & { created_key: string }>(
      `SELECT *, created_at::text AS created_key FROM messages
        WHERE martyr_id = $1 AND status = 'approved' ${after}
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const items = rows.slice(0, limit).map(toMessage);
    const last = rows[limit - 1];
    return c.json({ items, nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null });
  });

  app.post('/martyrs/:id/messages', async (c) => {
    const { id } = parseWith(routes.postMessage.params, c.req.param(), 'path');
    const body = await readJson(c);
    const input = parseWith(routes.postMessage.body, body, 'body');
    return runWrite(db, c, body, async (tx) => {
      if (!(await martyrExists(tx, id))) throw notFound('Martyr');
      const messageId = randomUUID();
      const signature = input.signature?.trim() || null;
      // Every message waits for a moderator; a listed word also records why it needs a closer look.
      const word = words.find(`${input.text}\n${signature ?? ''}`);
      await tx.query('INSERT INTO messages (id, martyr_id, text, signature, reason) VALUES ($1, $2, $3, $4, $5)', [
        messageId,
        id,
        input.text,
        signature,
        word ? `sensitive word: ${word}` : null,
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
