import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { createdCursor, pageOf } from '../http/paging.js';
import { toMessage, type MessageRow } from './message-rows.js';
import { martyrExists } from './tributes.js';
import { recordReport } from '../moderation/reports.js';

export function messageRoutes(deps: AppDeps) {
  const { db, words } = deps;
  const app = new Hono();

  // Only approved messages ever leave through here: pending and rejected ones are for moderators.
  app.get('/martyrs/:id/messages', async (c) => {
    const { id } = parseWith(routes.listMessages.params, c.req.param(), 'path');
    const { cursor, limit = 20 } = parseWith(routes.listMessages.query, queryObject(c), 'query');
    if (!(await martyrExists(db, id))) throw notFound('Martyr');
    const params: unknown[] = [id, limit + 1];
    let after = '';
    if (cursor) {
      const [at, mid] = createdCursor.decode(cursor);
      params.push(at, mid);
      after = 'AND (created_at, id) < ($3::timestamptz, $4)';
    }
    const { rows } = await db.query<MessageRow & { created_key: string }>(
      `SELECT *, created_at::text AS created_key FROM messages
        WHERE martyr_id = $1 AND status = 'approved' ${after}
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    return c.json(pageOf(rows, limit, createdCursor, (r) => [r.created_key, r.id], toMessage));
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

  // One answer for every well-formed id (unknown, rejected, already reported, hidden now): a
  // script learns nothing about which messages exist or what its reports did.
  app.post('/messages/:id/reports', async (c) => {
    const { id } = parseWith(routes.reportMessage.params, c.req.param(), 'path');
    const body = await readJson(c);
    const input = parseWith(routes.reportMessage.body, body, 'body');
    return runWrite(db, c, body, async (tx) => {
      await recordReport(tx, deps, c, id, input);
      return { status: 202, body: { ok: true } };
    });
  });

  return app;
}
