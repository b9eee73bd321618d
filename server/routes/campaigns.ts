import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { shanghaiDay } from '../time.js';
import { CAMPAIGN_COLUMNS, toCampaign, type CampaignRow } from './campaign-rows.js';

export function campaignRoutes({ db, now }: AppDeps) {
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
    return runWrite(db, c, body, async (tx) => {
      const at = now();
      const { rows } = await tx.query(
        `INSERT INTO campaign_embeds (campaign_id, origin, day, impressions, clicks, first_seen, last_seen, last_path)
         SELECT id, $2, $3, $4, $5, $6, $6, $7 FROM campaigns WHERE id = $1
         ON CONFLICT (campaign_id, origin, day) DO UPDATE SET
           impressions = campaign_embeds.impressions + EXCLUDED.impressions,
           clicks = campaign_embeds.clicks + EXCLUDED.clicks,
           last_seen = EXCLUDED.last_seen,
           last_path = EXCLUDED.last_path
         RETURNING 1`,
        [id, event.origin, shanghaiDay(at), event.type === 'impression' ? 1 : 0, event.type === 'click' ? 1 : 0, at, event.path],
      );
      if (!rows[0]) throw notFound('Campaign');
      return { status: 202, body: { recorded: true } };
    });
  });

  return app;
}
