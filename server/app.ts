import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { ErrorBody } from '../src/contract/index.js';
import type { AppDeps } from './deps.js';
import { ApiError } from './http/api-error.js';
import { errorLogLine } from './http/error-log.js';
import { clientAddress } from './http/client-address.js';
import { rateLimitWrites } from './http/rate-limit.js';
import { runWithRequest } from './http/request-context.js';
import { authenticate, createThrottles } from './http/staff-auth.js';
import { adminAuditRoutes } from './routes/admin-audit.js';
import { adminStaffRoutes } from './routes/admin-staff.js';
import { staffRoutes } from './routes/staff.js';
import { operatorRoutes } from './routes/operator.js';
import { sessionPolicyFromEnv } from './staff/sessions.js';
import { openApiDocument } from './openapi.js';
import { adminCalendarRoutes } from './routes/admin-calendar.js';
import { adminCampaignRoutes, campaignEmbedsRoute } from './routes/admin-campaigns.js';
import { adminMessageRoutes } from './routes/admin-messages.js';
import { adminRelativeRoutes } from './routes/admin-relatives.js';
import { adminEmbedHostRoutes } from './routes/admin-embed-hosts.js';
import { campaignRoutes } from './routes/campaigns.js';
import { martyrRoutes } from './routes/martyrs.js';
import { messageRoutes } from './routes/messages.js';
import { regionRoutes } from './routes/regions.js';
import { relativeRoutes } from './routes/relatives.js';
import { tributeRoutes } from './routes/tributes.js';
import { adminGraveRoutes, isPhotoUpload } from './routes/admin-graves.js';
import { cemeteryRoutes } from './routes/cemeteries.js';
import { photoRoutes } from './photos/serve.js';
import { databasePhotoStore } from './photos/store.js';
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
    // Who, from where, under which request id: read by the audit log and the staff throttles.
    await runWithRequest({ requestId: id, address: clientAddress(c, deps.trustProxy ?? 0) }, next);
  });

  // Any host page may embed the elements; nothing here relies on cookies, so no credentials.
  api.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'Accept-Language', 'Authorization', 'X-Request-Id', 'X-CSRF-Token'],
      exposeHeaders: ['X-Request-Id', 'Retry-After', 'Idempotent-Replayed'],
      maxAge: 86400,
    }),
  );

  const jsonBodyLimit = bodyLimit({
    maxSize: deps.bodyLimit,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The request body is larger than ${deps.bodyLimit} bytes`);
    },
  });
  // Photo uploads have their own, larger limit (routes/admin-graves.ts).
  api.use('*', (c, next) => (isPhotoUpload(c.req.method, c.req.path) ? next() : jsonBodyLimit(c, next)));

  // Tributes and minting answer from their own budgets (counted: false, not 429) when fair limits are on.
  const fair = fairLimitsOf(deps) !== null;
  const ownBudget = (c: { req: { method: string; path: string } }) => fair && c.req.method === 'POST' && /\/(martyrs\/[^/]+\/tributes|visitors)$/.test(c.req.path);
  if (deps.rateLimit) api.use('*', rateLimitWrites(deps.rateLimit, { trustedHops: deps.trustProxy ?? 0, exempt: ownBudget }));

  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  api.get('/health', async (c) => {
    await deps.db.query('SELECT 1');
    // `clock`: the fixed instant when MEMORIAL_CLOCK (or a test) sets one, so demo pages can follow it.
    return c.json({ ok: true, database: deps.db.kind, ...(deps.clockFixed?.() ? { clock: deps.now().toISOString() } : {}) });
  });

  // Named staff accounts: every /admin route and the staff's own routes authenticate here, then call authorize(role).
  const sessionPolicy = deps.sessionPolicy ?? sessionPolicyFromEnv();
  const throttles = createThrottles(deps.now, deps.authThrottle !== false);
  const staff = authenticate({ db: deps.db, now: deps.now, sessions: sessionPolicy, breakGlassToken: deps.adminToken }, throttles);
  api.use('/admin/*', staff);
  api.use('/campaigns/:id/embeds', staff);
  api.use('/staff/*', (c, next) => (c.req.method === 'POST' && /\/staff\/(session|setup)$/.test(c.req.path) ? next() : staff(c, next)));
  api.route('/staff', staffRoutes(deps, throttles, sessionPolicy) as unknown as Hono<Env>);
  api.route('/admin', adminStaffRoutes(deps) as unknown as Hono<Env>);
  api.route('/admin', adminAuditRoutes(deps) as unknown as Hono<Env>);
  if (deps.operatorSecret) api.route('/', operatorRoutes(deps, deps.operatorSecret) as unknown as Hono<Env>);
  api.route('/admin', adminMessageRoutes(deps) as unknown as Hono<Env>);
  api.route('/admin', adminCampaignRoutes(deps) as unknown as Hono<Env>);
  api.route('/admin', adminCalendarRoutes(deps) as unknown as Hono<Env>);
  api.route('/admin', adminRelativeRoutes(deps) as unknown as Hono<Env>);
  api.route('/admin', adminThrottledRoutes(deps) as unknown as Hono<Env>);
  const photoStore = deps.photoStore ?? databasePhotoStore;
  api.route('/admin', adminGraveRoutes(deps, photoStore, deps.photoLimits) as unknown as Hono<Env>);
  api.route('/', cemeteryRoutes(deps) as unknown as Hono<Env>);
  api.route('/', photoRoutes(deps, photoStore) as unknown as Hono<Env>);
  api.route('/admin', adminEmbedHostRoutes(deps) as unknown as Hono<Env>);
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
    console.error(errorLogLine(c, requestId, err));
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
