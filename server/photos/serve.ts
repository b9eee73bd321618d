import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import type { PhotoStore } from './store.js';

const FILE = /^(\d{1,5})\.(jpg|webp)$/;
const ID = /^[0-9a-f]{32}$/;

/**
 * GET /photos/{id}/{width}.{jpg|webp}: a stored variant. The id is the content hash, so the
 * bytes behind a URL never change: browsers and CDNs may keep them for a year without asking.
 */
export function photoRoutes({ db }: AppDeps, store: PhotoStore) {
  const app = new Hono();
  app.get('/photos/:id/:file', async (c) => {
    const id = c.req.param('id');
    const m = FILE.exec(c.req.param('file'));
    if (!ID.test(id) || !m) throw notFound('Photo');
    const format = m[2] === 'jpg' ? 'jpeg' : 'webp';
    const bytes = await store.read(db, id, Number(m[1]), format);
    if (!bytes) throw notFound('Photo');
    const etag = `"${id}-${m[1]}-${format}"`;
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('ETag', etag);
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    c.header('Content-Type', format === 'jpeg' ? 'image/jpeg' : 'image/webp');
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
  });
  return app;
}
