import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import { actorOf, audit } from '../audit.js';
import { authorize } from '../http/staff-auth.js';
import type { AppDeps } from '../deps.js';
import { ApiError, notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, readJson } from '../http/validate.js';
import { CAMPAIGN_COLUMNS, toCampaign, type CampaignRow } from './campaign-rows.js';

/** The campaign calendar is data: bureau staff add next year's campaign without a release. */
export function adminCampaignRoutes({ db }: AppDeps) {
  const app = new Hono();
  app.use('/campaigns', authorize('campaigns'));
  app.use('/campaigns/*', authorize('campaigns'));

  app.post('/campaigns', async (c) => {
    const body = await readJson(c);
    const input = parseWith(routes.adminCreateCampaign.body, body, 'body');
    const actor = actorOf(c);
    return runWrite(db, c, body, async (tx) => {
      const { rows } = await tx.query<CampaignRow>(
        `INSERT INTO campaigns (id, kind, title, theme, start_date, end_date, url, partner_links)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING ${CAMPAIGN_COLUMNS}`,
        [input.id, input.kind, input.title, input.theme, input.startDate, input.endDate, input.url, JSON.stringify(input.partnerLinks)],
      );
      if (!rows[0]) throw new ApiError(409, 'conflict', `A campaign with id "${input.id}" already exists; use PUT to change it`);
      await audit(tx, actor, 'campaign.create', input.id, { title: input.title });
      return { status: 201, body: toCampaign(rows[0]) };
    });
  });

  app.put('/campaigns/:id', async (c) => {
    const { id } = parseWith(routes.adminUpdateCampaign.params, c.req.param(), 'path');
    const body = await readJson(c);
    const input = parseWith(routes.adminUpdateCampaign.body, body, 'body');
    if (input.id !== id) {
      throw new ApiError(400, 'validation_failed', 'The id in the body must match the path', [{ path: 'id', message: `must be "${id}"` }]);
    }
    const actor = actorOf(c);
    return runWrite(db, c, body, async (tx) => {
      const { rows } = await tx.query<CampaignRow>(
        `UPDATE campaigns SET kind = $2, title = $3, theme = $4, start_date = $5, end_date = $6, url = $7, partner_links = $8, updated_at = now()
          WHERE id = $1 RETURNING ${CAMPAIGN_COLUMNS}`,
        [id, input.kind, input.title, input.theme, input.startDate, input.endDate, input.url, JSON.stringify(input.partnerLinks)],
      );
      if (!rows[0]) throw notFound('Campaign');
      await audit(tx, actor, 'campaign.update', id, { title: input.title });
      return { status: 200, body: toCampaign(rows[0]) };
    });
  });

  return app;
}

/** Which host sites carry a campaign's banner, for the supervising bureau. */
export function campaignEmbedsRoute({ db }: AppDeps) {
  const app = new Hono();
  app.get('/campaigns/:id/embeds', authorize('campaigns'), async (c) => {
    const { id } = parseWith(routes.campaignEmbeds.params, c.req.param(), 'path');
    const exists = await db.query('SELECT 1 FROM campaigns WHERE id = $1', [id]);
    if (!exists.rows[0]) throw notFound('Campaign');
    const { rows } = await db.query<{ origin: string; first_seen: Date; last_seen: Date; impressions: number; clicks: number; days: number; last_path: string | null }>(
      `SELECT origin, min(first_seen) AS first_seen, max(last_seen) AS last_seen,
              CAST(sum(impressions) AS int) AS impressions, CAST(sum(clicks) AS int) AS clicks, CAST(count(*) AS int) AS days,
              (array_agg(last_path ORDER BY last_seen DESC))[1] AS last_path
         FROM campaign_embeds WHERE campaign_id = $1 GROUP BY origin ORDER BY sum(impressions) DESC, origin`,
      [id],
    );
    return c.json({
      campaignId: id,
      items: rows.map((r) => ({
        origin: r.origin,
        firstSeen: new Date(r.first_seen).toISOString(),
        lastSeen: new Date(r.last_seen).toISOString(),
        impressions: Number(r.impressions),
        clicks: Number(r.clicks),
        days: Number(r.days),
        lastPath: r.last_path,
      })),
    });
  });
  return app;
}
