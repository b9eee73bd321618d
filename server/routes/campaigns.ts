import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { shanghaiDay } from '../time.js';
import { CampaignCalendar } from '../calendar/calendar.js';
import { FIRST_YEAR } from '../seed/campaigns.js';

export function campaignRoutes({ db, now }: AppDeps) {
  const app = new Hono();

  app.get('/campaigns', async (c) => {
    const { activeAt, year } = parseWith(routes.listCampaigns.query, queryObject(c), 'query');
    const calendar = await CampaignCalendar.load(db);
    let items;
    if (activeAt) {
      items = calendar.activeOn(shanghaiDay(activeAt === 'now' ? now() : new Date(activeAt)));
      if (year !== undefined) items = items.filter((x) => x.startDate.startsWith(`${year}-`));
    } else if (year !== undefined) {
      items = calendar.startingIn(year, year);
    } else {
      // Rules never run out, so "every campaign" is the calendar's first year to next year.
      items = calendar.startingIn(FIRST_YEAR, Number(shanghaiDay(now()).slice(0, 4)) + 1);
    }
    return c.json({ items });
  });

  app.get('/campaigns/current', async (c) => {
    const campaign = (await CampaignCalendar.load(db)).current(shanghaiDay(now()));
    if (!campaign) throw notFound('A campaign active today');
    return c.json(campaign);
  });

  app.get('/campaigns/next', async (c) => {
    const campaign = (await CampaignCalendar.load(db)).next(shanghaiDay(now()));
    if (!campaign) throw notFound('A campaign after today');
    return c.json(campaign);
  });

  app.get('/campaigns/:id', async (c) => {
    const { id } = parseWith(routes.getCampaign.params, c.req.param(), 'path');
    const campaign = await CampaignCalendar.find(db, id);
    if (!campaign) throw notFound('Campaign');
    return c.json(campaign);
  });

  app.post('/campaigns/:id/events', async (c) => {
    const { id } = parseWith(routes.recordCampaignEvent.params, c.req.param(), 'path');
    const body = await readJson(c, { allowTextPlain: true });
    const event = parseWith(routes.recordCampaignEvent.body, body, 'body');
    return runWrite(db, c, body, async (tx) => {
      if (!(await CampaignCalendar.find(tx, id))) throw notFound('Campaign');
      const at = now();
      await tx.query(
        `INSERT INTO campaign_embeds (campaign_id, origin, day, impressions, clicks, first_seen, last_seen, last_path)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7)
         ON CONFLICT (campaign_id, origin, day) DO UPDATE SET
           impressions = campaign_embeds.impressions + EXCLUDED.impressions,
           clicks = campaign_embeds.clicks + EXCLUDED.clicks,
           last_seen = EXCLUDED.last_seen,
           last_path = EXCLUDED.last_path`,
        [id, event.origin, shanghaiDay(at), event.type === 'impression' ? 1 : 0, event.type === 'click' ? 1 : 0, at, event.path],
      );
      return { status: 202, body: { recorded: true } };
    });
  });

  return app;
}
