import { existsSync } from 'node:fs';
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

/** Where `npm run build` (scripts/build-docs.mjs) writes the docs site. */
export const SITE_DIR = 'dist/site';

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
  // The docs site (built by `npm run build` into dist/site/) at /docs/; files it does not have,
  // such as the raw markdown (`/docs/deploy.md`) and docs/images, come from docs/ as they are.
  const siteDir = join(repoRoot, SITE_DIR);
  const siteBuilt = () => existsSync(join(siteDir, 'index.html'));
  app.get('/docs', (c) => c.redirect('docs/', 301));
  app.use('/docs/*', serveStatic({ root, rewriteRequestPath: (p) => `/${SITE_DIR}${p.slice('/docs'.length)}` }));
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
  // The staff console: its page from console/, its script from dist/console/ (npm run build).
  app.get('/console', (c) => c.redirect('console/', 301));
  app.use('/console/*', serveStatic({ root: join(root, 'console'), rewriteRequestPath: (p) => p.slice('/console'.length) || '/' }));
  app.get('/docs/*', (c) => {
    const path = new URL(c.req.url).pathname;
    // Say how to get the site instead of a bare 404 when it has not been built.
    if (!siteBuilt() && (path.endsWith('/') || path.endsWith('.html'))) return c.html(NOT_BUILT, 503);
    return c.notFound();
  });
  app.get('/', async (c) => {
    const demos = await list(join(repoRoot, 'demo'), '.html');
    const apps = ['react', 'vue'].filter((a) => existsSync(join(repoRoot, 'dist/demo', a, 'index.html')));
    const links = (dir: string, files: string[]) =>
      files.length ? files.map((f) => `<li><a href="/${dir}/${encodeURIComponent(f)}">${escapeHtml(f)}</a></li>`).join('') : '<li>None yet.</li>';
    const docs = siteBuilt()
      ? `<p><a href="/docs/"><strong>Read the docs</strong></a>: <a href="/docs/getting-started.html">getting started</a> (one script tag and one element, or the SDK in three lines),
the elements, the <a href="/docs/sdk.html">SDK guide</a>, the <a href="/docs/rest.html">REST reference</a> and <a href="/docs/cms-embedding.html">embedding in a government CMS</a>.</p>`
      : '<p>The docs site is not built yet: run <code>npm run build</code> (or restart <code>npm start</code>, which builds what is missing). The markdown sources are in <code>docs/</code>.</p>';
    return c.html(`<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>memorial-elements</title></head>
<body>
<h1>memorial-elements</h1>
<p>Reference server for the 网上祭扫 web components and SDK. All martyrs in this database are fictional sample data.</p>
<h2>Documentation</h2>
${docs}
<h2>Demo pages</h2><ul>${links('demo', demos)}${apps.map((a) => `<li><a href="/dist/demo/${a}/">${a === 'react' ? 'React 19' : 'Vue 3'} app</a></li>`).join('')}</ul>
<h2>API</h2><ul>
<li><a href="/api/v1/openapi.json">OpenAPI 3.1 document</a></li>
<li><a href="/api/v1/martyrs?limit=10">GET /api/v1/martyrs</a></li>
<li><a href="/api/v1/campaigns">GET /api/v1/campaigns</a></li>
<li><a href="/api/v1/campaigns/current">GET /api/v1/campaigns/current</a></li>
</ul>
</body></html>`);
  });
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Docs not built · memorial-elements</title></head>
<body>
<h1>The docs site is not built</h1>
<p>Run <code>npm run build</code> (it writes <code>dist/site/</code>), or restart <code>npm start</code>, which builds whatever is missing or out of date.
Meanwhile the markdown sources are served as they are, e.g. <a href="/docs/getting-started.md">/docs/getting-started.md</a>.</p>
<p><a href="/">Back to the index</a></p>
</body></html>`;
