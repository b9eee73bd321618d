import { Hono } from 'hono';
import { routes, type CampaignRule } from '../../src/contract/index.js';
import { actorOf, audit } from '../audit.js';
import { campaignOf } from '../calendar/rules.js';
import { deleteOverride, insertRule, loadRules, putOverride, updateRule } from '../calendar/store.js';
import type { Queryable } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { ApiError, notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, readJson } from '../http/validate.js';
import { authorize } from '../http/staff-auth.js';
import { checkedLinks } from './admin-campaigns.js';

async function ruleWithOverrides(tx: Queryable, id: string) {
  const [rule] = await loadRules(tx, id);
  if (!rule) throw notFound('Campaign rule');
  return rule;
}

/**
 * The recurring campaigns: bureau staff add a day of remembrance once, and enter a year's
 * notice (title, theme, exact dates, column) as that year's override.
 */
export function adminCalendarRoutes({ db, campaignHosts = [] }: AppDeps) {
  const app = new Hono();
  app.use('/campaign-rules', authorize('campaigns'));
  app.use('/campaign-rules/*', authorize('campaigns'));

  app.get('/campaign-rules', async (c) => c.json({ items: await loadRules(db) }));

  app.post('/campaign-rules', async (c) => {
    const body = await readJson(c);
    const rule = checkedLinks(parseWith(routes.adminCreateCampaignRule.body, body, 'body'), campaignHosts);
    const actor = actorOf(c);
    return runWrite(db, c, body, async (tx) => {
      if (!(await insertRule(tx, rule))) throw new ApiError(409, 'conflict', `A campaign rule with id "${rule.id}" already exists; use PUT to change it`);
      await audit(tx, actor, 'campaign-rule.create', rule.id, { title: rule.title, anchor: rule.anchor });
      return { status: 201, body: await ruleWithOverrides(tx, rule.id) };
    });
  });

  app.put('/campaign-rules/:id', async (c) => {
    // the body first: a malformed request is refused as such, whatever its path says
    const body = await readJson(c);
    const { id } = parseWith(routes.adminUpdateCampaignRule.params, c.req.param(), 'path');
    const rule: CampaignRule = checkedLinks(parseWith(routes.adminUpdateCampaignRule.body, body, 'body'), campaignHosts);
    if (rule.id !== id) {
      throw new ApiError(400, 'validation_failed', 'The id in the body must match the path', [{ path: 'id', message: `must be "${id}"` }]);
    }
    const actor = actorOf(c);
    return runWrite(db, c, body, async (tx) => {
      if (!(await updateRule(tx, rule))) throw notFound('Campaign rule');
      const saved = await ruleWithOverrides(tx, id);
      // an override's dates must still make a window under the changed rule
      for (const o of saved.overrides) {
        if (!campaignOf(saved, o.year, o) && o.year >= saved.firstYear && (saved.lastYear === null || o.year <= saved.lastYear)) {
          throw new ApiError(400, 'validation_failed', `The override for ${o.year} would end before it starts under this rule`, [{ path: 'daysBefore', message: `conflicts with the ${o.year} override` }]);
        }
      }
      await audit(tx, actor, 'campaign-rule.update', id, { title: rule.title, anchor: rule.anchor, lastYear: rule.lastYear });
      return { status: 200, body: saved };
    });
  });

  app.put('/campaign-rules/:id/years/:year', async (c) => {
    // the body first: a malformed request is refused as such, whatever its path says
    const body = await readJson(c);
    const { id, year } = parseWith(routes.adminPutCampaignOverride.params, c.req.param(), 'path');
    const input = checkedLinks(parseWith(routes.adminPutCampaignOverride.body, body, 'body'), campaignHosts);
    const actor = actorOf(c);
    return runWrite(db, c, body, async (tx) => {
      const rule = await ruleWithOverrides(tx, id);
      const override = await putOverride(tx, id, year, input);
      if (!campaignOf(rule, year, override)) {
        const covered = year >= rule.firstYear && (rule.lastYear === null || year <= rule.lastYear);
        throw new ApiError(
          400,
          'validation_failed',
          covered ? `With this override the ${year} campaign would end before it starts` : `The rule "${id}" has no campaign in ${year} (years ${rule.firstYear}–${rule.lastYear ?? ''})`,
          [{ path: covered ? 'endDate' : 'year', message: covered ? 'must not be before the start date' : 'is outside the rule' }],
        );
      }
      await audit(tx, actor, 'campaign-override.set', `${id}-${year}`, { ...input });
      return { status: 200, body: override };
    });
  });

  app.delete('/campaign-rules/:id/years/:year', async (c) => {
    const { id, year } = parseWith(routes.adminDeleteCampaignOverride.params, c.req.param(), 'path');
    const actor = actorOf(c);
    return runWrite(db, c, {}, async (tx) => {
      if (!(await deleteOverride(tx, id, year))) throw notFound('Override');
      await audit(tx, actor, 'campaign-override.delete', `${id}-${year}`);
      return { status: 200, body: { ok: true as const } };
    });
  });

  return app;
}

