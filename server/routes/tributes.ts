import { Hono } from 'hono';
import { routes, TRIBUTE_KINDS, type TributeCounts, type TributeKind, type TributeSummary } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { represent, sendCacheable, SUMMARY_MAX_AGE, type Representation } from '../http/cacheable.js';
import { addressKey, clientAddress } from '../http/client-address.js';
import { idempotencyKeyOf, requestHash, scopeOf } from '../http/idempotency.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { fairLimitsOf } from '../limits/fair-limits.js';
import { isSignedVisitor, visitorKey } from '../limits/visitor-id.js';
import { shanghaiDay } from '../time.js';
import { SummaryCache } from './tribute-cache.js';
import { TributeWriter, type Counts } from './tribute-writer.js';

const zero = (): TributeCounts => ({ flower: 0, bow: 0, candle: 0, sweep: 0 });

export async function martyrExists(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM martyrs WHERE id = $1', [id]);
  return rows.length > 0;
}

export async function tributeSummary(db: Queryable, martyrId: string, day: string, visitorId?: string): Promise<TributeSummary> {
  const { rows } = await db.query<{ kind: TributeKind; today: number; total: number }>(
    `SELECT kind, CAST(SUM(CASE WHEN day = $2 THEN count ELSE 0 END) AS int) AS today, CAST(SUM(count) AS int) AS total
       FROM tribute_counts WHERE martyr_id = $1 GROUP BY kind`,
    [martyrId, day],
  );
  const summary: TributeSummary = { martyrId, day, today: zero(), total: zero() };
  for (const r of rows) {
    summary.today[r.kind] = Number(r.today);
    summary.total[r.kind] = Number(r.total);
  }
  if (visitorId) {
    const offered = await db.query<{ kind: TributeKind }>(
      'SELECT kind FROM tribute_offers WHERE martyr_id = $1 AND day = $2 AND visitor_id = $3',
      [martyrId, day, visitorId],
    );
    const kinds = new Set(offered.rows.map((r) => r.kind));
    summary.offeredToday = TRIBUTE_KINDS.filter((k) => kinds.has(k));
  }
  return summary;
}

/** A martyr's counts in one query (undefined when there is no such martyr). */
async function publicCounts(db: Queryable, martyrId: string, day: string): Promise<Counts | undefined> {
  const { rows } = await db.query<{ kind: TributeKind | null; today: number; total: number }>(
    `SELECT c.kind, CAST(SUM(CASE WHEN c.day = $2 THEN c.count ELSE 0 END) AS int) AS today, CAST(SUM(c.count) AS int) AS total
       FROM martyrs m LEFT JOIN tribute_counts c ON c.martyr_id = m.id WHERE m.id = $1 GROUP BY c.kind`,
    [martyrId, day],
  );
  if (rows.length === 0) return undefined;
  const counts: Counts = { day, today: zero(), total: zero() };
  for (const r of rows) {
    if (r.kind === null) continue;
    counts.today[r.kind] = Number(r.today);
    counts.total[r.kind] = Number(r.total);
  }
  return counts;
}

export function tributeRoutes(deps: AppDeps) {
  const { db, now } = deps;
  const app = new Hono();
  const limits = fairLimitsOf(deps);
  const key = visitorKey(deps.dataKey);
  const cache = new SummaryCache();
  const loads = new Map<string, Promise<Representation | undefined>>();
  const writer = new TributeWriter(db, now, limits, (counts) => {
    const t = now().getTime();
    for (const [id, c] of counts) cache.put(id, c, t);
  });

  app.get('/martyrs/:id/tributes', async (c) => {
    const { id } = parseWith(routes.getTributeSummary.params, c.req.param(), 'path');
    const { visitorId } = parseWith(routes.getTributeSummary.query, queryObject(c), 'query');
    const at = now();
    const day = shanghaiDay(at);
    if (visitorId) {
      // Names one visitor: the browser may keep it, shared caches may not.
      if (!(await martyrExists(db, id))) throw notFound('Martyr');
      return sendCacheable(c, represent(await tributeSummary(db, id, day, visitorId)), 'private, no-cache');
    }
    let rep = cache.get(id, day, at.getTime());
    if (!rep) {
      // Concurrent misses for one martyr share one query.
      let loading = loads.get(id);
      if (!loading) {
        loading = publicCounts(db, id, day).then((counts) => (counts ? cache.put(id, counts, at.getTime()) : undefined));
        loads.set(id, loading);
        void loading.finally(() => loads.delete(id)).catch(() => undefined);
      }
      rep = await loading;
      if (!rep) throw notFound('Martyr');
    }
    return sendCacheable(c, rep, `public, max-age=${SUMMARY_MAX_AGE}`);
  });

  app.post('/martyrs/:id/tributes', async (c) => {
    const { id } = parseWith(routes.offerTribute.params, c.req.param(), 'path');
    const body = await readJson(c);
    const offer = parseWith(routes.offerTribute.body, body, 'body');
    const idempotencyKey = idempotencyKeyOf(c);
    const answer = await writer
      .offer({
      martyrId: id,
      kind: offer.kind,
      visitorId: offer.visitorId,
      address: limits ? addressKey(clientAddress(c, deps.trustProxy ?? 0)) : '',
      signed: limits ? isSignedVisitor(key, offer.visitorId, now()) : false,
      // The writer keeps keys in one flat column: the route-and-client scope goes into the key itself.
      idempotency: idempotencyKey === undefined ? undefined : { key: `${scopeOf(c)}:${idempotencyKey}`, hash: requestHash(c, body) },
      })
      .catch((err: unknown) => {
        // The martyr was deleted after the writer last saw it: its foreign key refused the offer.
        if ((err as { code?: string }).code === '23503') throw notFound('Martyr');
        throw err;
      });
    if (answer.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(answer.body, answer.status as 200);
  });

  return app;
}
