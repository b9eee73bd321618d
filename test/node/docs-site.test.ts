// The docs site (issue 8, item 1): scripts/build-docs.mjs is run into a temporary directory and
// the result served by the real server (createApp + mountSite, as main.ts does), so every
// claim below is about what a reader gets: every page exists, every internal link and fragment
// answers on the server, no page needs inline script or style (the server's CSP forbids them),
// the REST reference covers the whole OpenAPI document. The SDK guide's tested snippets run as
// written; the CMS guide's path-prefix setup is checked through a prefix-stripping proxy.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import type { Package } from 'custom-elements-manifest/schema';
import { routes } from '../../src/contract/index.js';
import { createMemorialClient } from '../../src/sdk/index.js';
import { createApp } from '../../server/app.js';
import { DEFAULT_WORDS_FILE, loadWordList } from '../../server/moderation/sensitive-words.js';
import { openApiDocument } from '../../server/openapi.js';
import { mountSite, SITE_CSP } from '../../server/site.js';
import { elementTags } from '../../scripts/docs/element-reference.mjs';
import { testedSnippets } from '../../scripts/docs/snippets.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const DEFAULT_URL = 'http://127.0.0.1:8787';
const PREFIX = '/memorial';
const GUIDES = ['getting-started', 'sdk', 'cms-embedding', 'accessibility', 'privacy-notice', 'deploy', 'import', 'performance'];

/** A stand-in repository root: the real docs/, demo/ and dist/ entries, and the site built fresh into dist/site/. */
let root: string;
let outDir: string;
let manifest: Package;
let pages: string[] = [];
let server: TestServer;
let site: { url: string; close(): Promise<void> };
let proxy: { url: string; close(): Promise<void> };

function listen(handler: http.RequestListener | ReturnType<typeof serve>): Promise<{ url: string; close(): Promise<void> }> {
  const s = typeof handler === 'function' ? http.createServer(handler).listen(0, '127.0.0.1') : handler;
  return new Promise((resolve) =>
    s.once('listening', () =>
      resolve({
        url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done) => s.close(() => done())),
      }),
    ),
  );
}

function runNode(args: string[], opts: { cwd: string; stdin?: string; env?: Record<string, string> }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

function htmlFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return htmlFiles(p, base);
    return d.name.endsWith('.html') ? [p.slice(base.length + 1)] : [];
  });
}

function markdownFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return markdownFiles(p, base);
    return d.name.endsWith('.md') ? [p.slice(base.length + 1)] : [];
  });
}

const page = (p: string) => readFileSync(join(outDir, p), 'utf8');
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

