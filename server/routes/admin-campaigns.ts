import { Hono } from 'hono';
import { CAMPAIGN_LINK_PROBLEMS, checkCampaignLink, routes, type FieldIssue } from '../../src/contract/index.js';
import { actorOf, audit } from '../audit.js';
import { authorize } from '../http/staff-auth.js';
import type { AppDeps } from '../deps.js';
import { ApiError, notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { keysetCursor, pageOf } from '../http/paging.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { CAMPAIGN_COLUMNS, toCampaign, type CampaignRow } from './campaign-rows.js';
import { CampaignCalendar } from '../calendar/calendar.js';
import { campaignOf, parseCampaignId } from '../calendar/rules.js';
import { loadRules, putOverride } from '../calendar/store.js';
import type { Queryable } from '../db/database.js';

/** Whether `id` is a rule's campaign (`qingming-2024`), which has no row of its own. */
async function ruleCampaign(tx: Queryable, id: string) {
  const parsed = parseCampaignId(id);
  if (!parsed) return null;
  const [rule] = await loadRules(tx, parsed.ruleId);
  return rule && campaignOf(rule, parsed.year, rule.overrides.find((o) => o.year === parsed.year)) ? { rule, year: parsed.year } : null;
}

type Linked = { url?: string | null | undefined; partnerLinks?: readonly { url: string }[] | null | undefined };

/**
 * The banner on every portal follows these links, so only the national platform and the
 * deployment's own hosts pass (checkCampaignLink, which the banner applies again), stored in
 * normalized form. For campaigns, rules and a year's overrides alike (absent links stay absent).
 */
export function checkedLinks<T extends Linked>(input: T, hosts: readonly string[]): T {
  const issues: FieldIssue[] = [];
  const check = (url: string, path: string) => {
    const r = checkCampaignLink(url, hosts);
    if (r.ok) return r.url;
    issues.push({ path, message: CAMPAIGN_LINK_PROBLEMS[r.reason] });
    return url;
  };
  const out = { ...input };
  if (typeof input.url === 'string') out.url = check(input.url, 'url');
  if (input.partnerLinks) out.partnerLinks = input.partnerLinks.map((l, i) => ({ ...l, url: check(l.url, `partnerLinks.${i}.url`) }));
  if (issues.length) throw new ApiError(400, 'validation_failed', `The request body is invalid: ${issues.map((i) => i.path).join(', ')}`, issues);
  return out;
}

/** The campaign calendar is data: bureau staff add next year's campaign without a release. */
export function adminCampaignRoutes({ db, campaignHosts = [] }: AppDeps) {
  const app = new Hono();
  app.use('/campaigns', authorize('campaigns'));
  app.use('/campaigns/*', authorize('campaigns'));

  app.post('/campaigns', async (c) => {
    const body = await readJson(c);
    const input = checkedLinks(parseWith(routes.adminCreateCampaign.body, body, 'body'), campaignHosts);
    const actor = actorOf(c);
    return runWrite(db, c, body, async (tx) => {
      if (await ruleCampaign(tx, input.id)) {
        throw new ApiError(409, 'conflict', `"${input.id}" already exists as a recurring campaign's year; use PUT to change it (that sets the year's override)`);
      }
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
    const input = checkedLinks(parseWith(routes.adminUpdateCampaign.body, body, 'body'), campaignHosts);
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
      if (!rows[0]) {
        // A rule's campaign: replacing it for that year is that year's override.
        const found = await ruleCampaign(tx, id);
        if (!found) throw notFound('Campaign');
        if (input.kind !== found.rule.kind) {
          throw new ApiError(400, 'validation_failed', `"${id}" is a ${found.rule.kind} campaign (rule "${found.rule.id}")`, [{ path: 'kind', message: `must be "${found.rule.kind}"` }]);
        }
        const { title, theme, startDate, endDate, url, partnerLinks } = input;
        const override = await putOverride(tx, found.rule.id, found.year, { title, theme, startDate, endDate, url, partnerLinks, source: null });
        await audit(tx, actor, 'campaign.update', id, { title: input.title, override: true });
        return { status: 200, body: campaignOf(found.rule, found.year, override)! };
      }
      await audit(tx, actor, 'campaign.update', id, { title: input.title });
      return { status: 200, body: toCampaign(rows[0]) };
    });
  });

  return app;
}

interface EmbedRow { origin: string; first_seen: Date; last_seen: Date; impressions: number; clicks: number; days: number; last_path: string | null }

/** (impressions, origin): the report's order, most seen first. */
const embedCursor = keysetCursor(['int', 'text'] as const);

/** Which host sites carry a campaign's banner, for the supervising bureau. */
export function campaignEmbedsRoute({ db }: AppDeps) {
  const app = new Hono();
  app.get('/campaigns/:id/embeds', authorize('campaigns'), async (c) => {
    const { id } = parseWith(routes.campaignEmbeds.params, c.req.param(), 'path');
    const { cursor, limit = 100 } = parseWith(routes.campaignEmbeds.query, queryObject(c), 'query');
    if (!(await CampaignCalendar.find(db, id))) throw notFound('Campaign');
    const params: unknown[] = [id, limit + 1];
    let having = '';
    if (cursor) {
      const [impressions, origin] = embedCursor.decode(cursor);
      params.push(impressions, origin);
      having = 'HAVING sum(impressions) < $3 OR (sum(impressions) = $3 AND origin > $4)';
    }
    const { rows } = await db.query<EmbedRow>(
      `SELECT origin, min(first_seen) AS first_seen, max(last_seen) AS last_seen,
              CAST(sum(impressions) AS int) AS impressions, CAST(sum(clicks) AS int) AS clicks, CAST(count(*) AS int) AS days,
              (array_agg(last_path ORDER BY last_seen DESC))[1] AS last_path
         FROM campaign_embeds WHERE campaign_id = $1 GROUP BY origin ${having}
        ORDER BY sum(impressions) DESC, origin LIMIT $2`,
      params,
    );
    const page = pageOf(rows, limit, embedCursor, (r) => [Number(r.impressions), r.origin], (r) => ({
      origin: r.origin,
      firstSeen: new Date(r.first_seen).toISOString(),
      lastSeen: new Date(r.last_seen).toISOString(),
      impressions: Number(r.impressions),
      clicks: Number(r.clicks),
      days: Number(r.days),
      lastPath: r.last_path,
    }));
    return c.json({ campaignId: id, ...page });
  });
  return app;
}
