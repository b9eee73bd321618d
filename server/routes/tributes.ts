import { Hono } from 'hono';
import { routes, TRIBUTE_KINDS, type TributeCounts, type TributeKind, type TributeSummary } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { shanghaiDay } from '../time.js';

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

export function tributeRoutes({ db, now }: AppDeps) {
  const app = new Hono();

  app.get('/martyrs/:id/tributes', async (c) => {
    const { id } = parseWith(routes.getTributeSummary.params, c.req.param(), 'path');
    const { visitorId } = parseWith(routes.getTributeSummary.query, queryObject(c), 'query');
    if (!(await martyrExists(db, id))) throw notFound('Martyr');
    return c.json(await tributeSummary(db, id, shanghaiDay(now()), visitorId));
  });

  app.post('/martyrs/:id/tributes', async (c) => {
    const { id } = parseWith(routes.offerTribute.params, c.req.param(), 'path');
    const body = await readJson(c);
    const offer = parseWith(routes.offerTribute.body, body, 'body');
    return runWrite(db, c, body, async (tx) => {
      if (!(await martyrExists(tx, id))) throw notFound('Martyr');
      const day = shanghaiDay(now());
      // The primary key (martyr, kind, day, visitor) is the daily limit; the counter moves only with a new row.
      const inserted = await tx.query(
        `INSERT INTO tribute_offers (martyr_id, kind, day, visitor_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [id, offer.kind, day, offer.visitorId],
      );
      const counted = inserted.rows.length === 1;
      if (counted) {
        await tx.query(
          `INSERT INTO tribute_counts (martyr_id, kind, day, count) VALUES ($1, $2, $3, 1)
           ON CONFLICT (martyr_id, kind, day) DO UPDATE SET count = tribute_counts.count + 1`,
          [id, offer.kind, day],
        );
      }
      const summary = await tributeSummary(tx, id, day, offer.visitorId);
      return { status: counted ? 201 : 200, body: { counted, kind: offer.kind, summary } };
    });
  });

  return app;
}
