import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { parseWith, queryObject } from '../http/validate.js';
import { loadRegions } from '../regions.js';

/** GET /regions?parent=: one level of the GB/T 2260 hierarchy, for cascading 籍贯 selects. */
export function regionRoutes(_deps: AppDeps) {
  const app = new Hono();
  app.get('/regions', async (c) => {
    const { parent } = parseWith(routes.listRegions.query, queryObject(c), 'query');
    const items = (await loadRegions()).children(parent);
    if (items === null) throw notFound('Division');
    // The table changes once a year at most: let browsers and CDNs keep it.
    c.header('Cache-Control', 'public, max-age=86400');
    return c.json({ items });
  });
  return app;
}
