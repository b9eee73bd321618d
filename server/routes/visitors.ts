import { Hono } from 'hono';
import { routes, type ThrottledAddress } from '../../src/contract/index.js';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import { addressKey, clientAddress } from '../http/client-address.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { Buckets, recordThrottled, type Draw } from '../limits/buckets.js';
import { fairLimitsOf } from '../limits/fair-limits.js';
import { mintVisitorId, visitorKey } from '../limits/visitor-id.js';
import { badCursor, decodeCursor, encodeCursor } from './cursor.js';
import { iso } from './martyr-rows.js';

/** `POST /visitors`: a signed visitor id, within the address's minting budget. */
export function visitorRoutes(deps: AppDeps) {
  const app = new Hono();
  const limits = fairLimitsOf(deps);
  const key = visitorKey(deps.dataKey);
  const buckets = new Buckets();

  app.post('/visitors', async (c) => {
    // No body, or an empty JSON object: there is nothing for the client to choose.
    if ((c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding')) {
      parseWith(routes.mintVisitor.body, await readJson(c), 'body');
    }
    const at = deps.now();
    if (limits) {
      const address = addressKey(clientAddress(c, deps.trustProxy ?? 0));
      const draw: Draw = { key: `mint:${address}`, name: 'mint', budget: limits.mint, address };
      const refused = await deps.db.transaction(async (tx) => {
        const [empty] = await buckets.take(tx, [[draw]], at.getTime());
        if (empty) await recordThrottled(tx, [empty], at.getTime());
        return empty;
      });
      if (refused) {
        const retryAfter = Math.max(1, Math.ceil(buckets.retryAfterMs(draw, at.getTime()) / 1000));
        throw new ApiError(429, 'rate_limited', `This network address has minted its visitors for now; try again in ${retryAfter} s (tributes still work with an unsigned visitor id, within a smaller allowance)`, undefined, {
          'Retry-After': String(retryAfter),
        });
      }
    }
    const { visitorId, expiresAt } = mintVisitorId(key, at);
    c.header('Cache-Control', 'no-store');
    return c.json({ visitorId, expiresAt: expiresAt.toISOString() }, 201);
  });

  return app;
}

/** `GET /admin/throttled`: which addresses a budget refused, and when. Mounted behind the admin check. */
export function adminThrottledRoutes({ db }: AppDeps) {
  const app = new Hono();
  app.get('/throttled', async (c) => {
    const { cursor, limit = 50 } = parseWith(routes.adminThrottled.query, queryObject(c), 'query');
    const params: unknown[] = [limit + 1];
    let after = '';
    if (cursor) {
      const [hourMs, address, budget] = decodeCursor(cursor, ['number', 'string', 'string'] as const);
      if (!Number.isSafeInteger(hourMs) || hourMs < 0 || hourMs > 32_503_680_000_000) throw badCursor();
      params.push(hourMs, address, budget);
      after = 'WHERE hour < to_timestamp($2 / 1000.0) OR (hour = to_timestamp($2 / 1000.0) AND (address, budget) > ($3, $4))';
    }
    const { rows } = await db.query<{ address: string; budget: string; hour: Date | string; refused: number; first_at: Date | string; last_at: Date | string }>(
      `SELECT address, budget, hour, refused, first_at, last_at FROM throttle_events ${after} ORDER BY hour DESC, address, budget LIMIT $1`,
      params,
    );
    const items: ThrottledAddress[] = rows.slice(0, limit).map((r) => ({
      address: r.address,
      budget: r.budget,
      hour: iso(r.hour),
      refused: Number(r.refused),
      firstAt: iso(r.first_at),
      lastAt: iso(r.last_at),
    }));
    const last = items[limit - 1];
    c.header('Cache-Control', 'no-store');
    return c.json({ items, nextCursor: rows.length > limit && last ? encodeCursor([Date.parse(last.hour), last.address, last.budget]) : null });
  });
  return app;
}
