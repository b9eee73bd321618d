import type { Context } from 'hono';
import type { CampaignEvent } from '../../src/contract/index.js';
import { CampaignCalendar } from '../calendar/calendar.js';
import type { Queryable } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { clientAddress } from '../http/client-address.js';
import { keyedHash } from '../personal-data.js';
import { shanghaiDay } from '../time.js';

/** New host sites one address may bring to the report in a day (MEMORIAL_EMBED_NEW_HOSTS_PER_DAY). */
export const DEFAULT_NEW_HOSTS_PER_DAY = 5;

export function newHostsPerDayFromEnv(raw = process.env.MEMORIAL_EMBED_NEW_HOSTS_PER_DAY): number {
  if (raw === undefined || raw === '') return DEFAULT_NEW_HOSTS_PER_DAY;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error('MEMORIAL_EMBED_NEW_HOSTS_PER_DAY must be a whole number, at least 1');
  return n;
}

/**
 * Counts one embed event, or says it did not. The report is self-reported by browsers, so only
 * what a browser on that host would send is counted: the request's `Origin` must be the host it
 * claims (a page elsewhere cannot forge it; a script can, hence the rest), the campaign must be
 * in its window today, each visitor (a keyed hash of its address, never the address) counts once
 * per campaign, host, kind and day, and one address may bring only a few new hosts a day.
 */
export async function recordEmbedEvent(
  tx: Queryable,
  deps: Pick<AppDeps, 'dataKey' | 'now' | 'trustProxy' | 'embedNewHostsPerDay'>,
  c: Context,
  campaignId: string,
  event: CampaignEvent,
): Promise<boolean> {
  const at = deps.now();
  const day = shanghaiDay(at);
  // rules' campaigns have no row: the calendar finds both kinds
  const campaign = await CampaignCalendar.find(tx, campaignId);
  if (!campaign) throw notFound('Campaign');
  if (campaign.startDate > day || campaign.endDate < day) return false;
  if (c.req.header('origin') !== event.origin) return false;

  const visitor = keyedHash(deps.dataKey, 'embed visitor', clientAddress(c, deps.trustProxy ?? 0));
  const known = await tx.query('SELECT 1 FROM campaign_embeds WHERE campaign_id = $1 AND origin = $2 LIMIT 1', [campaignId, event.origin]);
  const introduces = known.rows.length === 0;
  if (introduces) {
    const cap = deps.embedNewHostsPerDay ?? newHostsPerDayFromEnv();
    const brought = await tx.query<{ n: number }>(
      'SELECT CAST(count(*) AS int) AS n FROM campaign_embed_visits WHERE visitor_hash = $1 AND day = $2 AND introduced',
      [visitor, day],
    );
    if (Number(brought.rows[0]?.n ?? 0) >= cap) return false;
  }
  const fresh = await tx.query(
    `INSERT INTO campaign_embed_visits (campaign_id, origin, day, kind, visitor_hash, introduced) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [campaignId, event.origin, day, event.type, visitor, introduces],
  );
  if (fresh.rows.length === 0) return false;
  await tx.query(
    `INSERT INTO campaign_embeds (campaign_id, origin, day, impressions, clicks, first_seen, last_seen, last_path)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7)
     ON CONFLICT (campaign_id, origin, day) DO UPDATE SET
       impressions = campaign_embeds.impressions + EXCLUDED.impressions,
       clicks = campaign_embeds.clicks + EXCLUDED.clicks,
       last_seen = EXCLUDED.last_seen,
       last_path = EXCLUDED.last_path`,
    [campaignId, event.origin, day, event.type === 'impression' ? 1 : 0, event.type === 'click' ? 1 : 0, at, event.path],
  );
  return true;
}