before(async () => {
  for (const needed of ['dist/custom-elements.json', 'dist/demo/gallery.js']) {
    assert.ok(existsSync(join(repoRoot, needed)), `${needed} is missing: run npm run build first`);
  }
  manifest = JSON.parse(readFileSync(join(repoRoot, 'dist/custom-elements.json'), 'utf8')) as Package;
  root = mkdtempSync(join(tmpdir(), 'memorial-docs-site-'));
  for (const dir of ['docs', 'demo']) symlinkSync(join(repoRoot, dir), join(root, dir), 'dir');
  mkdirSync(join(root, 'dist'));
  for (const entry of readdirSync(join(repoRoot, 'dist'))) if (entry !== 'site') symlinkSync(join(repoRoot, 'dist', entry), join(root, 'dist', entry));
  outDir = join(root, 'dist/site');
  const build = await runNode(['--import', 'tsx', 'scripts/build-docs.mjs', '--out', outDir], { cwd: repoRoot });
  assert.equal(build.code, 0, `build-docs failed:\n${build.stderr}`);
  pages = htmlFiles(outDir).sort();

  server = await startTestServer();
  const app = createApp({
    db: server.db,
    adminToken: server.adminToken,
    dataKey: randomBytes(32),
    now: () => new Date(),
    bodyLimit: 64 * 1024,
    words: loadWordList(fileURLToPath(DEFAULT_WORDS_FILE)),
    rateLimit: null,
  });
  mountSite(app, root);
  site = await listen(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }));
  // What `location /memorial/ { proxy_pass http://127.0.0.1:8787/; }` does: strip the prefix, pass the rest.
  const target = new URL(site.url);
  proxy = await listen((req, res) => {
    if (!req.url?.startsWith(`${PREFIX}/`)) {
      res.writeHead(404).end();
      return;
    }
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url.slice(PREFIX.length), headers: { ...req.headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
});

after(async () => {
  await proxy?.close();
  await site?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Fetches every internal link and asset of every page under `base`; fragments must name an id on the target. */
async function brokenLinks(base: string): Promise<string[]> {
  const origin = new URL(base).origin;
  const targets = new Map<string, Set<string>>();
  for (const p of pages) {
    const from = `${base}/docs/${p}`;
    for (const m of page(p).matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const url = new URL(decode(m[1]!), from);
      if (url.origin !== origin) continue;
      const bare = url.href.replace(/#.*$/, '');
      if (!targets.has(bare)) targets.set(bare, new Set());
      if (url.hash) targets.get(bare)!.add(decodeURIComponent(url.hash.slice(1)));
    }
  }
  const broken: string[] = [];
  for (const [url, fragments] of targets) {
    const res = await fetch(url);
    const text = await res.text();
    if (res.status !== 200) {
      broken.push(`${url} → ${res.status}`);
      continue;
    }
    for (const f of fragments) if (!text.includes(`id="${f}"`)) broken.push(`${url}#${f} → no such id`);
  }
  return broken;
}

describe('the docs site built by scripts/build-docs.mjs', () => {
  it('has the index, every guide, the REST reference, the foundation and one page per element of the manifest', () => {
    const tags = elementTags(manifest);
    assert.ok(tags.length >= 6, `the manifest names ${tags.length} elements`);
    const expected = ['index.html', 'rest.html', 'elements/foundation.html', ...GUIDES.map((g) => `${g}.html`), ...tags.map((t) => `elements/${t.replace(/^memorial-/, '')}.html`)];
    for (const p of expected) assert.ok(pages.includes(p), `${p} was not built`);
  });

  it('has an HTML page for every markdown page under docs/', () => {
    for (const md of markdownFiles(join(repoRoot, 'docs'))) assert.ok(pages.includes(md.replace(/\.md$/, '.html')), `${md} has no page`);
  });

  it('uses no inline script, <style> element, style attribute or event-handler attribute (the server’s CSP would block them)', () => {
    const checks: [string, RegExp][] = [
      ['inline <script>', /<script\b(?![^>]*\bsrc=)[^>]*>/i],
      ['<style> element', /<style[\s>]/i],
      ['style="…" attribute', /<[a-z][^>]*\sstyle\s*=/i],
      ['on…= attribute', /<[a-z][^>]*\son[a-z]+\s*=/i],
    ];
    const found = pages.flatMap((p) => checks.filter(([, re]) => re.test(page(p))).map(([what]) => `${p}: ${what}`));
    assert.deepEqual(found, []);
    assert.ok(pages.every((p) => page(p).includes('site.css')), 'every page links the stylesheet');
  });

  it('every internal link, asset and fragment answers on the server that serves the site', async () => {
    assert.deepEqual(await brokenLinks(site.url), []);
  });

  it('the REST reference has a section for every operation of the OpenAPI document and every named schema', () => {
    const doc = openApiDocument();
    const rest = page('rest.html');
    let count = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods as Record<string, { operationId: string; security?: unknown[] }>)) {
        count++;
        const start = rest.indexOf(`id="op-${op.operationId}"`);
        assert.ok(start >= 0, `no section for ${method.toUpperCase()} ${path}`);
        const section = rest.slice(start, rest.indexOf('</section>', start));
        assert.ok(section.includes(`>${method.toUpperCase()}</span>`) && section.includes(`<code>${path}</code>`), `${op.operationId} names its method and path`);
        assert.ok(section.includes(op.security?.length ? '<strong>Admin</strong>' : '<strong>Public</strong>'), `${op.operationId} says who may call it`);
      }
    }
    assert.equal(count, Object.keys(routes).length, 'the document has every route of the contract');
    for (const name of Object.keys(doc.components.schemas)) assert.ok(rest.includes(`id="schema-${name}"`), `schema ${name}`);
  });

  it('each element page carries its prose, the reference from the manifest and its live examples', () => {
    for (const tag of elementTags(manifest)) {
      const name = tag.replace(/^memorial-/, '');
      const html = page(`elements/${name}.html`);
      assert.ok(html.includes(`data-tag="${tag}"`) && html.includes('class="element-reference'), `${tag}: reference`);
      if (existsSync(join(repoRoot, 'docs/elements', `${name}.md`))) assert.match(html, /<h1 id=/, `${tag}: prose`);
      const examples = join(repoRoot, 'src/elements', name, `${name}.examples.ts`);
      if (!existsSync(examples)) continue;
      assert.ok(readFileSync(examples, 'utf8').includes(`tag: '${tag}'`), `${name}.examples.ts lists ${tag}`);
      assert.ok(html.includes(`<div class="live-examples" data-tag="${tag}">`), `${tag}: live examples`);
      assert.match(html, /<script type="module" src="\.\.\/assets\/live-examples\.js"><\/script>/);
    }
    for (const asset of ['assets/live-examples.js', 'assets/gallery.js', 'site.css']) assert.ok(existsSync(join(outDir, asset)), asset);
  });
});

describe('docs/deploy.md: the settings table', () => {
  it('names every environment variable the server reads', () => {
    const read = new Set<string>();
    const walk = (dir: string) => {
      for (const d of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, d.name);
        if (d.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) read.add(m[1]!);
      }
    };
    walk(join(repoRoot, 'server'));
    assert.ok(read.size >= 10, `found ${read.size} variables`);
    const deploy = readFileSync(join(repoRoot, 'docs/deploy.md'), 'utf8');
    assert.deepEqual([...read].filter((v) => !deploy.includes(`| \`${v}\` |`)), []);
  });
});

