// Hostile hosts for the browser tests in test/browser/hostile/ (issue #7, item 5).
//
// 1. Middleware: the host pages under test/browser/hostile/pages/ are served with a strict
//    Content-Security-Policy header and nothing looser:
//      script-src 'self'; style-src 'self'; object-src 'none'
//    (The wtr test page itself cannot carry it: web-test-runner runs tests from inline scripts.
//    The tests therefore open these pages in same-origin iframes.) A page asked for with
//    `?csp=none` gets no policy: the XSS tests run there too, so "nothing executed" does not
//    lean on the CSP.
//
// 2. A failing API as real HTTP servers, one loopback origin per way of failing (CORS like the
//    reference server, since a county portal usually talks to the API on another origin):
//      "500"    every /api/v1/* request is answered 500 with the API's JSON problem body
//      "hang"   never answers; a request ends when the client gives up
//      "reset"  drops the connection without an answer
//    plus a port where nothing listens ("down"). Each is an origin of its own on purpose: hung
//    requests hold connections, and browsers share their six-connections-per-host pool across
//    frames, so on a shared origin (the dev server's, or another failure's) requests that should
//    fail fast would queue behind them and time out instead.
//
// 3. An isolated reference server for the XSS payloads (started on first use): the payloads go
//    in through the real roll import and the real API (admin SDK), and never reach the shared
//    API server that other test files count on.
//
// Browser tests reach 2 and 3 through executeServerCommand('hostile-api-bases') and
// executeServerCommand('hostile-xss-setup').
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const HOSTILE_CSP = "script-src 'self'; style-src 'self'; object-src 'none'";
const PAGES = '/test/browser/hostile/pages/';
/** The one exception: a page with no policy at all, where an injected payload would really run. */
const NO_CSP_PARAM = 'csp';
const XSS_SEED = 'test/browser/hostile/xss-seed.ts';
/** A hung request is dropped after this long even if the client never gives up (no leak between runs). */
const HANG_LIMIT_MS = 60_000;

/** A loopback port that was free a moment ago and is closed now: connecting to it is refused. */
async function closedPort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** @param {'500' | 'hang' | 'reset'} mode */
function failingApi(mode) {
  const hung = new Set();
  const server = http.createServer((req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
      'access-control-allow-headers': 'Content-Type, Idempotency-Key, Accept-Language, Authorization, X-Request-Id',
      'access-control-expose-headers': 'X-Request-Id, Retry-After',
    };
    if (!req.url?.startsWith('/api/v1/')) {
      res.writeHead(404, { ...cors, 'content-type': 'application/json' }).end('{"code":"not_found","message":"no such hostile endpoint"}');
      return;
    }
    // Preflights succeed so the failure under test is the request itself, not CORS.
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    if (mode === 'reset') {
      req.socket.destroy();
      return;
    }
    if (mode === '500') {
      const requestId = `hostile-${Date.now().toString(36)}`;
      res
        .writeHead(500, { ...cors, 'content-type': 'application/json', 'x-request-id': requestId })
        .end(JSON.stringify({ code: 'internal_error', message: 'The server failed (hostile host test)', requestId }));
      return;
    }
    hung.add(res);
    const drop = setTimeout(() => req.socket.destroy(), HANG_LIMIT_MS);
    res.on('close', () => {
      clearTimeout(drop);
      hung.delete(res);
    });
  });
  return {
    async start() {
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${server.address().port}`;
    },
    async stop() {
      for (const res of hung) res.socket?.destroy();
      hung.clear();
      const closed = new Promise((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * @returns {{ middleware: import('koa').Middleware, plugin: import('@web/test-runner').TestRunnerPlugin }}
 */
export function hostilePages() {
  const failing = { reset: failingApi('reset'), error500: failingApi('500'), hang: failingApi('hang') };
  /** @type {Promise<Record<string, string>> | undefined} */
  let bases;
  /** @type {Promise<{ setup: unknown, close(): Promise<void> }> | undefined} */
  let xss;

  const middleware = async (ctx, next) => {
    await next();
    if (ctx.path.startsWith(PAGES) && ctx.path.endsWith('.html')) {
      if (ctx.query[NO_CSP_PARAM] !== 'none') ctx.set('Content-Security-Policy', HOSTILE_CSP);
      ctx.set('Cache-Control', 'no-store');
    }
  };

  const plugin = {
    name: 'memorial-hostile-pages',
    async executeCommand({ command, payload }) {
      // gzip -9 of files under dist/cdn/ as built: the dev server serves its own transform of
      // them (unminified, inline source maps), so the loader test counts the shipped bytes of
      // the scripts the page fetched.
      if (command === 'shipped-gzip-size') {
        const cdn = path.resolve('dist/cdn');
        return payload.paths.map((p) => {
          const file = path.resolve(`.${new URL(p, 'http://x').pathname}`);
          if (!file.startsWith(cdn + path.sep)) throw new Error(`not a dist/cdn file: ${p}`);
          return gzipSync(readFileSync(file), { level: 9 }).length;
        });
      }
      if (command === 'hostile-api-bases') {
        bases ??= (async () => ({
          down: `http://127.0.0.1:${await closedPort()}`,
          reset: await failing.reset.start(),
          error500: await failing.error500.start(),
          hang: await failing.hang.start(),
        }))();
        return bases;
      }
      if (command === 'hostile-xss-setup') {
        xss ??= import(pathToFileURL(path.resolve(XSS_SEED)).href).then((mod) => mod.seedXssServer());
        return (await xss).setup;
      }
      return undefined;
    },
    async serverStop() {
      const pending = [...(bases ? Object.values(failing).map((f) => f.stop()) : []), xss?.then((s) => s.close(), () => undefined)];
      bases = xss = undefined;
      await Promise.all(pending);
    },
  };

  return { middleware, plugin };
}
