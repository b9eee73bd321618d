import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import { GRAVE_KEY, GRAVE_ORDER, GRAVE_SELECT, getCemetery, getGrave, graveKey, listCemeteries, toGraves, type GraveRow } from '../cemeteries/read.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { parseWith, queryObject } from '../http/validate.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** Public: cemeteries, their sections and graves in walking order, one grave. */
export function cemeteryRoutes({ db }: AppDeps) {
  const app = new Hono();

  app.get('/cemeteries', async (c) => {
    const query = parseWith(routes.listCemeteries.query, queryObject(c), 'query');
    const after = query.cursor ? decodeCursor(query.cursor, ['string', 'string'] as const) : undefined;
    const page = await listCemeteries(db, { region: query.region, level: query.level, after, limit: query.limit ?? 20 });
    return c.json({ items: page.items, nextCursor: page.more && page.last ? encodeCursor(page.last) : null });
  });

  app.get('/cemeteries/:id', async (c) => {
    const { id } = parseWith(routes.getCemetery.params, c.req.param(), 'path');
    const cemetery = await getCemetery(db, id);
    if (!cemetery) throw notFound('Cemetery');
    return c.json(cemetery);
  });

  app.get('/cemeteries/:id/graves', async (c) => {
    const { id } = parseWith(routes.listGraves.params, c.req.param(), 'path');
    const query = parseWith(routes.listGraves.query, queryObject(c), 'query');
    const limit = query.limit ?? 100;
    const { rows: exists } = await db.query('SELECT 1 FROM cemeteries WHERE id = $1', [id]);
    if (exists.length === 0) throw notFound('Cemetery');
    const params: unknown[] = [id];
    const where = ['g.cemetery_id = $1'];
    if (query.section) where.push(`g.section_id = $${params.push(query.section)}`);
    if (query.row) where.push(`g.row_no = $${params.push(query.row)}`);
    if (query.cursor) {
      const k = decodeCursor(query.cursor, ['number', 'string', 'number', 'number'] as const);
      where.push(`${GRAVE_KEY} > ($${params.push(k[0])}, $${params.push(k[1])}, $${params.push(k[2])}, $${params.push(k[3])})`);
    }
    const { rows } = await db.query<GraveRow>(`${GRAVE_SELECT} WHERE ${where.join(' AND ')} ORDER BY ${GRAVE_ORDER} LIMIT $${params.push(limit + 1)}`, params);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json({ items: await toGraves(db, page), nextCursor: rows.length > limit && last ? encodeCursor(graveKey(last)) : null });
  });

  app.get('/graves/:id', async (c) => {
    const { id } = parseWith(routes.getGrave.params, c.req.param(), 'path');
    const grave = await getGrave(db, id);
    if (!grave) throw notFound('Grave');
    return c.json(grave);
  });

  return app;
}
