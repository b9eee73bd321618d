import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { shanghaiDay } from '../time.js';
import { recordEmbedEvent } from '../campaigns/embed-events.js';
import { CAMPAIGN_COLUMNS, toCampaign, type CampaignRow } from './campaign-rows.js';

export function campaignRoutes(deps: AppDeps) {
  const { db, now } = deps;
  const app = new Hono();

  app.get('/campaigns', async (c) => {
    const { activeAt } = parseWith(routes.listCampaigns.query, queryObject(c), 'query');
    const params: unknown[] = [];
    let where = '';
    if (activeAt) {
      params.push(shanghaiDay(activeAt === 'now' ? now() : new Date(activeAt)));
      where = 'WHERE start_date <= $1 AND end_date >= $1';
    }
    const { rows } = await db.query<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns ${where} ORDER BY start_date DESC, id`, params);
    return c.json({ items: rows.map(toCampaign) });
  });

  // `current` is the campaign active today in Asia/Shanghai (the most recently started if several),
  // else the next one to start, so a banner can count down to it.
  app.get('/campaigns/:id', async (c) => {
    const { id } = parseWith(routes.getCampaign.params, c.req.param(), 'path');
    const { rows } =
      id === 'current'
        ? await db.query<CampaignRow>(
            `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE end_date >= $1
              ORDER BY (start_date <= $1) DESC, CASE WHEN start_date <= $1 THEN start_date END DESC, start_date, id LIMIT 1`,
            [shanghaiDay(now())],
          )
        : await db.query<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1`, [id]);
    if (!rows[0]) throw notFound(id === 'current' ? 'A current or upcoming campaign' : 'Campaign');
    return c.json(toCampaign(rows[0]));
  });

  app.post('/campaigns/:id/events', async (c) => {
    const { id } = parseWith(routes.recordCampaignEvent.params, c.req.param(), 'path');
    const body = await readJson(c, { allowTextPlain: true });
    const event = parseWith(routes.recordCampaignEvent.body, body, 'body');
    return runWrite(db, c, body, async (tx) => ({ status: 202, body: { recorded: await recordEmbedEvent(tx, deps, c, id, event) } }));
  });

  return app;
}
