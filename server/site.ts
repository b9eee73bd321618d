import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/**
 * The policy of our own pages (index, /demo, /docs, /dist): no inline script or style, no
 * eval, nothing from another origin. The demo pages must work under it, as on a strict host.
 */
export const SITE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function list(dir: string, ext: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith(ext)).sort();
  } catch {
    return [];
  }
}

/** Demo pages, docs and the built files, plus an index page that lists what exists. */
export function mountSite(app: Hono, repoRoot: string): void {
  const root = relative(process.cwd(), repoRoot) || '.';
  // Our own pages get a strict policy too: they must work exactly as they would on a strict host.
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    const path = new URL(c.req.url).pathname;
    if (!path.startsWith('/api/')) {
      c.header('X-Frame-Options', 'SAMEORIGIN');
      c.header('Content-Security-Policy', SITE_CSP);
    }
    // Host pages on other origins load the built files as module scripts, which are fetched with CORS.
    if (path.startsWith('/dist/')) c.header('Access-Control-Allow-Origin', '*');
  });
  for (const dir of ['demo', 'docs', 'dist']) {
    app.use(
      `/${dir}/*`,
      serveStatic({
        root,
        onFound: (path, c) => {
          if (path.endsWith('.md')) c.header('Content-Type', 'text/markdown; charset=utf-8');
        },
      }),
    );
  }
  app.get('/', async (c) => {
    const demos = await list(join(repoRoot, 'demo'), '.html');
    const docs = await list(join(repoRoot, 'docs'), '.md');
    const links = (dir: string, files: string[]) =>
      files.length ? files.map((f) => `<li><a href="/${dir}/${encodeURIComponent(f)}">${escapeHtml(f)}</a></li>`).join('') : '<li>None yet.</li>';
    return c.html(`<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>memorial-elements</title></head>
<body>
<h1>memorial-elements</h1>
<p>Reference server for the 网上祭扫 web components and SDK. All martyrs in this database are fictional sample data.</p>
<h2>Demo pages</h2><ul>${links('demo', demos)}</ul>
<h2>Docs</h2><ul>${links('docs', docs)}</ul>
<h2>API</h2><ul>
<li><a href="/api/v1/openapi.json">OpenAPI 3.1 document</a></li>
<li><a href="/api/v1/martyrs?limit=10">GET /api/v1/martyrs</a></li>
<li><a href="/api/v1/campaigns">GET /api/v1/campaigns</a></li>
<li><a href="/api/v1/campaigns/current">GET /api/v1/campaigns/current</a></li>
</ul>
</body></html>`);
  });
}
