// The getting-started page works as written (issue 8, must hold): its tested ```js snippets run
// unchanged in a child Node process against the real reference server, except for the server's
// address, which the page gives as `npm start`'s default and the test swaps for its own port.
// They run the way the page tells a reader to: in the repository folder (the package imports
// itself by name) and in a fresh project that installed the package from this folder (a
// symlink in node_modules, which is what `npm install /path/to/memorial-elements` makes).
// The SDK is the built one (dist/sdk.js), as for the reader: `npm test` builds before this runs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { testedSnippets } from '../../scripts/docs/snippets.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const PAGE = join(repoRoot, 'docs/getting-started.md');
/** What `npm start` prints and the page tells readers to use. */
const DEFAULT_URL = 'http://127.0.0.1:8787';

const markdown = readFileSync(PAGE, 'utf8');
const jsSnippets = testedSnippets(markdown).filter((s) => s.lang === 'js');

let server: TestServer;
let project: string;
before(async () => {
  server = await startTestServer();
  project = mkdtempSync(join(tmpdir(), 'memorial-getting-started-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(repoRoot, join(project, 'node_modules/memorial-elements'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-app', private: true, type: 'module' }));
});
after(async () => {
  if (project) rmSync(project, { recursive: true, force: true });
  await server?.close();
});

/** Runs `node` asynchronously (the server answering it lives in this process). */
function runNode(args: string[], cwd: string, stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin ?? '');
  });
}

/** Every hit of a search, through the REST API page by page: what the snippet should print. */
async function searchAll(q: string): Promise<string[]> {
  const lines: string[] = [];
  let cursor: string | null = null;
  do {
    const url = new URL(`${server.baseUrl}/api/v1/martyrs`);
    url.searchParams.set('q', q);
    if (cursor) url.searchParams.set('cursor', cursor);
    const page = (await (await fetch(url)).json()) as { items: { name: string; deathDate: string | null }[]; nextCursor: string | null };
    for (const m of page.items) lines.push(`${m.name} ${m.deathDate}`);
    cursor = page.nextCursor;
  } while (cursor);
  return lines;
}

const asWritten = (code: string) => code.replaceAll(DEFAULT_URL, server.baseUrl);

describe('docs/getting-started.md: the SDK in three lines', () => {
  it('has tested js snippets, the SDK one in three lines, each using the documented default address', () => {
    assert.ok(jsSnippets.length >= 1, 'the page marks no ```js snippet with <!-- tested -->');
    for (const s of jsSnippets) assert.ok(s.code.includes(DEFAULT_URL), `snippet at line ${s.line} does not use ${DEFAULT_URL}`);
    const sdk = jsSnippets.find((s) => s.code.includes("from 'memorial-elements/sdk'"));
    assert.ok(sdk, 'no tested snippet imports memorial-elements/sdk');
    assert.equal(sdk.code.trim().split('\n').length, 3, 'the SDK snippet is three lines');
  });

  it('the package is built, so `memorial-elements/sdk` resolves as it does for a reader', () => {
    assert.ok(existsSync(join(repoRoot, 'dist/sdk.js')), 'dist/sdk.js is missing: run npm run build first');
  });

  for (const snippet of jsSnippets) {
    it(`line ${snippet.line}: runs as written in the repository folder and prints every hit of its search`, async () => {
      const q = /search\(\{ q: '([^']+)' \}\)/.exec(snippet.code)?.[1];
      assert.ok(q, 'the snippet searches for a name');
      const expected = await searchAll(q);
      assert.ok(expected.length > 0, `the sample data has hits for ${q}`);
      const run = await runNode(['--input-type=module', '-'], repoRoot, asWritten(snippet.code));
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(run.stdout.trim().split('\n'), expected);
    });

    it(`line ${snippet.line}: runs as written from search.mjs in a project that installed the package from this folder`, async () => {
      writeFileSync(join(project, 'search.mjs'), asWritten(snippet.code));
      const run = await runNode(['search.mjs'], project);
      assert.equal(run.code, 0, run.stderr);
      const q = /search\(\{ q: '([^']+)' \}\)/.exec(snippet.code)?.[1] ?? '';
      assert.deepEqual(run.stdout.trim().split('\n'), await searchAll(q));
    });
  }

  it('against a server that is not running, the snippet fails with the SDK’s network error, not silently', async () => {
    const sdk = jsSnippets[0];
    assert.ok(sdk);
    // Port 9 (discard) has nothing listening on loopback; retries are the SDK's defaults.
    const run = await runNode(['--input-type=module', '-'], repoRoot, sdk.code.replaceAll(DEFAULT_URL, 'http://127.0.0.1:9'));
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /MemorialNetworkError/);
  });
});
