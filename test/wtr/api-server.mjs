// Starts the real reference API server in-process for browser tests (test/helpers/server.ts,
// `startTestServer()`) and proxies `/api/` from the @web/test-runner dev server to it, so tests
// use `location.origin` as the SDK's baseUrl (same origin: no CORS in the way).
//
// test/helpers/server.ts is TypeScript: run wtr under tsx (`node --import tsx …/bin.js`, see
// package.json "test:browser").
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * The instant the browser tests' API server runs at, unless MEMORIAL_CLOCK says another: inside
 * qingming-2026 (10 February – 11 April 2026), so `campaigns/current` has an answer whatever the
 * real date. Pages that show `campaign="current"` follow it with /demo/shared/server-clock.js.
 */
export const BROWSER_TEST_CLOCK = '2026-04-04T10:00:00+08:00';

/**
 * A second API server's clock, between campaigns (烈士纪念日 2026 is over, 国家公祭日 2026 not yet
 * begun): `campaigns/current` answers 404 there. Proxied under BETWEEN_API_PREFIX (the prefix is
 * stripped), for the campaign banner's `between` tests.
 */
export const BETWEEN_CAMPAIGNS_CLOCK = '2026-12-01T10:00:00+08:00';
export const BETWEEN_API_PREFIX = '/between';

/**
 * `strip`: a leading path removed before proxying (`/between/api/v1/…` reaches the server as
 * `/api/v1/…`); `seed: false`: reference data only, no sample martyrs.
 * @param {{ prefix?: string, strip?: string, seed?: boolean, helper?: string, clock?: string }} [options]
 * @returns {{ plugin: import('@web/test-runner').TestRunnerPlugin, middleware: import('koa').Middleware }}
 */
export function apiServer({ prefix = '/api/', strip = '', seed = true, helper = 'test/helpers/server.ts', clock = process.env.MEMORIAL_CLOCK || BROWSER_TEST_CLOCK } = {}) {
  /** @type {{ baseUrl: string, adminToken: string, createStaff(o: object): Promise<{ login: string, password: string, token: string }>, close(): Promise<void> } | undefined} */
  let server;
  let target;

  const plugin = {
    name: `memorial-api-server${strip}`,
    async serverStart() {
      let mod;
      try {
        mod = await import(pathToFileURL(path.resolve(helper)).href);
      } catch (error) {
        if (error?.code === 'ERR_UNKNOWN_FILE_EXTENSION') {
          throw new Error(`Cannot load ${helper}: run web-test-runner under tsx (node --import tsx …), e.g. npm run test:browser`, { cause: error });
        }
        throw error;
      }
      const { clockFromEnv } = await import(pathToFileURL(path.resolve('server/config.ts')).href);
      server = await mod.startTestServer({ clock: clockFromEnv(clock), seed });
      target = new URL(server.baseUrl);
      console.log(`[api] reference server for browser tests at ${server.baseUrl} (proxied under ${prefix}), clock fixed at ${clock}`);
    },
    // Lets browser tests act as staff (approve a message) through the real server.
    async executeCommand({ command, payload }) {
      if (command === 'memorial-admin-token') return server?.adminToken;
      // A staff account with the given roles, for the console's tests: { login, password, token }.
      if (command === 'memorial-create-staff' && server) {
        const { login, password, token } = await server.createStaff(payload);
        return { login, password, token };
      }
      return undefined;
    },
    async serverStop() {
      const s = server;
      server = undefined;
      await s?.close();
    },
  };

  /** Koa middleware: pipe `/api/*` to the test server unchanged (status, headers, body). */
  const middleware = (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    if (!target) {
      ctx.status = 503;
      ctx.body = 'API test server not started';
      return undefined;
    }
    ctx.respond = false;
    return new Promise((resolve) => {
      const headers = {};
      for (const [name, value] of Object.entries(ctx.req.headers)) {
        if (!HOP_BY_HOP.has(name)) headers[name] = value;
      }
      headers.host = target.host;
      headers['x-forwarded-host'] = ctx.req.headers.host ?? '';
      headers['x-forwarded-proto'] = 'http';
      const upstream = http.request(
        {
          hostname: target.hostname,
          port: target.port,
          method: ctx.req.method,
          path: strip ? ctx.req.url.slice(strip.length) : ctx.req.url,
          headers,
        },
        (res) => {
          const out = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
          }
          ctx.res.writeHead(res.statusCode ?? 502, out);
          res.pipe(ctx.res);
          res.on('end', resolve);
          res.on('error', resolve);
        },
      );
      upstream.on('error', (error) => {
        if (!ctx.res.headersSent) {
          ctx.res.writeHead(502, { 'content-type': 'text/plain' });
        }
        ctx.res.end(`proxy error: ${error.message}`);
        resolve();
      });
      ctx.req.pipe(upstream);
    });
  };

  return { plugin, middleware };
}
