import { Hono } from 'hono';
import { routes, type EmbedHost } from '../../src/contract/index.js';
import { actorOf, audit } from '../audit.js';
import { checkHostPage } from '../campaigns/link-check.js';
import type { AppDeps } from '../deps.js';
import { ApiError, notFound } from '../http/api-error.js';
import { parseWith, readJson } from '../http/validate.js';
import { iso } from './martyr-rows.js';
import { authorize } from '../http/staff-auth.js';

interface HostRow {
  origin: string;
  page_url: string;
  registered_at: Date | string;
  checked_at: Date | string | null;
  http_status: number | null;
  link_found: boolean | null;
  banner_found: boolean | null;
  check_error: string | null;
}

const toHost = (r: HostRow): EmbedHost => ({
  origin: r.origin,
  pageUrl: r.page_url,
  registeredAt: iso(r.registered_at),
  checkedAt: r.checked_at === null ? null : iso(r.checked_at),
  httpStatus: r.http_status === null ? null : Number(r.http_status),
  linkFound: r.link_found,
  bannerFound: r.banner_found,
  checkError: r.check_error,
});

/**
 * Link verification for the supervising bureau: something stronger than the self-reported
 * embed statistics. Only pages the bureau registered are ever fetched (never a URL from a
 * request that is not this register), with the limits of campaigns/link-check.ts.
 */
export function adminEmbedHostRoutes({ db, linkCheck = { allowPrivate: false } }: AppDeps) {
  const app = new Hono();
  app.use('/embed-hosts', authorize('campaigns'));
  app.use('/embed-hosts/*', authorize('campaigns'));

  app.get('/embed-hosts', async (c) => {
    const { rows } = await db.query<HostRow>('SELECT * FROM embed_hosts ORDER BY origin');
    return c.json({ items: rows.map(toHost) });
  });

  app.post('/embed-hosts', async (c) => {
    const { pageUrl } = parseWith(routes.adminRegisterEmbedHost.body, await readJson(c), 'body');
    const url = new URL(pageUrl);
    if (url.protocol !== 'https:' && !linkCheck.allowPrivate) {
      throw new ApiError(400, 'validation_failed', 'The host page must be an https URL', [{ path: 'pageUrl', message: 'must start with https://' }]);
    }
    if (url.username || url.password) throw new ApiError(400, 'validation_failed', 'The host page URL must not carry a user name', [{ path: 'pageUrl', message: 'has userinfo' }]);
    url.hash = '';
    const actor = actorOf(c);
    const { row, created } = await db.transaction(async (tx) => {
      const before = await tx.query('SELECT 1 FROM embed_hosts WHERE origin = $1', [url.origin]);
      const { rows } = await tx.query<HostRow>(
        `INSERT INTO embed_hosts (origin, page_url, registered_by) VALUES ($1, $2, $3)
         ON CONFLICT (origin) DO UPDATE SET page_url = EXCLUDED.page_url, checked_at = NULL, http_status = NULL, link_found = NULL, banner_found = NULL, check_error = NULL
         RETURNING *`,
        [url.origin, url.href, actor],
      );
      await audit(tx, actor, 'embed-host.register', url.origin, { pageUrl: url.href });
      return { row: rows[0]!, created: before.rows.length === 0 };
    });
    return c.json(toHost(row), created ? 201 : 200);
  });

  app.post('/embed-hosts/check', async (c) => {
    const { origin } = parseWith(routes.adminCheckEmbedHost.body, await readJson(c), 'body');
    const { rows } = await db.query<HostRow>('SELECT * FROM embed_hosts WHERE origin = $1', [origin]);
    if (!rows[0]) throw notFound('A registered host with this origin');
    // Outside any transaction: the fetch may take seconds and must hold no locks.
    const result = await checkHostPage(rows[0].page_url, linkCheck);
    const actor = actorOf(c);
    const updated = await db.transaction(async (tx) => {
      const r = await tx.query<HostRow>(
        `UPDATE embed_hosts SET checked_at = now(), http_status = $2, link_found = $3, banner_found = $4, check_error = $5
          WHERE origin = $1 RETURNING *`,
        [origin, result.httpStatus, result.linkFound, result.bannerFound, result.error],
      );
      await audit(tx, actor, 'embed-host.check', origin, { ...result });
      return r.rows[0];
    });
    if (!updated) throw notFound('A registered host with this origin');
    return c.json(toHost(updated));
  });

  return app;
}
