import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { shanghaiDay } from '../time.js';
import { CampaignCalendar } from '../calendar/calendar.js';
import { FIRST_YEAR } from '../seed/campaigns.js';
import { recordEmbedEvent } from '../campaigns/embed-events.js';

export function campaignRoutes(deps: AppDeps) {
  const { db, now } = deps;
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
    return runWrite(db, c, body, async (tx) => ({ status: 202, body: { recorded: await recordEmbedEvent(tx, deps, c, id, event) } }));
  });

  return app;
}
