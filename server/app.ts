import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { ErrorBody } from '../src/contract/index.js';
import type { AppDeps } from './deps.js';
import { requireAdmin } from './http/admin-auth.js';
import { ApiError } from './http/api-error.js';
import { rateLimitWrites } from './http/rate-limit.js';
import { openApiDocument } from './openapi.js';
import { adminCampaignRoutes, campaignEmbedsRoute } from './routes/admin-campaigns.js';
import { adminMessageRoutes } from './routes/admin-messages.js';
import { adminRelativeRoutes } from './routes/admin-relatives.js';
import { campaignRoutes } from './routes/campaigns.js';
import { martyrRoutes } from './routes/martyrs.js';
import { messageRoutes } from './routes/messages.js';
import { regionRoutes } from './routes/regions.js';
import { relativeRoutes } from './routes/relatives.js';
import { tributeRoutes } from './routes/tributes.js';
import { adminThrottledRoutes, visitorRoutes } from './routes/visitors.js';
import { fairLimitsOf } from './limits/fair-limits.js';

type Env = { Variables: { requestId: string } };

const REQUEST_ID = /^[A-Za-z0-9_.:-]{8,100}$/;

/** The REST API under /api/v1, independent of how it is served (tests mount it on an ephemeral port). */
export function createApi(deps: AppDeps) {
  const api = new Hono<Env>();

  api.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    // JSON only, never sniffed as HTML or script (site.ts's header middleware does not reach routes mounted before it).
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
  });

  // Any host page may embed the elements; nothing here relies on cookies, so no credentials.
  api.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'Accept-Language', 'Authorization', 'X-Request-Id'],
      exposeHeaders: ['X-Request-Id', 'Retry-After', 'Idempotent-Replayed'],
      maxAge: 86400,
    }),
  );

  api.use(
    '*',
    bodyLimit({
      maxSize: deps.bodyLimit,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `The request body is larger than ${deps.bodyLimit} bytes`);
      },
    }),
  );

  // Tributes and minting answer from their own budgets (counted: false, not 429) when fair limits are on.
  const fair = fairLimitsOf(deps) !== null;
  const ownBudget = (c: { req: { method: string; path: string } }) => fair && c.req.method === 'POST' && /\/(martyrs\/[^/]+\/tributes|visitors)$/.test(c.req.path);
  if (deps.rateLimit) api.use('*', rateLimitWrites(deps.rateLimit, { trustedHops: deps.trustProxy ?? 0, exempt: ownBudget }));

  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  api.get('/health', async (c) => {
    await deps.db.query('SELECT 1');
    return c.json({ ok: true, database: deps.db.kind });
  });

  const admin = requireAdmin(deps.adminToken);
  api.use('/admin/*', admin);
  api.use('/campaigns/:id/embeds', admin);
  api.route('/admin', adminMessageRoutes(deps) as unknown as Hono<Env>);
  api.route('/admin', adminCampaignRoutes(deps) as unknown as Hono<Env>);
  api.route('/admin', adminRelativeRoutes(deps) as unknown as Hono<Env>);
  api.route('/admin', adminThrottledRoutes(deps) as unknown as Hono<Env>);
  for (const routes of [campaignEmbedsRoute, martyrRoutes, tributeRoutes, messageRoutes, campaignRoutes, relativeRoutes, regionRoutes, visitorRoutes]) {
    api.route('/', routes(deps) as unknown as Hono<Env>);
  }

  // A catch-all rather than notFound(): a mounted sub-app's notFound handler is never consulted.
  api.all('*', (c) => {
    const body: ErrorBody = { code: 'not_found', message: `No API route for ${c.req.method} ${new URL(c.req.url).pathname}`, requestId: c.get('requestId') };
    return c.json(body, 404);
  });

  api.onError((err, c) => {
    const requestId = c.get('requestId');
    if (err instanceof ApiError) {
      for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
      const body: ErrorBody = { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}), requestId };
      return c.json(body, err.status);
    }
    console.error(`[${requestId}]`, err);
    const body: ErrorBody = { code: 'internal_error', message: 'Something went wrong on the server; nothing was saved', requestId };
    return c.json(body, 500);
  });

  return api;
}

/** The whole site: the API plus whatever static pages the caller mounts (see main.ts). */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.route('/api/v1', createApi(deps));
  return app;
}