describe('the docs site served at /docs/ (server/site.ts)', () => {
  it('redirects /docs to /docs/ and serves pages with the strict CSP; the raw markdown stays available', async () => {
    const redirect = await fetch(`${site.url}/docs`, { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(new URL(redirect.headers.get('location') ?? '', `${site.url}/docs`).pathname, '/docs/');
    for (const [path, type] of [['/docs/', /text\/html/], ['/docs/elements/martyr-card.html', /text\/html/], ['/docs/deploy.md', /text\/markdown/], ['/docs/site.css', /text\/css/]] as const) {
      const res = await fetch(`${site.url}${path}`);
      await res.arrayBuffer();
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', type, path);
      assert.equal(res.headers.get('content-security-policy'), SITE_CSP, path);
    }
  });

  it('the server’s index page links to the docs site first', async () => {
    const html = await (await fetch(`${site.url}/`)).text();
    assert.ok(html.indexOf('href="/docs/"') >= 0 && html.indexOf('href="/docs/"') < html.indexOf('/demo/'), 'the docs link comes before the demo list');
  });

  it('without a built site, says to run npm run build instead of a bare 404', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'memorial-no-site-'));
    try {
      for (const dir of ['docs', 'demo']) symlinkSync(join(repoRoot, dir), join(bare, dir), 'dir');
      const app = createApp({ db: server.db, adminToken: server.adminToken, dataKey: randomBytes(32), now: () => new Date(), bodyLimit: 1024, words: loadWordList(fileURLToPath(DEFAULT_WORDS_FILE)), rateLimit: null });
      mountSite(app, bare);
      const res = await app.request('/docs/');
      assert.equal(res.status, 503);
      assert.match(await res.text(), /npm run build/);
      assert.equal((await app.request('/docs/getting-started.md')).status, 200, 'the markdown is still served');
      assert.match(await (await app.request('/')).text(), /npm run build/);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('docs/sdk.md: every tested snippet runs as written', () => {
  const snippets = testedSnippets(readFileSync(join(repoRoot, 'docs/sdk.md'), 'utf8')).filter((s) => s.lang === 'js');

  it('marks its snippets as tested, each against the documented default address', () => {
    assert.ok(snippets.length >= 5, `${snippets.length} tested js snippets`);
    for (const s of snippets) assert.ok(s.code.includes(DEFAULT_URL), `line ${s.line}`);
  });

  for (const s of snippets) {
    it(`line ${s.line}`, async () => {
      const run = await runNode(['--input-type=module', '-'], { cwd: repoRoot, stdin: s.code.replaceAll(DEFAULT_URL, site.url), env: { MEMORIAL_STAFF_TOKEN: server.adminToken } });
      assert.equal(run.code, 0, run.stderr);
      const printed = /\/\/ prints:\n((?:\/\/ .*\n?)+)/.exec(s.code)?.[1];
      if (printed) assert.deepEqual(run.stdout.trim().split('\n'), printed.trim().split('\n').map((l) => l.replace(/^\/\/ /, '')));
    });
  }
});

describe('docs/cms-embedding.md: the server under a path prefix, behind a proxy that strips it', () => {
  it('the SDK with baseUrl …/memorial reads and writes', async () => {
    const client = createMemorialClient({ baseUrl: `${proxy.url}${PREFIX}` });
    assert.equal(client.baseUrl, `${proxy.url}${PREFIX}/api/v1/`);
    assert.equal((await client.martyrs.get('sample-0001')).id, 'sample-0001');
    const result = await client.tributes.offer('sample-0001', { kind: 'flower', visitorId: 'prefix-check-0001' });
    assert.equal(result.counted, true);
  });

  it('serves the browser file with the CORS header module scripts need', async () => {
    const res = await fetch(`${proxy.url}${PREFIX}/dist/cdn/memorial-elements.min.js`, { headers: { origin: 'https://www.example.gov.cn' } });
    await res.arrayBuffer();
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  it('every link of the docs site resolves under the prefix', async () => {
    assert.deepEqual(await brokenLinks(`${proxy.url}${PREFIX}`), []);
  });
});
