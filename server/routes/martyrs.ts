import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { RECORD_MAX_AGE, represent, sendCacheable } from '../http/cacheable.js';
import { parseWith, queryObject } from '../http/validate.js';
import { martyrGrave } from '../cemeteries/read.js';
import { toMartyr, type MartyrRow } from './martyr-rows.js';
import { searchMartyrs } from './martyr-search.js';

export function martyrRoutes({ db }: AppDeps) {
  const app = new Hono();

  app.get('/martyrs', async (c) => {
    const query = parseWith(routes.searchMartyrs.query, queryObject(c), 'query');
    return c.json(await searchMartyrs(db, query));
  });

  app.get('/martyrs/:id', async (c) => {
    const { id } = parseWith(routes.getMartyr.params, c.req.param(), 'path');
    const { rows } = await db.query<MartyrRow>('SELECT * FROM martyrs WHERE id = $1', [id]);
    if (!rows[0]) throw notFound('Martyr');
    // Cacheable by a CDN: Qingming's page loads read the same few records over and over.
    return sendCacheable(c, represent({ ...toMartyr(rows[0]), grave: await martyrGrave(db, id) }), `public, max-age=${RECORD_MAX_AGE}`);
  });

  return app;
}
